import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { ConsistencyQueryDto, IsCalendarDate, IsQueryWholeNumber, PagingQueryDto } from '@app/platform/http';
import { EVENT_FORMATS, EVENT_KINDS, EVENT_STATUSES, EventFormatMode, EventKind, EventStatus } from '../event/event-vocabulary';
import { eventCalendarProjection } from './event-calendar.projection';

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

/** The department's calendar: events filtered, in date order, a page at a time. */
export class ListEventsQuery {
  static readonly reads = [eventCalendarProjection];
  constructor(
    readonly department: string,
    readonly filter: ListEventsQueryDto,
  ) {}
}

/** One event, with its people's names from the vault. */
export class GetEventQuery {
  static readonly reads = [eventCalendarProjection];
  constructor(
    readonly department: string,
    readonly eventId: string,
    readonly consistentWith?: number,
  ) {}
}
