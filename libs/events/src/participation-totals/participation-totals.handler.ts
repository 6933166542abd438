import { IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { GetNetworkQuery, NetworkView } from '@app/networks';
import { ReadModels } from '@app/platform';
import { periodOrCurrentYear } from '../event-calendar/calendar-period';
import { calendarQuery, selectCalendar } from '../event-calendar/calendar-selection';
import { DepartmentYearStart } from '../event-calendar/department-year-start';
import { EventCalendarView, eventCalendarProjection } from '../event-calendar/event-calendar.projection';
import { EventPage, statedPeriod } from '../event-calendar/list-events.handler';
import { KindTotals, Totals, participationTotals } from './participation-totals';
import { GetParticipationTotalsQuery } from './participation-totals.query';

export interface ParticipationTotals extends Totals {
  network: { id: string; name: string };
  period: NonNullable<EventPage['period']>;
  byCategory: Array<{ category: string; count: number }>;
  byKind: KindTotals[];
}

/*
 * The events a network holds itself (joint ones count in each of their networks; those it is
 * only the audience of do not), held in the period by `fallsIn`: a year-only event is not in
 * an academic year, since it may have been in another.
 */
@QueryHandler(GetParticipationTotalsQuery)
export class GetParticipationTotalsHandler implements IQueryHandler<GetParticipationTotalsQuery, ParticipationTotals> {
  constructor(
    private readonly readModels: ReadModels,
    private readonly queries: QueryBus,
    private readonly yearStart: DepartmentYearStart,
  ) {}

  async execute(query: GetParticipationTotalsQuery): Promise<ParticipationTotals> {
    const { department, networkId, filter, today } = query;
    const start = await this.yearStart.of(department);
    const period = periodOrCurrentYear(filter, start, today);
    const network = await this.queries.execute<GetNetworkQuery, NetworkView>(new GetNetworkQuery(department, networkId, filter.consistentWith));
    const read = await this.readModels.for(query, filter.consistentWith);
    const calendarFilter = { ownNetwork: networkId, status: 'held' as const };
    const docs = await read.find<EventCalendarView>(eventCalendarProjection, calendarQuery(department, calendarFilter, period));
    const { total, byKind, byCategory } = participationTotals(selectCalendar(docs, calendarFilter, period, start));
    return { network: { id: network.id, name: network.name }, period: statedPeriod(period)!, ...total, byCategory, byKind };
  }
}
