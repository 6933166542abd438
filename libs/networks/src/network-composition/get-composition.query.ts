import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { ConsistencyQueryDto, IsCalendarDate } from '@app/platform/http';
import { institutionListProjection } from '../institution-list/institution-list.projection';
import { networkListProjection } from '../network-list/network-list.projection';
import { networkMembershipsProjection } from '../network-memberships/network-memberships.projection';

export class CompositionQueryDto extends ConsistencyQueryDto {
  @ApiPropertyOptional({ description: 'The date (default: today)', example: '2020-01-15' }) @IsOptional() @IsCalendarDate() on?: string;
}

/** Who belonged to a network on a date: its anchors and heads, its memberships, and the members' names. */
export class GetCompositionQuery {
  static readonly reads = [networkListProjection, networkMembershipsProjection, institutionListProjection];
  constructor(
    readonly department: string,
    readonly networkId: string,
    readonly on: string,
    readonly consistentWith?: number,
  ) {}
}
