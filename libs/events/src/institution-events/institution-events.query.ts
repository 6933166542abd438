import { Query } from '@nestjs/cqrs';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { EVENT_STATUSES, EventStatus } from '../event/event-vocabulary';
import { EventPage, EventSummary, PagedEventPeriodQueryDto } from '../event-calendar/list-events.query';
import { eventCalendarProjection } from '../event-calendar/event-calendar.projection';

export const INVOLVEMENTS = ['hosted', 'took-part'] as const;
export type Involvement = (typeof INVOLVEMENTS)[number];

export class InstitutionEventsQueryDto extends PagedEventPeriodQueryDto {
  @ApiPropertyOptional({ enum: INVOLVEMENTS, description: 'Only the events it hosted, or only those it took part in; both by default' })
  @IsOptional()
  @IsIn(INVOLVEMENTS)
  involvement?: Involvement;
  @ApiPropertyOptional({ enum: EVENT_STATUSES }) @IsOptional() @IsIn(EVENT_STATUSES) status?: EventStatus;
}

/** How the institution is in the event: host (a member or an outside host), participant (a member or not). */
export interface InstitutionInvolvement {
  hosted: boolean;
  outsideHost: boolean;
  tookPart: boolean;
  outsideParticipant: boolean;
}

/** A page of an institution's events, each with how it was involved. */
export type InstitutionEventsPage = Omit<EventPage, 'items'> & { institutionId: string; items: Array<EventSummary & { involvement: InstitutionInvolvement }> };

/** The events an institution hosted or took part in (the institution itself is checked with the networks module's GetInstitutionQuery). */
export class GetInstitutionEventsQuery extends Query<InstitutionEventsPage> {
  static readonly reads = [eventCalendarProjection];
  constructor(
    readonly department: string,
    readonly institutionId: string,
    readonly filter: InstitutionEventsQueryDto,
  ) {
    super();
  }
}
