import { Query } from '@nestjs/cqrs';
import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { ConsistencyQueryDto, IsCalendarDate, IsQueryWholeNumber, PagingQueryDto } from '@app/platform/http';
import type { LocalText } from '@app/kernel';
import { EVENT_FORMATS, EVENT_KINDS, EVENT_STATUSES, EventFormatMode, EventKind, EventStatus } from '../event/event-vocabulary';
import type { EventPerson } from '../event/event.events';
import type { ResolvedPeriod } from './calendar-period';
import { EventCalendarFields, eventCalendarProjection } from './event-calendar.projection';

/** A period in one of four ways: an academic year, a calendar year, a month, or from and to. */
export class EventPeriodQueryDto extends ConsistencyQueryDto {
  @ApiPropertyOptional({ description: 'An academic year, by your department’s start day', example: '2020/2021' })
  @IsOptional()
  @Matches(/^\d{4}\/\d{4}$/, { message: 'academicYear must be an academic year written like 2020/2021' })
  academicYear?: string;
  @ApiPropertyOptional({ description: 'A calendar year', example: 2021 }) @IsOptional() @IsQueryWholeNumber({ min: 1900, max: 2999 }) year?: number;
  @ApiPropertyOptional({ description: 'A month, YYYY-MM', example: '2021-03' })
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month must be a month written YYYY-MM' })
  month?: string;
  @ApiPropertyOptional({ description: 'First day (with `to`)', example: '2021-03-01' }) @IsOptional() @IsCalendarDate() from?: string;
  @ApiPropertyOptional({ description: 'Last day, inclusive (with `from`)', example: '2021-03-31' }) @IsOptional() @IsCalendarDate() to?: string;
}

/** A period (none: every date, and the undated events) and a page. */
export class PagedEventPeriodQueryDto extends IntersectionType(EventPeriodQueryDto, PagingQueryDto) {}

export class ListEventsQueryDto extends PagedEventPeriodQueryDto {
  @ApiPropertyOptional({ description: 'Events the network holds or is the audience of' }) @IsOptional() @IsUUID() network?: string;
  @ApiPropertyOptional({ enum: EVENT_KINDS }) @IsOptional() @IsIn(EVENT_KINDS) kind?: EventKind;
  @ApiPropertyOptional({ description: 'Events of the series' }) @IsOptional() @IsUUID() series?: string;
  @ApiPropertyOptional({ description: 'Events the institution hosts' }) @IsOptional() @IsUUID() host?: string;
  @ApiPropertyOptional({ enum: EVENT_STATUSES }) @IsOptional() @IsIn(EVENT_STATUSES) status?: EventStatus;
  @ApiPropertyOptional({ enum: EVENT_FORMATS }) @IsOptional() @IsIn(EVENT_FORMATS) format?: EventFormatMode;
}

/** An event as the queries answer it: its fields, and when it takes place in words. */
export type EventSummary = EventCalendarFields & { whenText: LocalText };

/** A person of an event as readers see them: the role, and the name or the fact that it was erased on request. */
export interface EventPersonView extends EventPerson {
  fullName: string | null;
  erased: boolean;
  erasedAt?: string;
}

/** A page of a calendar, with the period it was asked for. */
export interface EventPage {
  /** The period asked for, with its days; null for the whole calendar. */
  period: Omit<ResolvedPeriod, 'period'> | null;
  items: EventSummary[];
  total: number;
  totalExact: boolean;
  offset: number;
  limit: number;
}

/** One event as `GetEventQuery` answers it: its people with their names. */
export type EventDetailsView = Omit<EventSummary, 'people'> & { people: EventPersonView[] };

/** The department's calendar: events filtered, in date order, a page at a time. */
export class ListEventsQuery extends Query<EventPage> {
  static readonly reads = [eventCalendarProjection];
  constructor(
    readonly department: string,
    readonly filter: ListEventsQueryDto,
  ) {
    super();
  }
}

/** One event, with its people's names from the vault; 404 for an unknown one or another department's. */
export class GetEventQuery extends Query<EventDetailsView> {
  static readonly reads = [eventCalendarProjection];
  constructor(
    readonly department: string,
    readonly eventId: string,
    readonly consistentWith?: number,
  ) {
    super();
  }
}
