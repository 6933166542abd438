import ExcelJS from 'exceljs';
import { DEFAULT_YEAR_START, ReportingPeriod, academicYearPeriod, calendarYearPeriod } from '@app/kernel';
import { inAcademicYear, inMonth, onDay } from '@app/events';
import { composeMonitoringTable } from './monitoring-table';
import { renderMonitoringTableXlsx } from './monitoring-table.xlsx';
import { atAnotherTime } from '../render/testing/clock';

const SCHOOL = '0190a1b2-0000-7000-8000-000000000001';
const SERIES = '0190a1b2-0000-7000-8000-00000000000a';

const table = (periods: ReportingPeriod[] = [academicYearPeriod('2020/2021'), academicYearPeriod('2021/2022')]) =>
  composeMonitoringTable(
    {
      department: 'remontnoye',
      network: { networkId: '0190a1b2-0000-7000-8000-0000000000ff', name: 'Центральный образовательный округ' },
      periods,
      yearStart: DEFAULT_YEAR_START,
      series: [{ seriesId: SERIES, name: 'Консультации для родителей', kind: 'consultation' }],
      events: [
        { eventId: 'e1', kind: 'consultation', topic: 'Адаптация первоклассников', seriesId: SERIES, when: onDay('2020-10-15'), hostIds: [SCHOOL] },
        { eventId: 'e2', kind: 'consultation', topic: 'Готовность к школе', seriesId: SERIES, when: inMonth('2021-03'), hostIds: [SCHOOL] },
        { eventId: 'e3', kind: 'consultation', topic: 'Итоги года', seriesId: SERIES, when: inAcademicYear('2020/2021'), hostIds: [] },
      ],
      institutionNames: { [SCHOOL]: 'МБОУ Ремонтненская гимназия № 1' },
      position: 42,
      reportDate: '2022-06-30',
    },
    'ru',
  );

const read = async (bytes: Buffer) => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
};

describe('renderMonitoringTableXlsx', () => {
  it('writes the topics and the counts, numbers as numbers, the header frozen and the widths set', async () => {
    const workbook = await read(await renderMonitoringTableXlsx(table()));
    const [topics, counts] = workbook.worksheets;
    expect([topics.name, counts.name]).toEqual(['Темы и учреждения', 'Количество']);
    expect(topics.getRow(2).values).toEqual([undefined, 'Серия мероприятий', '2020/2021', '2021/2022']);
    expect(topics.getCell('B3').value).toBe(
      'Адаптация первоклассников (МБОУ Ремонтненская гимназия № 1)\nГотовность к школе (МБОУ Ремонтненская гимназия № 1)\nИтоги года',
    );
    // A year without an event leaves its cell empty.
    expect(topics.getCell('C3').value ?? '').toBe('');
    expect(counts.getRow(3).values).toEqual([undefined, 'Консультации для родителей', 3, 0, 3]);
    expect(typeof counts.getCell('B3').value).toBe('number');
    expect(counts.getRow(4).values).toEqual([undefined, 'Всего', 3, 0, 3]);
    for (const sheet of [topics, counts]) {
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 2 });
      expect(sheet.getColumn(1).width).toBe(36);
    }
    expect(topics.getColumn(2).width).toBe(48);
  });

  it('lists the events too imprecisely dated for a column below the topics', async () => {
    const workbook = await read(await renderMonitoringTableXlsx(table([calendarYearPeriod(2020), calendarYearPeriod(2021)])));
    const values = workbook.worksheets[0].getSheetValues().flatMap((row) => (Array.isArray(row) ? row.filter((v) => typeof v === 'string') : []));
    expect(values).toContain('в течение 2020/2021 учебного года');
    expect(values).toContain('Итоги года');
  });

  it('gives the same bytes for the same table', async () => {
    const first = await renderMonitoringTableXlsx(table());
    const later = await atAnotherTime(() => renderMonitoringTableXlsx(table()));
    expect(later.equals(first)).toBe(true);
  });
});
