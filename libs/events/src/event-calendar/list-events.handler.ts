import { IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { NotFound } from '@app/kernel';
import { GetAcademicYearStartQuery } from '@app/networks';
import { ReadModels } from '@app/platform';
import { EventPeople } from '../event-writer/event-people';
import { periodOf, statedPeriod } from './calendar-period';
import { calendarQuery, presentEvent, selectCalendar } from './calendar-selection';
import { EventCalendarView, eventCalendarProjection } from './event-calendar.projection';
import { EventDetailsView, EventPage, GetEventQuery, ListEventsQuery } from './list-events.query';

/*
 * A calendar reads the department's events that the index finds for its filters and period
 * (the period's widened spans, a network's or a host's words), decides which the period holds
 * and sorts them by the department's academic year, then cuts the page: its cost is the
 * events of the period that match, not the page (a department holds hundreds a year).
 */
@QueryHandler(ListEventsQuery)
export class ListEventsHandler implements IQueryHandler<ListEventsQuery> {
  constructor(
    private readonly readModels: ReadModels,
    private readonly queries: QueryBus,
  ) {}

  async execute(query: ListEventsQuery): Promise<EventPage> {
    const { department, filter } = query;
    const start = await this.queries.execute(new GetAcademicYearStartQuery(department));
    const period = periodOf(filter, start);
    const read = await this.readModels.for(query, filter.consistentWith);
    const calendarFilter = { network: filter.network, kind: filter.kind, series: filter.series, host: filter.host, status: filter.status, format: filter.format };
    const docs = await read.find<EventCalendarView>(eventCalendarProjection, calendarQuery(department, calendarFilter, period));
    const events = selectCalendar(docs, calendarFilter, period, start);
    const offset = filter.offset ?? 0;
    const limit = filter.limit ?? 50;
    return { period: statedPeriod(period), items: events.slice(offset, offset + limit).map(presentEvent), total: events.length, totalExact: true, offset, limit };
  }
}

@QueryHandler(GetEventQuery)
export class GetEventHandler implements IQueryHandler<GetEventQuery> {
  constructor(
    private readonly readModels: ReadModels,
    private readonly people: EventPeople,
  ) {}

  async execute(query: GetEventQuery): Promise<EventDetailsView> {
    const read = await this.readModels.for(query, query.consistentWith);
    const doc = await read.get<EventCalendarView>(eventCalendarProjection, query.eventId);
    if (!doc || doc.department !== query.department) throw new NotFound('event', query.eventId);
    return { ...presentEvent(doc), people: await this.people.named(query.department, doc.people) };
  }
}
