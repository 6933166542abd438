import { DEFAULT_YEAR_START, academicYearPeriod, calendarYearPeriod } from '@app/kernel';
import { inAcademicYear, inMonth, onDay } from '@app/events';
import { MonitoringFactEvent, MonitoringFacts, composeMonitoringTable } from './monitoring-table';

const SCHOOL = '0190a1b2-0000-7000-8000-000000000001';
const GYMNASIUM = '0190a1b2-0000-7000-8000-000000000002';
const CONSULTATIONS = '0190a1b2-0000-7000-8000-00000000000a';
const OLYMPIAD = '0190a1b2-0000-7000-8000-00000000000b';

const event = (eventId: string, over: Partial<MonitoringFactEvent>): MonitoringFactEvent => ({
  eventId,
  kind: 'consultation',
  topic: 'Консультация',
  seriesId: CONSULTATIONS,
  when: inMonth('2021-03'),
  hostIds: [SCHOOL],
  ...over,
});

/** Remontnoye's consultations in two of three years, and an olympiad series. */
const given = (over: Partial<MonitoringFacts> = {}): MonitoringFacts => ({
  department: 'remontnoye',
  network: { networkId: '0190a1b2-0000-7000-8000-0000000000ff', name: 'Центральный образовательный округ' },
  periods: [academicYearPeriod('2020/2021'), academicYearPeriod('2021/2022'), academicYearPeriod('2022/2023')],
  yearStart: DEFAULT_YEAR_START,
  series: [
    { seriesId: OLYMPIAD, name: 'Олимпиада младших школьников', kind: 'olympiad-stage' },
    { seriesId: CONSULTATIONS, name: 'Консультации для родителей', kind: 'consultation' },
  ],
  events: [
    event('e1', { topic: 'Адаптация первоклассников', when: onDay('2020-10-15') }),
    event('e2', { topic: 'Готовность к школе', when: inMonth('2021-03'), hostIds: [SCHOOL, GYMNASIUM] }),
    event('e3', { topic: 'Профориентация', when: onDay('2022-11-24'), hostIds: [GYMNASIUM] }),
    event('e4', { kind: 'olympiad-stage', seriesId: OLYMPIAD, topic: 'Математика', when: onDay('2021-04-10') }),
    event('e5', { kind: 'seminar', seriesId: null, topic: 'Семинар без серии', when: onDay('2021-02-02') }),
  ],
  institutionNames: { [SCHOOL]: 'МБОУ Ремонтненская гимназия № 1', [GYMNASIUM]: 'МБОУ Ремонтненская СШ № 2' },
  position: 120,
  reportDate: '2023-06-30',
  ...over,
});

describe('composeMonitoringTable', () => {
  it('given series over three years, when composed, then each cell lists that year’s topics with their hosts, a year without an event is empty, and rows are in name order', () => {
    const table = composeMonitoringTable(given(), 'ru');
    expect(table.periods.map((p) => p.label)).toEqual(['2020/2021', '2021/2022', '2022/2023']);
    expect(table.rows.map((r) => r.label)).toEqual(['Консультации для родителей', 'Олимпиада младших школьников']);
    const [consultations, olympiad] = table.rows;
    expect(consultations.cells.map((c) => c.text)).toEqual([
      'Адаптация первоклассников (МБОУ Ремонтненская гимназия № 1)\nГотовность к школе (МБОУ Ремонтненская гимназия № 1; МБОУ Ремонтненская СШ № 2)',
      '',
      'Профориентация (МБОУ Ремонтненская СШ № 2)',
    ]);
    expect(consultations.cells.map((c) => c.count)).toEqual([2, 0, 1]);
    expect(consultations.cells[1].events).toEqual([]);
    expect(consultations.total).toBe(3);
    expect(consultations.kindLabel).toBe('консультация');
    expect(olympiad.cells.map((c) => c.count)).toEqual([1, 0, 0]);
    // The seminar belongs to no series: a table by series does not show it.
    expect(table.totals).toEqual([3, 0, 1]);
  });

  it('given a month-only event, when composed, then it is printed without a day', () => {
    const table = composeMonitoringTable(given(), 'uk');
    const march = table.rows[0].cells[0].events.find((e) => e.eventId === 'e2')!;
    expect(march.when).toBe('у березні 2021 р.');
    expect(march.when).not.toMatch(/\d+ березня/);
  });

  it('given a table by calendar year, when an event is known only to the academic year, then it is listed as unplaced, never guessed into a year', () => {
    const table = composeMonitoringTable(
      given({
        periods: [calendarYearPeriod(2020), calendarYearPeriod(2021)],
        events: [event('e1', { when: inAcademicYear('2020/2021'), topic: 'Когда-то в 2020/2021' }), event('e2', { when: inMonth('2021-03') })],
      }),
      'ru',
    );
    expect(table.rows[0].cells.map((c) => c.count)).toEqual([0, 1]);
    expect(table.unplaced.map((e) => [e.eventId, e.when])).toEqual([['e1', 'в течение 2020/2021 учебного года']]);
    expect(table.title).toBe('Мониторинг мероприятий: Центральный образовательный округ, 2020–2021 гг.');
  });

  it('given rows by kind, when composed, then only the kinds held are rows, in the vocabulary’s order, events of no series included', () => {
    const table = composeMonitoringTable(given(), 'uk', { rowsBy: 'kinds' });
    expect(table.rows.map((r) => [r.key, r.total])).toEqual([
      ['seminar', 1],
      ['olympiad-stage', 1],
      ['consultation', 3],
    ]);
    expect(table.labels.row).toBe('Вид заходу');
    expect(table.totals).toEqual([4, 0, 1]);
  });

  it('given the whole department, when composed in each language, then the title names the range in that language', () => {
    const department = given({ network: null });
    expect(composeMonitoringTable(department, 'uk').title).toBe('Моніторинг заходів усіх мереж, 2020/2021–2022/2023 н. р.');
    expect(composeMonitoringTable(department, 'ru').title).toBe('Мониторинг мероприятий всех сетей, 2020/2021–2022/2023 уч. г.');
    expect(composeMonitoringTable(department, 'en').title).toBe('Monitoring of events of every network, 2020/2021–2022/2023 academic years');
    expect(composeMonitoringTable(department, 'en').basis).toEqual({ position: 120, reportDate: '2023-06-30', reportDateText: '30 June 2023' });
  });

  it('given no year, when composed, then it is refused', () => {
    expect(() => composeMonitoringTable(given({ periods: [] }), 'ru')).toThrow(RangeError);
  });
});
