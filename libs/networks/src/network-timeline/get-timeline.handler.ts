import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ReadModels } from '@app/platform';
import { FindQuery } from '@app/read-store';
import { loadNetwork } from '../network-list/network-list.handlers';
import { PersonNames } from '../network-list/network-person-names';
import { TimelineEntryView, networkTimelineProjection, timelineEntryOf } from './network-timeline.projection';
import { GetTimelineQuery, NetworkTimeline } from './get-timeline.query';

/** The default and the largest page of a timeline. */
export const TIMELINE_PAGE = { default: 500, max: 1000 } as const;

/** A page of a network's timeline in log order: the entries after a position, by index. */
export const timelineQuery = (networkId: string, after: number | undefined, limit: number): FindQuery => ({
  where: after === undefined ? { networkId } : { networkId, position: { gt: after } },
  sort: [
    { field: 'position', direction: 'asc' },
    { field: 'id', direction: 'asc' },
  ],
  limit,
});

@QueryHandler(GetTimelineQuery)
export class GetTimelineHandler implements IQueryHandler<GetTimelineQuery> {
  constructor(
    private readonly readModels: ReadModels,
    private readonly people: PersonNames,
  ) {}

  async execute(query: GetTimelineQuery): Promise<NetworkTimeline> {
    const { department, networkId, after, limit = TIMELINE_PAGE.default } = query;
    const read = await this.readModels.for(query, query.consistentWith);
    await loadNetwork(read, department, networkId);
    // One more than the page tells whether another page follows.
    const found = await read.find<TimelineEntryView>(networkTimelineProjection, timelineQuery(networkId, after, limit + 1));
    const entries = found.slice(0, limit).map(timelineEntryOf);
    const next = found.length > limit ? entries[entries.length - 1].position : null;
    const people = await this.people.of(
      department,
      entries.filter((e) => e.type === 'HeadAppointed').map((e) => (e.data as { personId: string }).personId),
    );
    return {
      networkId,
      entries: entries.map((e) => (e.type === 'HeadAppointed' ? { ...e, person: people.get((e.data as { personId: string }).personId) } : e)),
      next,
    };
  }
}
