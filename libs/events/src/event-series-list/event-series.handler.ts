import { IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { AcademicYearStart, NotFound, academicYearOf } from '@app/kernel';
import { GetAcademicYearStartQuery } from '@app/networks';
import { ReadModels } from '@app/platform';
import { Where } from '@app/read-store';
import { daySpanOf, fallsIn } from '../event/when';
import { calendarQuery, presentEvent, selectCalendar } from '../event-calendar/calendar-selection';
import { EventCalendarView, eventCalendarProjection, refWord } from '../event-calendar/event-calendar.projection';
import { EventSeriesView, eventSeriesListProjection } from './event-series-list.projection';
import { EventSeriesDetails, EventSeriesPage, EventSeriesSummary, GetEventSeriesQuery, ListEventSeriesQuery, SeriesYear } from './event-series.query';

const presentSeries = ({ refs: _refs, ...series }: EventSeriesView): EventSeriesSummary => series;

/** The academic year the event belongs to as a whole (by `fallsIn`); null when not dated, or when it may fall in two. */
export const academicYearOfEvent = (doc: EventCalendarView, start: AcademicYearStart): string | null => {
  const span = daySpanOf(doc.when, start);
  if (!span) return null;
  const year = academicYearOf(span.first, start).label;
  return fallsIn(doc.when, { kind: 'academic-year', academicYear: year }, start) ? year : null;
};

@QueryHandler(ListEventSeriesQuery)
export class ListEventSeriesHandler implements IQueryHandler<ListEventSeriesQuery> {
  constructor(private readonly readModels: ReadModels) {}

  async execute(query: ListEventSeriesQuery): Promise<EventSeriesPage> {
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
    return { ...page, items: page.items.map(presentSeries) };
  }
}

@QueryHandler(GetEventSeriesQuery)
export class GetEventSeriesHandler implements IQueryHandler<GetEventSeriesQuery> {
  constructor(
    private readonly readModels: ReadModels,
    private readonly queries: QueryBus,
  ) {}

  async execute(query: GetEventSeriesQuery): Promise<EventSeriesDetails> {
    const { department, seriesId } = query;
    const start = await this.queries.execute(new GetAcademicYearStartQuery(department));
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
