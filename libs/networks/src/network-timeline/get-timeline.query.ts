import { Query } from '@nestjs/cqrs';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { ConsistencyQueryDto, IsQueryWholeNumber } from '@app/platform/http';
import { networkListProjection } from '../network-list/network-list.projection';
import type { PersonName } from '../network-list/network-person-names';
import { TimelineEntry, networkTimelineProjection } from './network-timeline.projection';

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

/** A page of a network's timeline; a head's appointment carries the head's name from the vault. */
export interface NetworkTimeline {
  networkId: string;
  entries: Array<TimelineEntry & { person?: PersonName }>;
  /** The position to ask for the next page after (`after`); null on the last page. */
  next: number | null;
}

/** Every change of a network, oldest first: its timeline entries, and the network (that it exists in the department). */
export class GetTimelineQuery extends Query<NetworkTimeline> {
  static readonly reads = [networkListProjection, networkTimelineProjection];
  constructor(
    readonly department: string,
    readonly networkId: string,
    readonly consistentWith?: number,
    readonly after?: number,
    readonly limit?: number,
  ) {
    super();
  }
}
