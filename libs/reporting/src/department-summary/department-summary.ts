import { IsoDate, ReportingPeriod, printReportingPeriod, reportingPeriodLabel } from '@app/kernel';
import { EVENT_KINDS, EVENT_KIND_LABELS, PARTICIPANT_CATEGORIES, PARTICIPANT_CATEGORY_LABELS, ParticipationTotals, onDay, printWhen } from '@app/events';
import { NetworkPlanRow, PLAN_STATUS_LABELS, PlanOverview } from '@app/planning';
import type { ReportChart, ReportLanguage } from '../annual-analysis/annual-analysis.model';
import type { DepartmentSummary, SummaryCount, SummaryFigures, SummaryLabel, SummaryNetwork, SummaryPeriod } from './department-summary.model';

/** What a department summary is made of, gathered once (`DepartmentSummaryFactsReader`). */
export interface SummaryFacts {
  department: string;
  period: ReportingPeriod;
  previous: ReportingPeriod;
  overview: PlanOverview;
  previousOverview: PlanOverview;
  /** Each network's held events of the period, added up, by network id (none: it held nothing counted). */
  participation: Readonly<Record<string, ParticipationTotals | undefined>>;
  previousParticipation: Readonly<Record<string, ParticipationTotals | undefined>>;
  position: number;
  reportDate: IsoDate;
}

const LABELS: Record<ReportLanguage, Record<SummaryLabel, string>> = {
  uk: { network: 'Мережа', plan: 'План', eventsHeld: 'Проведено заходів', participants: 'Учасників', fulfilment: 'Виконання плану', assessment: 'Оцінка', change: 'Зміна', total: 'Усього', previous: 'Попередній період', none: 'немає плану' },
  ru: { network: 'Сеть', plan: 'План', eventsHeld: 'Проведено мероприятий', participants: 'Участников', fulfilment: 'Выполнение плана', assessment: 'Оценка', change: 'Изменение', total: 'Всего', previous: 'Предыдущий период', none: 'нет плана' },
  en: { network: 'Network', plan: 'Plan', eventsHeld: 'Events held', participants: 'Participants', fulfilment: 'Plan fulfilment', assessment: 'Assessment', change: 'Change', total: 'Total', previous: 'Previous period', none: 'no plan' },
};

const CHART_TITLES: Record<ReportLanguage, { kinds: string; fulfilment: string }> = {
  uk: { kinds: 'Заходи за видами', fulfilment: 'Частка проведених запланованих заходів, %' },
  ru: { kinds: 'Мероприятия по видам', fulfilment: 'Доля проведённых запланированных мероприятий, %' },
  en: { kinds: 'Events by kind', fulfilment: 'Share of planned events held, %' },
};

const titleOf = (period: ReportingPeriod, language: ReportLanguage): string => {
  const text = printReportingPeriod(period, language);
  if (language === 'uk') return `Зведений звіт про роботу мереж закладів освіти за ${text}`;
  if (language === 'ru') return `Сводный отчёт о работе сетей образовательных учреждений за ${text}`;
  return `Summary of the networks’ work for ${text}`;
};

const periodView = (period: ReportingPeriod, language: ReportLanguage): SummaryPeriod => ({
  kind: period.kind,
  label: reportingPeriodLabel(period),
  text: printReportingPeriod(period, language),
});

const share = (held: number, planned: number): number | null => (planned > 0 ? Math.round((held / planned) * 1000) / 1000 : null);

const figuresOf = (row: NetworkPlanRow | undefined, totals: ParticipationTotals | undefined): SummaryFigures => ({
  eventsHeld: totals?.events ?? 0,
  participants: totals?.participants ?? 0,
  itemsPlanned: row?.items.planned ?? 0,
  itemsHeld: row?.items.held ?? 0,
  shareHeld: row ? share(row.items.held, row.items.planned) : null,
});

const add = (figures: readonly SummaryFigures[]): SummaryFigures => {
  const sum = (pick: (f: SummaryFigures) => number) => figures.reduce((total, f) => total + pick(f), 0);
  const itemsPlanned = sum((f) => f.itemsPlanned);
  const itemsHeld = sum((f) => f.itemsHeld);
  return { eventsHeld: sum((f) => f.eventsHeld), participants: sum((f) => f.participants), itemsPlanned, itemsHeld, shareHeld: share(itemsHeld, itemsPlanned) };
};

/** Counts by key in a vocabulary's order, with the period before beside them; keys at 0 in both are left out. */
const countsOf = (keys: readonly string[], label: (key: string) => string, now: (key: string) => number, before: (key: string) => number): SummaryCount[] =>
  keys.map((key) => ({ key, label: label(key), count: now(key), previous: before(key) })).filter((c) => c.count > 0 || c.previous > 0);

const kindCount = (totals: readonly (ParticipationTotals | undefined)[], kind: string) =>
  totals.reduce((sum, t) => sum + (t?.byKind.find((k) => k.kind === kind)?.events ?? 0), 0);
const categoryCount = (totals: readonly (ParticipationTotals | undefined)[], category: string) =>
  totals.reduce((sum, t) => sum + (t?.byCategory.find((c) => c.category === category)?.count ?? 0), 0);

/**
 * The department summary, worded in `language`: one row per network of the period's overview
 * (active, or with a plan for it), in its order (by name), each against the same network's
 * figures of the period before; the totals; events by kind and participation by category over
 * the department; two charts (events by kind, the share of planned events held per network).
 * A network without a plan shows its events all the same, its fulfilment null.
 */
export const composeDepartmentSummary = (facts: SummaryFacts, language: ReportLanguage): DepartmentSummary => {
  const words = LABELS[language];
  const previousRows = new Map(facts.previousOverview.networks.map((row) => [row.networkId, row]));
  const kindLabel = (kind: string) => EVENT_KIND_LABELS[kind as keyof typeof EVENT_KIND_LABELS][language];
  const categoryLabel = (category: string) => PARTICIPANT_CATEGORY_LABELS[category as keyof typeof PARTICIPANT_CATEGORY_LABELS][language];
  const statusLabel = (status: string) => (status === 'none' ? words.none : PLAN_STATUS_LABELS[status as keyof typeof PLAN_STATUS_LABELS][language]);

  const networks: SummaryNetwork[] = facts.overview.networks.map((row) => {
    const now = facts.participation[row.networkId];
    const before = facts.previousParticipation[row.networkId];
    const beforeRow = previousRows.get(row.networkId);
    const figures = figuresOf(row, now);
    const hadBefore = (beforeRow && beforeRow.status !== 'none') || (before?.events ?? 0) > 0;
    const previous = hadBefore
      ? { ...figuresOf(beforeRow, before), planStatus: beforeRow?.status ?? 'none', assessment: beforeRow?.assessment ? beforeRow.assessment.label[language] : null }
      : null;
    return {
      networkId: row.networkId,
      name: row.name,
      planId: row.planId,
      planStatus: row.status,
      planStatusLabel: statusLabel(row.status),
      ...figures,
      shareHeld: row.status === 'none' ? null : figures.shareHeld,
      eventsByKind: countsOf(EVENT_KINDS, kindLabel, (k) => kindCount([now], k), (k) => kindCount([before], k)),
      participationByCategory: countsOf(PARTICIPANT_CATEGORIES, categoryLabel, (c) => categoryCount([now], c), (c) => categoryCount([before], c)),
      assessment: row.assessment ? { grade: row.assessment.grade, label: row.assessment.label[language], comment: row.assessment.comment } : null,
      previous,
      change: previous
        ? {
            eventsHeld: figures.eventsHeld - previous.eventsHeld,
            participants: figures.participants - previous.participants,
            shareHeld: figures.shareHeld !== null && previous.shareHeld !== null && row.status !== 'none' ? Math.round((figures.shareHeld - previous.shareHeld) * 1000) / 1000 : null,
          }
        : null,
    };
  });

  const allNow = facts.overview.networks.map((row) => facts.participation[row.networkId]);
  const allBefore = facts.overview.networks.map((row) => facts.previousParticipation[row.networkId]);
  const eventsByKind = countsOf(EVENT_KINDS, kindLabel, (k) => kindCount(allNow, k), (k) => kindCount(allBefore, k));
  const byStatus = (['draft', 'approved', 'closed', 'none'] as const).map((status) => ({
    key: status,
    label: statusLabel(status),
    count: facts.overview.totals.byStatus[status] ?? 0,
    previous: facts.previousOverview.totals.byStatus[status] ?? 0,
  }));
  const charts: ReportChart[] = [
    { chart: 'events-by-kind', title: CHART_TITLES[language].kinds, bars: eventsByKind.map((c) => ({ label: c.label, value: c.count })) },
    {
      chart: 'fulfilment',
      title: CHART_TITLES[language].fulfilment,
      bars: networks.filter((n) => n.shareHeld !== null).map((n) => ({ label: n.name, value: Math.round((n.shareHeld ?? 0) * 100) })),
    },
  ].filter((chart) => chart.bars.length > 0);

  return {
    report: 'department-summary',
    schemaVersion: 1,
    language,
    department: facts.department,
    title: titleOf(facts.period, language),
    period: periodView(facts.period, language),
    previous: periodView(facts.previous, language),
    networks,
    totals: { ...add(networks), networks: networks.length, withPlan: networks.filter((n) => n.planStatus !== 'none').length, byStatus },
    previousTotals: add(networks.map((n) => n.previous ?? { eventsHeld: 0, participants: 0, itemsPlanned: 0, itemsHeld: 0, shareHeld: null })),
    eventsByKind,
    participationByCategory: countsOf(PARTICIPANT_CATEGORIES, categoryLabel, (c) => categoryCount(allNow, c), (c) => categoryCount(allBefore, c)),
    charts,
    labels: words,
    basis: { position: facts.position, reportDate: facts.reportDate, reportDateText: printWhen(onDay(facts.reportDate), language) },
  };
};
