import type { IsoDate } from '@app/kernel';
import type { ReportLanguage } from '../annual-analysis/annual-analysis.model';

/**
 * The monitoring table of a network, or of the whole department, over a range of years: one row
 * per series of recurring events (or per kind of event), one column per year (academic or
 * calendar), each cell the topics held that year with their hosts, and the same as counts.
 * Worded for one language, like the annual analysis: renderers only lay it out.
 */
export interface MonitoringTable {
  report: 'monitoring-table';
  schemaVersion: 1;
  language: ReportLanguage;
  department: string;
  /** "Моніторинг заходів освітнього округу № 1, 2019/2020–2022/2023 н. р.". */
  title: string;
  /** The network, or null for the whole department. */
  network: { networkId: string; name: string } | null;
  /** `series` (the default) or `kinds`. */
  rowsBy: 'series' | 'kinds';
  /** The columns, oldest first. */
  periods: MonitoringPeriod[];
  rows: MonitoringRow[];
  /** Events held per column, over every row. */
  totals: number[];
  /**
   * Events held in the range whose date is too imprecise to place in one column (an event known
   * only to the academic year, in a table by calendar year): listed, never guessed into a year.
   */
  unplaced: MonitoringEvent[];
  labels: Record<MonitoringLabel, string>;
  basis: { position: number; reportDate: IsoDate; reportDateText: string };
}

export type MonitoringLabel = 'row' | 'total' | 'counts' | 'topics' | 'unplaced' | 'kind';

export interface MonitoringPeriod {
  kind: 'academic-year' | 'calendar-year';
  /** `2020/2021`, `2021`: the column's heading. */
  label: string;
  from: IsoDate;
  to: IsoDate;
}

export interface MonitoringRow {
  /** The series' id, or the kind's code. */
  key: string;
  /** The series' name, or the kind's word. */
  label: string;
  /** The kind of the series' events, worded; null for a row that is a kind. */
  kindLabel: string | null;
  /** One per column: empty for a year without an event. */
  cells: MonitoringCell[];
  total: number;
}

export interface MonitoringCell {
  events: MonitoringEvent[];
  count: number;
  /** The cell as a document prints it: one line per event, "Тема (Заклад; Заклад)". */
  text: string;
}

export interface MonitoringEvent {
  eventId: string;
  topic: string;
  hosts: string[];
  /** As precisely as it is known ("у березні 2021 р."). */
  when: string;
  text: string;
}
