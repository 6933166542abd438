import { AcademicYearStart, IsoDate, ReportingPeriod, daySpanOfReportingPeriod, reportingPeriodLabel } from '@app/kernel';
import { EVENT_KINDS, EVENT_KIND_LABELS, EventKind, When, compareWhen, onDay, printWhen, whenAgainstPeriod } from '@app/events';
import type { ReportLanguage } from '../annual-analysis/annual-analysis.model';
import type { MonitoringCell, MonitoringEvent, MonitoringLabel, MonitoringPeriod, MonitoringRow, MonitoringTable } from './monitoring-table.model';

/** What a monitoring table is made of, gathered once (`MonitoringTableFactsReader`). */
export interface MonitoringFacts {
  department: string;
  /** The network the table is of, or null for the whole department. */
  network: { networkId: string; name: string } | null;
  /** The columns, oldest first, all of one kind. */
  periods: readonly ReportingPeriod[];
  yearStart: AcademicYearStart;
  /** The series of the scope (the network's, or every one of the department). */
  series: readonly { seriesId: string; name: string; kind: EventKind }[];
  /** The events held in the range (the scope's), as recorded. */
  events: readonly MonitoringFactEvent[];
  /** Institutions' names by id, for the hosts. */
  institutionNames: Readonly<Record<string, string>>;
  position: number;
  reportDate: IsoDate;
}

export interface MonitoringFactEvent {
  eventId: string;
  kind: EventKind;
  topic: string;
  seriesId: string | null;
  when: When;
  hostIds: readonly string[];
}

export interface MonitoringOptions {
  /** Rows: the series of recurring events (the default), or every kind of event held. */
  rowsBy?: 'series' | 'kinds';
}

const LABELS: Record<ReportLanguage, Record<MonitoringLabel | 'rowKind', string>> = {
  uk: { row: 'Серія заходів', rowKind: 'Вид заходу', total: 'Усього', counts: 'Кількість', topics: 'Теми та заклади', unplaced: 'Без точного року (дата відома менш точно, ніж рік таблиці)', kind: 'Вид' },
  ru: { row: 'Серия мероприятий', rowKind: 'Вид мероприятия', total: 'Всего', counts: 'Количество', topics: 'Темы и учреждения', unplaced: 'Без точного года (дата известна менее точно, чем год таблицы)', kind: 'Вид' },
  en: { row: 'Series', rowKind: 'Kind of event', total: 'Total', counts: 'Counts', topics: 'Topics and hosts', unplaced: 'Without a year (the date is known less precisely than the table’s years)', kind: 'Kind' },
};

/** "2019/2020–2022/2023 н. р.", "2019–2022 рр.". */
const rangeText = (periods: readonly MonitoringPeriod[], language: ReportLanguage): string => {
  const first = periods[0].label;
  const last = periods[periods.length - 1].label;
  const range = first === last ? first : `${first}–${last}`;
  if (periods[0].kind === 'academic-year') return `${range} ${{ uk: 'н. р.', ru: 'уч. г.', en: 'academic years' }[language]}`;
  return language === 'en' ? range : `${range} ${{ uk: first === last ? 'р.' : 'рр.', ru: first === last ? 'г.' : 'гг.' }[language]}`;
};

const titleOf = (network: MonitoringFacts['network'], range: string, language: ReportLanguage): string => {
  if (language === 'uk') return network ? `Моніторинг заходів: ${network.name}, ${range}` : `Моніторинг заходів усіх мереж, ${range}`;
  if (language === 'ru') return network ? `Мониторинг мероприятий: ${network.name}, ${range}` : `Мониторинг мероприятий всех сетей, ${range}`;
  return network ? `Monitoring of events: ${network.name}, ${range}` : `Monitoring of events of every network, ${range}`;
};

/**
 * The monitoring table, worded in `language`. Each event held goes to the column its date lies
 * within; one whose date is too imprecise for a single column (known only to the academic year,
 * in a table by calendar year) goes to `unplaced`, never into a guessed year. Within a cell,
 * events are in date order; rows by series are in name order, rows by kind in the vocabulary's
 * order, and only the kinds held appear.
 */
export const composeMonitoringTable = (facts: MonitoringFacts, language: ReportLanguage, options: MonitoringOptions = {}): MonitoringTable => {
  if (facts.periods.length === 0) throw new RangeError('a monitoring table needs at least one year');
  const rowsBy = options.rowsBy ?? 'series';
  const periods: MonitoringPeriod[] = facts.periods.map((period) => {
    const span = daySpanOfReportingPeriod(period, facts.yearStart);
    return { kind: period.kind, label: reportingPeriodLabel(period), from: span.first, to: span.last };
  });
  const collator = new Intl.Collator(language);
  const eventOf = (event: MonitoringFactEvent): MonitoringEvent => {
    const hosts = event.hostIds.map((id) => facts.institutionNames[id] ?? id);
    return {
      eventId: event.eventId,
      topic: event.topic,
      hosts,
      when: printWhen(event.when, language),
      text: hosts.length ? `${event.topic} (${hosts.join('; ')})` : event.topic,
    };
  };

  const placed: { event: MonitoringFactEvent; column: number }[] = [];
  const unplaced: MonitoringFactEvent[] = [];
  for (const event of facts.events) {
    const column = facts.periods.findIndex((period) => whenAgainstPeriod(event.when, period, facts.yearStart) === 'within');
    if (column >= 0) placed.push({ event, column });
    else if (facts.periods.some((period) => whenAgainstPeriod(event.when, period, facts.yearStart) === 'overlaps')) unplaced.push(event);
  }
  const byDate = (a: MonitoringFactEvent, b: MonitoringFactEvent) => compareWhen(a.when, b.when, facts.yearStart) || collator.compare(a.topic, b.topic);

  const rowOf = (key: string, label: string, kindLabel: string | null, belongs: (event: MonitoringFactEvent) => boolean): MonitoringRow => {
    const cells: MonitoringCell[] = periods.map((_, column) => {
      const events = placed.filter((p) => p.column === column && belongs(p.event)).map((p) => p.event).sort(byDate).map(eventOf);
      return { events, count: events.length, text: events.map((e) => e.text).join('\n') };
    });
    return { key, label, kindLabel, cells, total: cells.reduce((sum, cell) => sum + cell.count, 0) };
  };

  const rows: MonitoringRow[] =
    rowsBy === 'series'
      ? [...facts.series]
          .sort((a, b) => collator.compare(a.name, b.name))
          .map((series) => rowOf(series.seriesId, series.name, EVENT_KIND_LABELS[series.kind][language], (event) => event.seriesId === series.seriesId))
      : EVENT_KINDS.filter((kind) => placed.some((p) => p.event.kind === kind)).map((kind) =>
          rowOf(kind, EVENT_KIND_LABELS[kind][language], null, (event) => event.kind === kind),
        );
  const totals = periods.map((_, column) => rows.reduce((sum, row) => sum + row.cells[column].count, 0));
  const words = LABELS[language];
  return {
    report: 'monitoring-table',
    schemaVersion: 1,
    language,
    department: facts.department,
    title: titleOf(facts.network, rangeText(periods, language), language),
    network: facts.network,
    rowsBy,
    periods,
    rows,
    totals,
    unplaced: [...unplaced].sort(byDate).map(eventOf),
    labels: { row: rowsBy === 'series' ? words.row : words.rowKind, total: words.total, counts: words.counts, topics: words.topics, unplaced: words.unplaced, kind: words.kind },
    basis: { position: facts.position, reportDate: facts.reportDate, reportDateText: printWhen(onDay(facts.reportDate), language) },
  };
};
