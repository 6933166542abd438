import { institutionListProjection } from '../institution-list/institution-list.projection';
import { networkListProjection } from '../network-list/network-list.projection';
import { networkMembershipsProjection } from './network-memberships.projection';

/** The networks an institution belonged to over time: its memberships, the networks' names and anchors, and that the institution exists. */
export class GetInstitutionMembershipsQuery {
  static readonly reads = [networkMembershipsProjection, networkListProjection, institutionListProjection];
  constructor(
    readonly department: string,
    readonly institutionId: string,
    readonly consistentWith?: number,
  ) {}
}
