import type { MonitoringTable } from '../../monitoring-table/monitoring-table.model';
import { printCount } from '../figures';
import type { LayoutPart, LayoutTable, ReportLayout } from '../layout';

/**
 * The monitoring table's built-in layout, on a landscape page: the title; the topics (a row per
 * series or kind, a column per year, each cell that year's events one a line, "Тема (Заклад;
 * Заклад)", a year without an event an empty cell; for series, their kind beside them); the
 * counts (with totals per row and per year); the events too imprecisely dated for a column, each
 * with its date as known; the report's date. With no row there are no tables, with nothing
 * unplaced no list: what has nothing to say is left out, heading and all.
 */
export const monitoringTableLayout = (table: MonitoringTable): ReportLayout => {
  const parts: LayoutPart[] = [];
  if (table.rows.length > 0) {
    parts.push({ key: 'topics', heading: table.labels.topics, content: [{ type: 'table', table: topicsTable(table) }] });
    parts.push({ key: 'counts', heading: table.labels.counts, content: [{ type: 'table', table: countsTable(table) }] });
  }
  if (table.unplaced.length > 0) {
    parts.push({ key: 'unplaced', heading: table.labels.unplaced, content: [{ type: 'bullets', items: table.unplaced.map((event) => `${event.text}, ${event.when}`) }] });
  }
  return {
    language: table.language,
    page: 'landscape',
    title: table.title,
    subtitle: null,
    parts,
    signature: { position: null, name: null, date: table.basis.reportDateText },
  };
};

const bySeries = (table: MonitoringTable): boolean => table.rowsBy === 'series';

const topicsTable = (table: MonitoringTable): LayoutTable => ({
  key: 'topics',
  columns: [
    { header: table.labels.row, align: 'left', width: 4.2 },
    ...(bySeries(table) ? [{ header: table.labels.kind, align: 'left' as const, width: 3.4 }] : []),
    ...table.periods.map((period) => ({ header: period.label, align: 'left' as const, width: 2.2, grow: true })),
  ],
  rows: table.rows.map((row) => ({
    cells: [[row.label], ...(bySeries(table) ? [row.kindLabel ? [row.kindLabel] : []] : []), ...row.cells.map((cell) => cell.events.map((event) => event.text))],
  })),
});

const countsTable = (table: MonitoringTable): LayoutTable => {
  const count = (n: number): string[] => [printCount(n, table.language)];
  return {
    key: 'counts',
    columns: [
      { header: table.labels.row, align: 'left', width: 6.5 },
      ...table.periods.map((period) => ({ header: period.label, align: 'right' as const, width: 2.8 })),
      { header: table.labels.total, align: 'right', width: 2.6 },
    ],
    rows: [
      ...table.rows.map((row) => ({ cells: [[row.label], ...row.cells.map((cell) => count(cell.count)), count(row.total)] })),
      { cells: [[table.labels.total], ...table.totals.map(count), count(table.totals.reduce((sum, n) => sum + n, 0))], total: true },
    ],
  };
};
