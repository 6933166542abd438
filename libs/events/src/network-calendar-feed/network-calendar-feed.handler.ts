import { IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { NotFound } from '@app/kernel';
import { GetAcademicYearStartQuery, GetInstitutionQuery, GetNetworkQuery } from '@app/networks';
import { ReadModels } from '@app/platform';
import { calendarQuery, selectCalendar } from '../event-calendar/calendar-selection';
import { EventCalendarView, eventCalendarProjection } from '../event-calendar/event-calendar.projection';
import { GetNetworkCalendarFeedQuery } from './network-calendar-feed.query';
import { networkCalendarIcs } from './network-calendar.ics';

@QueryHandler(GetNetworkCalendarFeedQuery)
export class GetNetworkCalendarFeedHandler implements IQueryHandler<GetNetworkCalendarFeedQuery> {
  constructor(
    private readonly readModels: ReadModels,
    private readonly queries: QueryBus,
  ) {}

  async execute(query: GetNetworkCalendarFeedQuery): Promise<string> {
    const { department, networkId, filter } = query;
    const network = await this.queries.execute(new GetNetworkQuery(department, networkId, filter.consistentWith));
    const start = await this.queries.execute(new GetAcademicYearStartQuery(department));
    const read = await this.readModels.for(query, filter.consistentWith);
    const docs = await read.find<EventCalendarView>(eventCalendarProjection, calendarQuery(department, { network: networkId }, null));
    const events = selectCalendar(docs, { network: networkId }, null, start);
    const hostNames = new Map<string, string>();
    for (const id of new Set(events.filter((e) => e.when.precision === 'date').flatMap((e) => e.hostIds))) {
      try {
        const host = await this.queries.execute(new GetInstitutionQuery(department, id, filter.consistentWith));
        hostNames.set(id, host.shortName);
      } catch (error) {
        // A host the register does not show (yet): the event is still in the feed, without its place.
        if (!(error instanceof NotFound)) throw error;
      }
    }
    return networkCalendarIcs({ network: { id: network.id, name: network.name }, events, hostNames, lang: filter.lang ?? 'uk' });
  }
}
