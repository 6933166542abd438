import { Query } from '@nestjs/cqrs';
import { EventHistoryEntry, eventHistoryProjection } from './event-history.projection';

/** An event's history, oldest first. */
export interface EventHistory {
  eventId: string;
  entries: EventHistoryEntry[];
}

/** Every change of one event, oldest first: who, when, why, from what to what. */
export class GetEventHistoryQuery extends Query<EventHistory> {
  static readonly reads = [eventHistoryProjection];
  constructor(
    readonly department: string,
    readonly eventId: string,
    readonly consistentWith?: number,
  ) {
    super();
  }
}
