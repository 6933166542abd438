import { AcademicYearStart } from '@app/kernel';
import { FindQuery, Where } from '@app/read-store';
import { EventFormatMode, EventKind, EventStatus } from '../event/event-vocabulary';
import { fallsIn, whenSortKey } from '../event/when';
import { printWhenIn } from '../event/print-when';
import { ResolvedPeriod } from './calendar-period';
import { EventCalendarFields, EventCalendarView, refWord } from './event-calendar.projection';
import type { EventSummary } from './list-events.query';

/** What a calendar can be filtered by besides the period. */
export interface CalendarFilter {
  /** Events the network holds or is the audience of. */
  network?: string;
  /** Events the network holds (its own), for totals. */
  ownNetwork?: string;
  kind?: EventKind;
  series?: string;
  /** Events an institution hosts. */
  host?: string;
  /** Events an institution hosts or took part in. */
  institution?: string;
  status?: EventStatus;
  format?: EventFormatMode;
}

/**
 * The read-store query that finds every event the calendar may show (a superset: the period's
 * widened spans, a network's or an institution's words); {@link selectCalendar} decides.
 */
export const calendarQuery = (department: string, filter: CalendarFilter, period: ResolvedPeriod | null): FindQuery => {
  const where: Where = { department };
  if (filter.kind) where.kind = filter.kind;
  if (filter.status) where.status = filter.status;
  if (filter.series) where.seriesId = filter.series;
  if (filter.format) where.formatMode = filter.format;
  const words = [
    filter.network && refWord('c', filter.network),
    filter.ownNetwork && refWord('n', filter.ownNetwork),
    filter.host && refWord('h', filter.host),
    filter.institution && refWord('i', filter.institution),
  ].filter((w): w is string => !!w);
  if (words.length) where.refs = { words: words.join(' ') };
  if (period) {
    where.spanLast = { gte: period.from };
    where.spanFirst = { lte: period.to };
  }
  return { where, sort: [{ field: 'sortKey', direction: 'asc' }, { field: 'id', direction: 'asc' }] };
};

/** Whether the event is one the filter asks for, exactly (the words only narrow the search). */
const matches = (doc: EventCalendarView, filter: CalendarFilter, period: ResolvedPeriod | null, start: AcademicYearStart): boolean => {
  if (filter.network && !doc.networkIds.includes(filter.network) && !doc.audienceNetworkIds.includes(filter.network)) return false;
  if (filter.ownNetwork && !doc.networkIds.includes(filter.ownNetwork)) return false;
  if (filter.host && !doc.hostIds.includes(filter.host)) return false;
  if (filter.institution && !doc.hostIds.includes(filter.institution) && !(doc.held?.participation.institutionIds ?? []).includes(filter.institution)) return false;
  return period === null || fallsIn(doc.when, period.period, start);
};

/**
 * The events of the calendar in date order by the department's academic year (`whenSortKey`:
 * a month-only event after the dated ones of its month, a year-only one after its year, an
 * academic-year-only one after its year's last month, not dated last), ties by id. A period
 * holds a dated event when one of its days is in it, a less precise one only when all the days
 * it may fall on are (`fallsIn`), an undated one never.
 */
export const selectCalendar = (docs: readonly EventCalendarView[], filter: CalendarFilter, period: ResolvedPeriod | null, start: AcademicYearStart): EventCalendarView[] =>
  docs
    .filter((doc) => matches(doc, filter, period, start))
    .map((doc) => ({ doc, key: whenSortKey(doc.when, start) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.doc.id < b.doc.id ? -1 : a.doc.id > b.doc.id ? 1 : 0))
    .map(({ doc }) => doc);

export const presentEvent = (doc: EventCalendarView): EventSummary => {
  const { refs: _r, sortKey: _k, spanFirst: _f, spanLast: _l, formatMode: _m, precision: _p, ...fields } = doc;
  return { ...(fields as EventCalendarFields), whenText: printWhenIn(doc.when) };
};
