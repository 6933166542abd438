import { Query } from '@nestjs/cqrs';
import { EventPage, EventPeriodQueryDto } from '../event-calendar/list-events.query';
import { eventCalendarProjection } from '../event-calendar/event-calendar.projection';
import type { KindTotals, Totals } from './participation-totals';

/** A network's held events in a period, added up: in all, per category and per kind. */
export interface ParticipationTotals extends Totals {
  network: { id: string; name: string };
  period: NonNullable<EventPage['period']>;
  byCategory: Array<{ category: string; count: number }>;
  byKind: KindTotals[];
}

/**
 * Which holdings a report counts: those recorded at or before a log position (the report's), and
 * by the end of a day (`recordedBy`, UTC) when one is given. A holding the calendar kept no
 * position of (a calendar built before it kept them) counts at any position.
 */
export interface HeldUpTo {
  position: number;
  recordedBy?: string | null;
}

/** Who took part in the events a network held in a period (the network is checked with the networks module's GetNetworkQuery); `heldUpTo`: only the holdings recorded by then. */
export class GetParticipationTotalsQuery extends Query<ParticipationTotals> {
  static readonly reads = [eventCalendarProjection];
  constructor(
    readonly department: string,
    readonly networkId: string,
    readonly filter: EventPeriodQueryDto,
    readonly today: string,
    readonly heldUpTo?: HeldUpTo,
  ) {
    super();
  }
}
