import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PagingQueryDto } from '@app/platform/http';
import { EVENT_KINDS, EventKind } from '../event/event-vocabulary';
import { eventCalendarProjection } from '../event-calendar/event-calendar.projection';
import { eventSeriesListProjection } from './event-series-list.projection';

export class ListEventSeriesQueryDto extends PagingQueryDto {
  @ApiPropertyOptional({ description: 'Series of the network' }) @IsOptional() @IsUUID() network?: string;
  @ApiPropertyOptional({ enum: EVENT_KINDS }) @IsOptional() @IsIn(EVENT_KINDS) kind?: EventKind;
}

/** The department's series, in name order, a page at a time. */
export class ListEventSeriesQuery {
  static readonly reads = [eventSeriesListProjection];
  constructor(
    readonly department: string,
    readonly filter: ListEventSeriesQueryDto,
  ) {}
}

/** One series with its events, and its rows by academic year (what a multi-year monitoring table shows). */
export class GetEventSeriesQuery {
  static readonly reads = [eventSeriesListProjection, eventCalendarProjection];
  constructor(
    readonly department: string,
    readonly seriesId: string,
    readonly consistentWith?: number,
  ) {}
}
