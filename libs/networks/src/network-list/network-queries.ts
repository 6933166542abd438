import { Query } from '@nestjs/cqrs';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PagingQueryDto } from '@app/platform/http';
import type { ReadPage } from '@app/read-store';
import { NETWORK_KINDS, NetworkKind } from '../network-map/network-map.decider';
import { networkMembershipsProjection } from '../network-memberships/network-memberships.projection';
import { NetworkFields, networkListProjection } from './network-list.projection';

/** A network as the queries answer it: its details and state, and how many members it has today (its spans: the composition). */
export interface Network extends NetworkFields {
  currentMembers: number;
}

/** A page of networks. */
export type NetworkPage = ReadPage<Network>;

export class ListNetworksQueryDto extends PagingQueryDto {
  @ApiPropertyOptional({ enum: NETWORK_KINDS }) @IsOptional() @IsIn(NETWORK_KINDS) kind?: NetworkKind;
  @ApiPropertyOptional({ enum: ['active', 'dissolved'] }) @IsOptional() @IsIn(['active', 'dissolved']) status?: 'active' | 'dissolved';
  @ApiPropertyOptional({ description: 'Words of the name or number: each word given must begin one of them, in any case', example: 'окр' }) @IsOptional() @IsString() @MaxLength(200) q?: string;
}

/** A page of networks, each with today's member count (from the memberships). */
export class ListNetworksQuery extends Query<NetworkPage> {
  static readonly reads = [networkListProjection, networkMembershipsProjection];
  constructor(
    readonly department: string,
    readonly filter: ListNetworksQueryDto,
  ) {
    super();
  }
}

/** One network with today's member count (from the memberships); 404 for an unknown one or another department's. */
export class GetNetworkQuery extends Query<Network> {
  static readonly reads = [networkListProjection, networkMembershipsProjection];
  constructor(
    readonly department: string,
    readonly networkId: string,
    readonly consistentWith?: number,
  ) {
    super();
  }
}
