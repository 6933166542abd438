import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFound } from '@app/kernel';
import { ReadModels } from '@app/platform';
import { ResolvedPeriod, periodOf } from './calendar-period';
import { EventSummary, calendarQuery, presentEvent, selectCalendar } from './calendar-selection';
import { DepartmentYearStart } from './department-year-start';
import { EventCalendarView, eventCalendarProjection } from './event-calendar.projection';
import { EventPeopleNames, EventPersonView } from './event-people-names';
import { GetEventQuery, ListEventsQuery } from './list-events.query';

export interface EventPage {
  /** The period asked for, with its days; null for the whole calendar. */
  period: Omit<ResolvedPeriod, 'period'> | null;
  items: EventSummary[];
  total: number;
  totalExact: boolean;
  offset: number;
  limit: number;
}

export type EventDetailsView = Omit<EventSummary, 'people'> & { people: EventPersonView[] };

/** The period as an answer states it. */
export const statedPeriod = (period: ResolvedPeriod | null): EventPage['period'] => (period ? { label: period.label, from: period.from, to: period.to } : null);

/*
 * A calendar reads the department's events that the index finds for its filters and period
 * (the period's widened spans, a network's or a host's words), decides which the period holds
 * and sorts them by the department's academic year, then cuts the page: its cost is the
 * events of the period that match, not the page (a department holds hundreds a year).
 */
@QueryHandler(ListEventsQuery)
export class ListEventsHandler implements IQueryHandler<ListEventsQuery, EventPage> {
  constructor(
    private readonly readModels: ReadModels,
    private readonly yearStart: DepartmentYearStart,
  ) {}

  async execute(query: ListEventsQuery): Promise<EventPage> {
    const { department, filter } = query;
    const start = await this.yearStart.of(department);
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
export class GetEventHandler implements IQueryHandler<GetEventQuery, EventDetailsView> {
  constructor(
    private readonly readModels: ReadModels,
    private readonly people: EventPeopleNames,
  ) {}

  async execute(query: GetEventQuery): Promise<EventDetailsView> {
    const read = await this.readModels.for(query, query.consistentWith);
    const doc = await read.get<EventCalendarView>(eventCalendarProjection, query.eventId);
    if (!doc || doc.department !== query.department) throw new NotFound('event', query.eventId);
    return { ...presentEvent(doc), people: await this.people.named(query.department, doc.people) };
  }
}
