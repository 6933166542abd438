import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFound } from '@app/kernel';
import { ReadModels } from '@app/platform';
import { FindQuery } from '@app/read-store';
import { institutionNames } from '../institution-list/institution-names';
import { NetworkView, networkListProjection } from '../network-list/network-list.projection';
import { NetworkMembershipView, networkMembershipsProjection } from './network-memberships.projection';
import { GetInstitutionMembershipsQuery, InstitutionMemberships } from './get-institution-memberships.query';

/** The networks an institution belonged to, by index, in the order it joined them. */
export const institutionMembershipsQuery = (department: string, institutionId: string): FindQuery => ({
  where: { department, institutionId },
  sort: [
    { field: 'firstFrom', direction: 'asc' },
    { field: 'joinedAt', direction: 'asc' },
    { field: 'id', direction: 'asc' },
  ],
});

@QueryHandler(GetInstitutionMembershipsQuery)
export class GetInstitutionMembershipsHandler implements IQueryHandler<GetInstitutionMembershipsQuery> {
  constructor(private readonly readModels: ReadModels) {}

  async execute(query: GetInstitutionMembershipsQuery): Promise<InstitutionMemberships> {
    const { department, institutionId } = query;
    const read = await this.readModels.for(query, query.consistentWith);
    const known = await institutionNames(read, department, [institutionId]);
    if (!known.has(institutionId)) throw new NotFound('institution', institutionId);
    const docs = await read.find<NetworkMembershipView>(networkMembershipsProjection, institutionMembershipsQuery(department, institutionId));
    const spans = docs
      .flatMap(({ networkId, kind, stays }) => stays.map((s) => ({ networkId, kind, ...s })))
      .sort((a, b) => a.from.localeCompare(b.from) || a.kind.localeCompare(b.kind));
    const networkIds = [...new Set(spans.map((s) => s.networkId))];
    const networks = networkIds.length
      ? await read.find<NetworkView>(networkListProjection, { where: { department, id: { in: networkIds } }, limit: networkIds.length })
      : [];
    const byId = new Map(networks.map((n) => [n.id, n]));
    return {
      institutionId,
      memberships: spans.map((s) => ({
        networkId: s.networkId,
        networkName: byId.get(s.networkId)?.name ?? null,
        kind: s.kind,
        role: s.role,
        from: s.from,
        to: s.to,
        wasAnchor: (byId.get(s.networkId)?.anchors ?? []).some((a) => a.institutionId === institutionId && a.from < (s.to ?? '9999') && (a.to === null || a.to > s.from)),
      })),
    };
  }
}
