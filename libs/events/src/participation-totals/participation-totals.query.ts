import { EventPeriodQueryDto } from '../event-calendar/list-events.query';
import { eventCalendarProjection } from '../event-calendar/event-calendar.projection';

/** Who took part in the events a network held in a period (the network is checked with the networks module's GetNetworkQuery). */
export class GetParticipationTotalsQuery {
  static readonly reads = [eventCalendarProjection];
  constructor(
    readonly department: string,
    readonly networkId: string,
    readonly filter: EventPeriodQueryDto,
    readonly today: string,
  ) {}
}
