import { academicYearPeriod } from '@app/kernel';
import type { ParticipationTotals } from '@app/events';
import type { NetworkPlanRow, PlanOverview } from '@app/planning';
import ExcelJS from 'exceljs';
import { SummaryFacts, composeDepartmentSummary } from './department-summary';
import { renderDepartmentSummaryXlsx } from './department-summary.xlsx';
import { atAnotherTime } from '../render/testing/clock';

const DISTRICT = '0190a1b2-0000-7000-8000-000000000001';
const COUNCIL = '0190a1b2-0000-7000-8000-000000000002';

const row = (networkId: string, name: string, over: Partial<NetworkPlanRow> = {}): NetworkPlanRow => ({
  networkId,
  name,
  dissolvedOn: null,
  planId: `plan-${networkId}`,
  status: 'closed',
  revision: 1,
  items: { planned: 4, held: 3, cancelled: 1, carriedOver: 0, notHeld: 0, shareHeld: 0.75 },
  assessment: { grade: 'sufficient', label: { uk: 'достатній рівень', ru: 'достаточный уровень', en: 'sufficient' }, comment: 'потребує удосконалення' },
  ...over,
});

const overview = (label: string, networks: NetworkPlanRow[]): PlanOverview => ({
  period: academicYearPeriod(label),
  periodLabel: label,
  networks,
  totals: {
    networks: networks.length,
    withPlan: networks.filter((n) => n.status !== 'none').length,
    byStatus: { draft: 0, approved: 0, closed: 0, none: 0, ...Object.fromEntries(['draft', 'approved', 'closed', 'none'].map((s) => [s, networks.filter((n) => n.status === s).length])) },
    planned: 0,
    held: 0,
    cancelled: 0,
  },
});

const totals = (events: number, seminars: number, teachers: number, pupils = 0): ParticipationTotals => ({
  network: { id: DISTRICT, name: '' },
  period: { label: '', from: '2020-09-01', to: '2021-08-31' },
  events,
  eventsWithoutCounts: 0,
  counts: { teachers, ...(pupils ? { pupils } : {}) },
  participants: teachers + pupils,
  institutions: 3,
  outsideInstitutions: 0,
  byCategory: [{ category: 'teachers', count: teachers }, ...(pupils ? [{ category: 'pupils', count: pupils }] : [])],
  byKind: [
    { kind: 'seminar', label: { uk: 'семінар', ru: 'семинар', en: 'seminar' }, events: seminars, eventsWithoutCounts: 0, counts: {}, participants: 0, institutions: 0, outsideInstitutions: 0 },
    ...(events > seminars ? [{ kind: 'olympiad-stage' as const, label: { uk: '', ru: '', en: '' }, events: events - seminars, eventsWithoutCounts: 0, counts: {}, participants: 0, institutions: 0, outsideInstitutions: 0 }] : []),
  ],
});

/** A district with a closed plan both years, and a council with no plan this year, only events. */
const given = (): SummaryFacts => ({
  department: 'bakhmut',
  period: academicYearPeriod('2020/2021'),
  previous: academicYearPeriod('2019/2020'),
  overview: overview('2020/2021', [row(DISTRICT, 'Освітній округ № 1'), row(COUNCIL, 'Рада директорів', { planId: null, status: 'none', revision: 0, items: { planned: 0, held: 0, cancelled: 0, carriedOver: 0, notHeld: 0, shareHeld: 0 }, assessment: null })]),
  previousOverview: overview('2019/2020', [row(DISTRICT, 'Освітній округ № 1', { items: { planned: 5, held: 2, cancelled: 3, carriedOver: 0, notHeld: 0, shareHeld: 0.4 } })]),
  participation: { [DISTRICT]: totals(5, 3, 40, 60), [COUNCIL]: totals(2, 2, 12) },
  previousParticipation: { [DISTRICT]: totals(3, 3, 30) },
  position: 500,
  reportDate: '2021-06-30',
});

describe('composeDepartmentSummary', () => {
  it('given two networks, when composed, then each has its plan status, events, participants, fulfilment and assessment', () => {
    const summary = composeDepartmentSummary(given(), 'uk');
    expect(summary.title).toBe('Зведений звіт про роботу мереж закладів освіти за 2020/2021 навчальний рік');
    const [district, council] = summary.networks;
    expect(district).toMatchObject({ name: 'Освітній округ № 1', planStatus: 'closed', planStatusLabel: 'підсумки підбито', eventsHeld: 5, participants: 100, itemsPlanned: 4, itemsHeld: 3, shareHeld: 0.75 });
    expect(district.assessment).toEqual({ grade: 'sufficient', label: 'достатній рівень', comment: 'потребує удосконалення' });
    expect(district.eventsByKind.map((k) => [k.key, k.label, k.count, k.previous])).toEqual([
      ['seminar', 'семінар', 3, 3],
      ['olympiad-stage', 'етап олімпіади', 2, 0],
    ]);
    expect(district.participationByCategory.map((c) => [c.key, c.count, c.previous])).toEqual([
      ['pupils', 60, 0],
      ['teachers', 40, 30],
    ]);
    expect(council).toMatchObject({ planStatus: 'none', planStatusLabel: 'немає плану', eventsHeld: 2, shareHeld: null, assessment: null, previous: null, change: null });
  });

  it('given the period before, when composed, then each network shows its change against it', () => {
    const [district] = composeDepartmentSummary(given(), 'ru').networks;
    expect(district.previous).toMatchObject({ eventsHeld: 3, participants: 30, shareHeld: 0.4, planStatus: 'closed', assessment: 'достаточный уровень' });
    expect(district.change).toEqual({ eventsHeld: 2, participants: 70, shareHeld: 0.35 });
  });

  it('given the networks, when composed, then the totals add them up, with plan statuses and the period before', () => {
    const summary = composeDepartmentSummary(given(), 'en');
    expect(summary.totals).toMatchObject({ networks: 2, withPlan: 1, eventsHeld: 7, participants: 112, itemsPlanned: 4, itemsHeld: 3, shareHeld: 0.75 });
    expect(summary.totals.byStatus.map((s) => [s.key, s.count, s.previous])).toEqual([
      ['draft', 0, 0],
      ['approved', 0, 0],
      ['closed', 1, 1],
      ['none', 1, 0],
    ]);
    expect(summary.previousTotals).toEqual({ eventsHeld: 3, participants: 30, itemsPlanned: 5, itemsHeld: 2, shareHeld: 0.4 });
    expect(summary.eventsByKind.map((k) => [k.key, k.count, k.previous])).toEqual([
      ['seminar', 5, 3],
      ['olympiad-stage', 2, 0],
    ]);
    expect(summary.previous).toEqual({ kind: 'academic-year', label: '2019/2020', text: 'the 2019/2020 academic year' });
  });

  it('given the figures, when composed, then the charts show events by kind and the share held by networks with a plan', () => {
    const charts = composeDepartmentSummary(given(), 'uk').charts;
    expect(charts.map((c) => c.chart)).toEqual(['events-by-kind', 'fulfilment']);
    expect(charts[1].bars).toEqual([{ label: 'Освітній округ № 1', value: 75 }]);
  });
});

describe('renderDepartmentSummaryXlsx', () => {
  it('writes the networks with numbers as numbers, the share as a percentage, the totals, and the same bytes twice', async () => {
    const summary = composeDepartmentSummary(given(), 'uk');
    const bytes = await renderDepartmentSummaryXlsx(summary);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.name).toBe('2020-2021');
    expect(sheet.getRow(3).values).toEqual([undefined, 'Освітній округ № 1', 'підсумки підбито', 5, 100, 4, 3, 0.75, 'достатній рівень, потребує удосконалення', 2, 70]);
    expect(sheet.getColumn(7).numFmt).toBe('0%');
    expect(sheet.getRow(5).values).toEqual([undefined, 'Усього', '1 / 2', 7, 112, 4, 3, 0.75, undefined, 4, 82]);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 2 });
    const kinds = workbook.worksheets[1];
    expect(kinds.getRow(2).values).toEqual([undefined, 'семінар', 5, 3]);
    expect((await atAnotherTime(() => renderDepartmentSummaryXlsx(summary))).equals(bytes)).toBe(true);
  });
});
