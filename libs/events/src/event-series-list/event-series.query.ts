import { Query } from '@nestjs/cqrs';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PagingQueryDto } from '@app/platform/http';
import type { ReadPage } from '@app/read-store';
import { EVENT_KINDS, EventKind, EventStatus } from '../event/event-vocabulary';
import { eventCalendarProjection } from '../event-calendar/event-calendar.projection';
import type { EventSummary } from '../event-calendar/list-events.query';
import { EventSeriesFields, eventSeriesListProjection } from './event-series-list.projection';

/** A series as the queries answer it: its document without the words it is found by. */
export type EventSeriesSummary = EventSeriesFields;

/** A page of series. */
export type EventSeriesPage = ReadPage<EventSeriesSummary>;

/** One academic year of a series: how many of its events it holds in each status, and who took part. */
export interface SeriesYear {
  academicYear: string;
  events: number;
  byStatus: Record<EventStatus, number>;
  participants: number;
}

/** One series with its events in date order (each with the academic year it falls in, if one) and a row per academic year. */
export type EventSeriesDetails = EventSeriesSummary & {
  events: Array<EventSummary & { academicYear: string | null }>;
  years: SeriesYear[];
};

export class ListEventSeriesQueryDto extends PagingQueryDto {
  @ApiPropertyOptional({ description: 'Series of the network' }) @IsOptional() @IsUUID() network?: string;
  @ApiPropertyOptional({ enum: EVENT_KINDS }) @IsOptional() @IsIn(EVENT_KINDS) kind?: EventKind;
}

/** The department's series, in name order, a page at a time. */
export class ListEventSeriesQuery extends Query<EventSeriesPage> {
  static readonly reads = [eventSeriesListProjection];
  constructor(
    readonly department: string,
    readonly filter: ListEventSeriesQueryDto,
  ) {
    super();
  }
}

/** One series with its events, and its rows by academic year (what a multi-year monitoring table shows). */
export class GetEventSeriesQuery extends Query<EventSeriesDetails> {
  static readonly reads = [eventSeriesListProjection, eventCalendarProjection];
  constructor(
    readonly department: string,
    readonly seriesId: string,
    readonly consistentWith?: number,
  ) {
    super();
  }
}
