import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ConsistencyQueryDto, IsCalendarDate, IsQueryWholeNumber, PagingQueryDto } from '@app/platform/http';
import { NETWORK_KINDS, NetworkKind } from '../network-map/network-map.decider';

export class ListNetworksQueryDto extends PagingQueryDto {
  @ApiPropertyOptional({ enum: NETWORK_KINDS }) @IsOptional() @IsIn(NETWORK_KINDS) kind?: NetworkKind;
  @ApiPropertyOptional({ enum: ['active', 'dissolved'] }) @IsOptional() @IsIn(['active', 'dissolved']) status?: 'active' | 'dissolved';
  @ApiPropertyOptional({ description: 'Words of the name or number: each word given must begin one of them, in any case', example: 'окр' }) @IsOptional() @IsString() @MaxLength(200) q?: string;
}

export class CompositionQueryDto extends ConsistencyQueryDto {
  @ApiPropertyOptional({ description: 'The date (default: today)', example: '2020-01-15' }) @IsOptional() @IsCalendarDate() on?: string;
}

/** A period: an academic year (`2019/2020`) or two dates; the current academic year by default. */
export class PeriodQueryDto extends ConsistencyQueryDto {
  @ApiPropertyOptional({ description: 'An academic year', example: '2019/2020' })
  @IsOptional()
  @Matches(/^\d{4}\/\d{4}$/, { message: 'period must be an academic year written like 2019/2020' })
  period?: string;
  @ApiPropertyOptional({ description: 'First day (with `to`, instead of `period`)', example: '2019-09-01' }) @IsOptional() @IsCalendarDate() from?: string;
  @ApiPropertyOptional({ description: 'Last day, inclusive', example: '2020-08-31' }) @IsOptional() @IsCalendarDate() to?: string;
}

/** The changes of a period, a page at a time (in effective-date order). */
export class ChangesQueryDto extends PeriodQueryDto {
  @ApiPropertyOptional({ description: 'Changes to skip', default: 0, minimum: 0 })
  @IsOptional()
  @IsQueryWholeNumber()
  offset?: number;

  @ApiPropertyOptional({ description: 'Changes per page', default: 1000, minimum: 1, maximum: 1000 })
  @IsOptional()
  @IsQueryWholeNumber({ min: 1, max: 1000 })
  limit?: number;
}

/** A page of a timeline: the entries after a position (the `next` of the page before), oldest first. */
export class TimelineQueryDto extends ConsistencyQueryDto {
  @ApiPropertyOptional({ description: 'Only entries after this position: the `next` of the previous page', example: 42, minimum: 0 })
  @IsOptional()
  @IsQueryWholeNumber()
  after?: number;

  @ApiPropertyOptional({ description: 'Entries per page', default: 500, minimum: 1, maximum: 1000 })
  @IsOptional()
  @IsQueryWholeNumber({ min: 1, max: 1000 })
  limit?: number;
}

export class ListNetworksQuery {
  constructor(
    readonly department: string,
    readonly filter: ListNetworksQueryDto,
  ) {}
}
export class GetNetworkQuery {
  constructor(
    readonly department: string,
    readonly networkId: string,
    readonly consistentWith?: number,
  ) {}
}
export class GetCompositionQuery {
  constructor(
    readonly department: string,
    readonly networkId: string,
    readonly on: string,
    readonly consistentWith?: number,
  ) {}
}
export class GetChangesQuery {
  constructor(
    readonly department: string,
    readonly networkId: string,
    readonly period: ChangesQueryDto,
    readonly today: string,
  ) {}
}
export class GetTimelineQuery {
  constructor(
    readonly department: string,
    readonly networkId: string,
    readonly consistentWith?: number,
    readonly after?: number,
    readonly limit?: number,
  ) {}
}
export class GetInstitutionMembershipsQuery {
  constructor(
    readonly department: string,
    readonly institutionId: string,
    readonly consistentWith?: number,
  ) {}
}
