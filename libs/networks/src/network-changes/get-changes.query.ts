import { Query } from '@nestjs/cqrs';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { ConsistencyQueryDto, IsCalendarDate, IsQueryWholeNumber } from '@app/platform/http';
import { institutionListProjection } from '../institution-list/institution-list.projection';
import { networkListProjection } from '../network-list/network-list.projection';
import { networkTimelineProjection } from '../network-timeline/network-timeline.projection';
import type { MembershipChange } from './changes';

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

/** A page of a network's composition changes in a period, each with the institution's short name. */
export interface NetworkChanges {
  network: { id: string; name: string };
  /** The period asked for (its label null for a range of dates). */
  period: { label: string | null; from: string; to: string };
  changes: Array<MembershipChange & { shortName: string | null }>;
  offset: number;
  limit: number;
  /** Whether more changes follow this page. */
  more: boolean;
}

/** Who joined, left, moved or changed role in a network in a period: its timeline entries, the network and the institutions' names. */
export class GetChangesQuery extends Query<NetworkChanges> {
  static readonly reads = [networkListProjection, networkTimelineProjection, institutionListProjection];
  constructor(
    readonly department: string,
    readonly networkId: string,
    readonly period: ChangesQueryDto,
    readonly today: string,
  ) {
    super();
  }
}
