import { AddressInfo } from 'node:net';
import { QueryBus } from '@nestjs/cqrs';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { ReportingPeriod, academicYearPeriod, calendarYearPeriod } from '@app/kernel';
import { composeMonitoringTable } from '@app/reporting/monitoring-table/monitoring-table';
import { MonitoringTableFactsReader } from '@app/reporting/monitoring-table/monitoring-table.reader';
import { composeDepartmentSummary } from '@app/reporting/department-summary/department-summary';
import { DepartmentSummaryFactsReader } from '@app/reporting/department-summary/department-summary.reader';
import { composeInstitutionProfile } from '@app/reporting/institution-profile/institution-profile';
import { InstitutionProfileFactsReader } from '@app/reporting/institution-profile/institution-profile.reader';
import { renderMonitoringTableXlsx } from '@app/reporting/monitoring-table/monitoring-table.xlsx';
import { escapeHtml, renderReport, stopChartRenderer } from '@app/reporting/render/renderers';
import { docxMedia, docxTables } from '@app/reporting/render/testing/docx-text';
import ExcelJS from 'exceljs';
import { loadDemo } from '../demo/load-demo';
import { ADMIN_KEY, ApiHarness } from './support/api-harness';

/**
 * The monitoring table and the department summary from the demo's records, read through the
 * modules' queries of a real app: Remontnoye's central district, whose consultations on work
 * programmes recur; the plans of Murygino, Remontnoye and Bakhmut.
 */
describe('the monitoring table, the department summary and an institution profile from the demo data', () => {
  let api: ApiHarness;
  let reader: MonitoringTableFactsReader;
  let summaries: DepartmentSummaryFactsReader;
  let demoNetworks: Record<string, string>;
  let demoInstitutions: Record<string, string>;
  let profiles: InstitutionProfileFactsReader;
  let position: number;
  let network: string;

  beforeAll(async () => {
    api = await ApiHarness.start({}, undefined);
    await api.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = api.app.getHttpServer().address() as AddressInfo;
    const demo = await loadDemo({ url: `http://127.0.0.1:${port}`, apiKey: ADMIN_KEY });
    network = demo.networks['remontnoye-central-district'];
    position = await api.app.get<EventStore>(EVENT_STORE).headPosition();
    reader = new MonitoringTableFactsReader(api.app.get(QueryBus));
    summaries = new DepartmentSummaryFactsReader(api.app.get(QueryBus));
    demoNetworks = demo.networks;
    demoInstitutions = demo.institutions;
    profiles = new InstitutionProfileFactsReader(api.app.get(QueryBus));
  }, 120_000);
  afterAll(async () => {
    await api?.stop();
    await stopChartRenderer();
  });

  const facts = (periods: ReportingPeriod[] = [academicYearPeriod('2021/2022'), academicYearPeriod('2022/2023')]) =>
    reader.read({ department: api.config.department, networkId: network, periods, position, reportDate: '2023-06-30' });

  it('shows the series as a row, the year without an event empty, the year with one listing its topic', async () => {
    const table = composeMonitoringTable(await facts(), 'ru');
    expect(table.title).toBe('Мониторинг мероприятий: Центральный образовательный округ, 2021/2022–2022/2023 уч. г.');
    const row = table.rows.find((r) => r.label === 'Консультации по составлению рабочих программ')!;
    expect(row.cells[0]).toEqual({ events: [], count: 0, text: '' });
    expect(row.cells[1].count).toBe(1);
    expect(row.cells[1].text).toMatch(/^Консультации руководителей предметных МО по состав/);
    expect(row.cells[1].events[0].when).toBe('в течение 2022/2023 учебного года');
  });

  it('by calendar year, places the November seminar in 2022 and lists the events known only to the academic year as unplaced', async () => {
    const table = composeMonitoringTable(await facts([calendarYearPeriod(2022), calendarYearPeriod(2023)]), 'ru', { rowsBy: 'kinds' });
    const seminars = table.rows.find((r) => r.key === 'seminar')!;
    expect(seminars.cells.map((c) => c.count)).toEqual([1, 0]);
    expect(seminars.cells[0].events[0].when).toBe('в ноябре 2022 г.');
    expect(table.unplaced.length).toBeGreaterThanOrEqual(3);
    expect(table.unplaced.every((e) => e.when === 'в течение 2022/2023 учебного года')).toBe(true);
  });

  it('writes it as XLSX with the counts as numbers', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await renderMonitoringTableXlsx(composeMonitoringTable(await facts(), 'ru'))) as unknown as ArrayBuffer);
    const counts = workbook.worksheets[1];
    const row = counts.getSheetValues().find((r) => Array.isArray(r) && r[1] === 'Консультации по составлению рабочих программ') as unknown[];
    expect(row.slice(2)).toEqual([0, 1, 1]);
  });

  it('renders it as DOCX, HTML and Markdown with the same cells, the year without the consultation empty', async () => {
    const table = composeMonitoringTable(await facts(), 'ru');
    const row = table.rows.findIndex((r) => r.label === 'Консультации по составлению рабочих программ');
    const topic = table.rows[row].cells[1].events[0].text;
    const [topics] = docxTables(await renderReport(table, 'docx').then((d) => d.bytes));
    // The header, then the rows; a row: the series, its kind, the two years.
    expect(topics[row + 1]).toEqual([['Консультации по составлению рабочих программ'], ['консультация'], [''], [topic]]);
    const html = (await renderReport(table, 'html')).bytes.toString('utf8');
    expect(html).toContain(`<tr><th scope="row">Консультации по составлению рабочих программ</th><td>консультация</td><td></td><td>${escapeHtml(topic)}</td></tr>`);
    const markdown = (await renderReport(table, 'markdown')).bytes.toString('utf8');
    expect(markdown).toMatch(/\| Консультации по составлению рабочих программ +\| консультация +\| +\| Консультации руководителей/);
  });

  it('refuses a network of no one (404)', async () => {
    await expect(reader.read({ department: api.config.department, networkId: '0190a1b2-0000-7000-8000-0000000000ee', periods: [calendarYearPeriod(2022)], position, reportDate: '2023-06-30' })).rejects.toMatchObject({ name: 'NotFound' });
  });

  it('summarises the department’s 2022/2023: Remontnoye’s closed plan with its assessment and events, against 2021/2022', async () => {
    const summary = composeDepartmentSummary(await summaries.read({ department: api.config.department, period: academicYearPeriod('2022/2023'), position, reportDate: '2023-06-30' }), 'ru');
    expect(summary.title).toBe('Сводный отчёт о работе сетей образовательных учреждений за 2022/2023 учебный год');
    const remontnoye = summary.networks.find((n) => n.networkId === demoNetworks['remontnoye-central-district'])!;
    expect(remontnoye).toMatchObject({ planStatus: 'closed', planStatusLabel: 'подведены итоги', assessment: { label: 'удовлетворительно' }, previous: null, change: null });
    expect(remontnoye.eventsHeld).toBeGreaterThanOrEqual(5);
    expect(remontnoye.eventsByKind.find((k) => k.key === 'seminar')?.count).toBe(1);
    expect(summary.totals.withPlan).toBeGreaterThanOrEqual(1);
    expect(summary.networks.filter((n) => n.planStatus === 'none').every((n) => n.shareHeld === null)).toBe(true);
  });

  it('summarises 2020/2021 with Murygino district No. 3’s plan and its three seminars held', async () => {
    const summary = composeDepartmentSummary(await summaries.read({ department: api.config.department, period: academicYearPeriod('2020/2021'), position, reportDate: '2021-06-30' }), 'uk');
    const murygino = summary.networks.find((n) => n.networkId === demoNetworks['murygino-district-3'])!;
    expect(murygino.planStatus).not.toBe('none');
    expect(murygino).toMatchObject({ itemsPlanned: 3, itemsHeld: 3, shareHeld: 1 });
    expect(summary.charts.find((c) => c.chart === 'fulfilment')?.bars).toContainEqual({ label: murygino.name, value: 100 });
    const docx = (await renderReport(summary, 'docx')).bytes;
    const networks = docxTables(docx)[0].map((row) => row.map((cell) => cell.join('\n')));
    expect(networks.find((row) => row[0] === murygino.name)?.slice(4, 7)).toEqual(['3', '3', '100\u00a0%']);
    expect(docxMedia(docx).size).toBe(2);
  });

  it('profiles Bakhmut’s ZOSh No. 7: its two districts over time and the open lessons it hosted', async () => {
    const profile = composeInstitutionProfile(await profiles.read({ department: api.config.department, institutionId: demoInstitutions['bakhmut-zosh-7'], position, reportDate: '2020-06-30' }), 'uk');
    expect(profile.title).toBe('Профіль закладу: ЗОШ № 7');
    expect(profile.networks.map((s) => [s.name, s.from, s.to])).toEqual([
      ['Попередній освітній округ ЗОШ № 7', '2017-09-01', '2019-09-01'],
      ['Освітній округ НВК № 11', '2019-09-01', null],
    ]);
    expect(profile.networks.map((s) => s.text)).toEqual([
      'З 1 вересня 2017 р. по 31 серпня 2019 р.: Попередній освітній округ ЗОШ № 7 (освітній округ), учасник',
      'З 1 вересня 2019 р. дотепер: Освітній округ НВК № 11 (освітній округ), учасник',
    ]);
    expect(profile.hosted.map((e) => e.topic)).toEqual([expect.stringMatching(/^Відкриті уроки для студентів/)]);
    expect(profile.hosted[0].when).toBe('протягом 2019/2020 н. р.');
  });

  it('refuses another department’s or an unknown institution (404)', async () => {
    await expect(profiles.read({ department: api.config.department, institutionId: '0190a1b2-0000-7000-8000-0000000000ee', position, reportDate: '2020-06-30' })).rejects.toMatchObject({ name: 'NotFound' });
    await expect(profiles.read({ department: 'another-department', institutionId: demoInstitutions['bakhmut-zosh-7'], position, reportDate: '2020-06-30' })).rejects.toMatchObject({ name: 'NotFound' });
  });
});
