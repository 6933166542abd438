import { eventHistoryProjection } from './event-history.projection';

/** Every change of one event, oldest first. */
export class GetEventHistoryQuery {
  static readonly reads = [eventHistoryProjection];
  constructor(
    readonly department: string,
    readonly eventId: string,
    readonly consistentWith?: number,
  ) {}
}
