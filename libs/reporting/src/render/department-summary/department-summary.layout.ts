import type { DepartmentSummary, SummaryCount } from '../../department-summary/department-summary.model';
import { isDrawable } from '../charts/chart-spec';
import { printChange, printCount, printShare } from '../figures';
import type { LayoutContent, LayoutPart, LayoutTable, ReportLayout } from '../layout';

/**
 * The department summary's built-in layout, on a landscape page: the title; the networks' table
 * (a row each: plan status, events held, participants, the plan's items planned and held and the
 * share held, the assessment, and the change in events and participants against the period
 * before; a totals row) with the fulfilment chart under it; events by kind, participants by
 * category and the plans' statuses, each a table of this period, the one before and the change
 * (events by kind with its chart); the report's date. Columns are headed as in the XLSX. A part
 * with nothing to count is left out; a network without a plan has an empty share, not 0 %, and a
 * network with nothing to compare an empty change.
 */
export const departmentSummaryLayout = (summary: DepartmentSummary): ReportLayout => {
  const charts = new Map(summary.charts.filter(isDrawable).map((chart) => [chart.chart, chart]));
  const chart = (code: string): LayoutContent[] => {
    const found = charts.get(code);
    return found ? [{ type: 'chart', chart: found }] : [];
  };
  const l = summary.labels;
  const parts: LayoutPart[] = [];
  if (summary.networks.length > 0) {
    parts.push({ key: 'networks', heading: null, content: [{ type: 'table', table: networksTable(summary) }, ...chart('fulfilment')] });
  }
  const counted = (key: string, heading: string, counts: readonly SummaryCount[], ...after: LayoutContent[]): void => {
    if (counts.length > 0) parts.push({ key, heading, content: [{ type: 'table', table: countsTable(summary, key, counts) }, ...after] });
  };
  counted('eventsByKind', l.eventsHeld, summary.eventsByKind, ...chart('events-by-kind'));
  counted('participationByCategory', l.participants, summary.participationByCategory);
  counted('planStatuses', l.plan, summary.totals.byStatus.filter((status) => status.count > 0 || status.previous > 0));
  return {
    language: summary.language,
    page: 'landscape',
    title: summary.title,
    subtitle: null,
    parts,
    signature: { position: null, name: null, date: summary.basis.reportDateText },
  };
};

const one = (text: string): string[] => (text === '' ? [] : [text]);

const networksTable = (summary: DepartmentSummary): LayoutTable => {
  const l = summary.labels;
  const language = summary.language;
  const count = (n: number): string[] => [printCount(n, language)];
  const change = (n: number | null | undefined): string[] => one(printChange(n, language));
  const figure = (header: string, width = 2.25) => ({ header, align: 'right' as const, width });
  const t = summary.totals;
  return {
    key: 'networks',
    columns: [
      { header: l.network, align: 'left', width: 3.8, grow: true },
      { header: l.plan, align: 'left', width: 2.6 },
      figure(l.eventsHeld),
      figure(l.participants),
      figure(`${l.fulfilment}: ${l.plan.toLowerCase()}`),
      figure(`${l.fulfilment}: ${l.eventsHeld.toLowerCase()}`),
      figure(`${l.fulfilment}, %`, 1.9),
      { header: l.assessment, align: 'left', width: 3.2 },
      figure(`${l.change}: ${l.eventsHeld.toLowerCase()}`),
      figure(`${l.change}: ${l.participants.toLowerCase()}`),
    ],
    rows: [
      ...summary.networks.map((n) => ({
        cells: [
          [n.name],
          [n.planStatusLabel],
          count(n.eventsHeld),
          count(n.participants),
          count(n.itemsPlanned),
          count(n.itemsHeld),
          one(printShare(n.shareHeld, language)),
          n.assessment ? [[n.assessment.label, n.assessment.comment].filter(Boolean).join(', ')] : [],
          change(n.change?.eventsHeld),
          change(n.change?.participants),
        ],
      })),
      {
        total: true,
        cells: [
          [l.total],
          [`${printCount(t.withPlan, language)} / ${printCount(t.networks, language)}`],
          count(t.eventsHeld),
          count(t.participants),
          count(t.itemsPlanned),
          count(t.itemsHeld),
          one(printShare(t.shareHeld, language)),
          [],
          change(t.eventsHeld - summary.previousTotals.eventsHeld),
          change(t.participants - summary.previousTotals.participants),
        ],
      },
    ],
  };
};

/** A table of counts: this period, the one before, the change; its first column unheaded (the part's heading says what is counted). */
const countsTable = (summary: DepartmentSummary, key: string, counts: readonly SummaryCount[]): LayoutTable => {
  const language = summary.language;
  return {
    key,
    columns: [
      { header: '', align: 'left', width: 7 },
      { header: summary.period.label, align: 'right', width: 3 },
      { header: summary.previous.label, align: 'right', width: 3 },
      { header: summary.labels.change, align: 'right', width: 3 },
    ],
    rows: counts.map((c) => ({ cells: [[c.label], [printCount(c.count, language)], [printCount(c.previous, language)], [printChange(c.count - c.previous, language)]] })),
  };
};
