import { Query } from '@nestjs/cqrs';
import { IsoDate } from '@app/kernel';
import { institutionListProjection } from '../institution-list/institution-list.projection';
import type { MemberRole, NetworkKind } from '../network-map/network-map.decider';
import { networkListProjection } from '../network-list/network-list.projection';
import { networkMembershipsProjection } from './network-memberships.projection';

/** One stay of an institution in a network: from its first day to the first day it was no longer there (null: still is), in one role. */
export interface InstitutionMembership {
  networkId: string;
  networkName: string | null;
  kind: NetworkKind;
  role: MemberRole;
  from: IsoDate;
  to: IsoDate | null;
  /** Whether the institution was the network's anchor at some time during the stay. */
  wasAnchor: boolean;
}

/** An institution's stays in networks, in the order they began. */
export interface InstitutionMemberships {
  institutionId: string;
  memberships: InstitutionMembership[];
}

/** The networks an institution belonged to over time: its memberships, the networks' names and anchors, and that the institution exists (404 when not). */
export class GetInstitutionMembershipsQuery extends Query<InstitutionMemberships> {
  static readonly reads = [networkMembershipsProjection, networkListProjection, institutionListProjection];
  constructor(
    readonly department: string,
    readonly institutionId: string,
    readonly consistentWith?: number,
  ) {
    super();
  }
}
