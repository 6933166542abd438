import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AcademicYearStart, NotFound, academicYearOf } from '@app/kernel';
import { ReadModels } from '@app/platform';
import { ReadPage, Where } from '@app/read-store';
import { EventStatus } from '../event/event-vocabulary';
import { daySpanOf, fallsIn } from '../event/when';
import { EventSummary, calendarQuery, presentEvent, selectCalendar } from '../event-calendar/calendar-selection';
import { DepartmentYearStart } from '../event-calendar/department-year-start';
import { EventCalendarView, eventCalendarProjection, refWord } from '../event-calendar/event-calendar.projection';
import { EventSeriesView, eventSeriesListProjection } from './event-series-list.projection';
import { GetEventSeriesQuery, ListEventSeriesQuery } from './event-series.query';

export type EventSeriesSummary = Omit<EventSeriesView, 'refs'>;

/** One academic year of a series: how many of its events it holds in each status, and who took part. */
export interface SeriesYear {
  academicYear: string;
  events: number;
  byStatus: Record<EventStatus, number>;
  participants: number;
}

export type EventSeriesDetails = EventSeriesSummary & {
  events: Array<EventSummary & { academicYear: string | null }>;
  years: SeriesYear[];
};

const presentSeries = ({ refs: _refs, ...series }: EventSeriesView): EventSeriesSummary => series;

/** The academic year the event belongs to as a whole (by `fallsIn`); null when not dated, or when it may fall in two. */
export const academicYearOfEvent = (doc: EventCalendarView, start: AcademicYearStart): string | null => {
  const span = daySpanOf(doc.when, start);
  if (!span) return null;
  const year = academicYearOf(span.first, start).label;
  return fallsIn(doc.when, { kind: 'academic-year', academicYear: year }, start) ? year : null;
};

@QueryHandler(ListEventSeriesQuery)
export class ListEventSeriesHandler implements IQueryHandler<ListEventSeriesQuery, ReadPage<EventSeriesSummary>> {
  constructor(private readonly readModels: ReadModels) {}

  async execute(query: ListEventSeriesQuery): Promise<ReadPage<EventSeriesSummary>> {
    const { department, filter } = query;
    const read = await this.readModels.for(query, filter.consistentWith);
    const where: Where = { department };
    if (filter.kind) where.kind = filter.kind;
    // A network's word is `n` and the id's 32 hex digits: a word that begins with it is it.
    if (filter.network) where.refs = { words: refWord('n', filter.network) };
    const page = await read.page<EventSeriesView>(eventSeriesListProjection, {
      where,
      sort: [
        { field: 'name', direction: 'asc' },
        { field: 'id', direction: 'asc' },
      ],
      offset: filter.offset ?? 0,
      limit: filter.limit ?? 50,
    });
    return { ...page, items: page.items.map(presentSeries) as EventSeriesView[] };
  }
}

@QueryHandler(GetEventSeriesQuery)
export class GetEventSeriesHandler implements IQueryHandler<GetEventSeriesQuery, EventSeriesDetails> {
  constructor(
    private readonly readModels: ReadModels,
    private readonly yearStart: DepartmentYearStart,
  ) {}

  async execute(query: GetEventSeriesQuery): Promise<EventSeriesDetails> {
    const { department, seriesId } = query;
    const start = await this.yearStart.of(department);
    const read = await this.readModels.for(query, query.consistentWith);
    const series = await read.get<EventSeriesView>(eventSeriesListProjection, seriesId);
    if (!series || series.department !== department) throw new NotFound('event-series', seriesId);
    const docs = await read.find<EventCalendarView>(eventCalendarProjection, calendarQuery(department, { series: seriesId }, null));
    const events = selectCalendar(docs, { series: seriesId }, null, start).map((doc) => ({ ...presentEvent(doc), academicYear: academicYearOfEvent(doc, start) }));
    const years = new Map<string, SeriesYear>();
    for (const event of events) {
      if (!event.academicYear) continue;
      const row = years.get(event.academicYear) ?? { academicYear: event.academicYear, events: 0, byStatus: { planned: 0, postponed: 0, held: 0, cancelled: 0 }, participants: 0 };
      row.events++;
      row.byStatus[event.status]++;
      row.participants += event.held?.participantTotal ?? 0;
      years.set(event.academicYear, row);
    }
    return { ...presentSeries(series), events, years: [...years.values()].sort((a, b) => (a.academicYear < b.academicYear ? -1 : 1)) };
  }
}
