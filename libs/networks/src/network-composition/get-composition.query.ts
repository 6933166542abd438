import { Query } from '@nestjs/cqrs';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { ConsistencyQueryDto, IsCalendarDate } from '@app/platform/http';
import { institutionListProjection } from '../institution-list/institution-list.projection';
import { networkListProjection } from '../network-list/network-list.projection';
import type { PersonName } from '../network-list/network-person-names';
import { networkMembershipsProjection } from '../network-memberships/network-memberships.projection';
import type { Composition } from './composition';

export class CompositionQueryDto extends ConsistencyQueryDto {
  @ApiPropertyOptional({ description: 'The date (default: today)', example: '2020-01-15' }) @IsOptional() @IsCalendarDate() on?: string;
}

/** A network's composition on a date, with the institutions' names and the head's from the vault. */
export interface CompositionAnswer {
  network: { id: string; name: string; number: string | null; kind: string; status: string };
  on: string;
  anchor: (Composition['anchor'] & { shortName: string | null; fullName: string | null }) | null;
  head: (NonNullable<Composition['head']> & Omit<PersonName, 'personId'>) | null;
  members: Array<Composition['members'][number] & { shortName: string | null; fullName: string | null; kind: string | null }>;
}

/** Who belonged to a network on a date: its anchors and heads, its memberships, and the members' names. */
export class GetCompositionQuery extends Query<CompositionAnswer> {
  static readonly reads = [networkListProjection, networkMembershipsProjection, institutionListProjection];
  constructor(
    readonly department: string,
    readonly networkId: string,
    readonly on: string,
    readonly consistentWith?: number,
  ) {
    super();
  }
}
