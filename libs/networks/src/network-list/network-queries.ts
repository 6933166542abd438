import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PagingQueryDto } from '@app/platform/http';
import { NETWORK_KINDS, NetworkKind } from '../network-map/network-map.decider';
import { networkMembershipsProjection } from '../network-memberships/network-memberships.projection';
import { networkListProjection } from './network-list.projection';

export class ListNetworksQueryDto extends PagingQueryDto {
  @ApiPropertyOptional({ enum: NETWORK_KINDS }) @IsOptional() @IsIn(NETWORK_KINDS) kind?: NetworkKind;
  @ApiPropertyOptional({ enum: ['active', 'dissolved'] }) @IsOptional() @IsIn(['active', 'dissolved']) status?: 'active' | 'dissolved';
  @ApiPropertyOptional({ description: 'Words of the name or number: each word given must begin one of them, in any case', example: 'окр' }) @IsOptional() @IsString() @MaxLength(200) q?: string;
}

/** A page of networks, each with today's member count (from the memberships). */
export class ListNetworksQuery {
  static readonly reads = [networkListProjection, networkMembershipsProjection];
  constructor(
    readonly department: string,
    readonly filter: ListNetworksQueryDto,
  ) {}
}

/** One network with today's member count (from the memberships). */
export class GetNetworkQuery {
  static readonly reads = [networkListProjection, networkMembershipsProjection];
  constructor(
    readonly department: string,
    readonly networkId: string,
    readonly consistentWith?: number,
  ) {}
}
