import { IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { GetAcademicYearStartQuery, GetNetworkQuery } from '@app/networks';
import { ReadModels } from '@app/platform';
import { periodOrCurrentYear, statedPeriod } from '../event-calendar/calendar-period';
import { calendarQuery, selectCalendar } from '../event-calendar/calendar-selection';
import { EventCalendarView, eventCalendarProjection } from '../event-calendar/event-calendar.projection';
import { heldUpTo as heldBy, participationTotals } from './participation-totals';
import { GetParticipationTotalsQuery, ParticipationTotals } from './participation-totals.query';

/*
 * The events a network holds itself (joint ones count in each of their networks; those it is
 * only the audience of do not), held in the period by `fallsIn`: a year-only event is not in
 * an academic year, since it may have been in another.
 */
@QueryHandler(GetParticipationTotalsQuery)
export class GetParticipationTotalsHandler implements IQueryHandler<GetParticipationTotalsQuery> {
  constructor(
    private readonly readModels: ReadModels,
    private readonly queries: QueryBus,
  ) {}

  async execute(query: GetParticipationTotalsQuery): Promise<ParticipationTotals> {
    const { department, networkId, filter, today, heldUpTo } = query;
    const start = await this.queries.execute(new GetAcademicYearStartQuery(department));
    const period = periodOrCurrentYear(filter, start, today);
    const network = await this.queries.execute(new GetNetworkQuery(department, networkId, filter.consistentWith));
    const read = await this.readModels.for(query, filter.consistentWith);
    const calendarFilter = { ownNetwork: networkId, status: 'held' as const };
    const docs = await read.find<EventCalendarView>(eventCalendarProjection, calendarQuery(department, calendarFilter, period));
    const held = selectCalendar(docs, calendarFilter, period, start).filter((doc) => !heldUpTo || heldBy(doc, heldUpTo));
    const { total, byKind, byCategory } = participationTotals(held);
    return { network: { id: network.id, name: network.name }, period: statedPeriod(period)!, ...total, byCategory, byKind };
  }
}
