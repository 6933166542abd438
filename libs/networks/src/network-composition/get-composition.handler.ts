import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ReadModels } from '@app/platform';
import { FindQuery } from '@app/read-store';
import { institutionNames } from '../institution-list/institution-names';
import { loadNetwork } from '../network-list/network-list.handlers';
import { PersonNames } from '../network-list/network-person-names';
import { NetworkMembershipView, networkMembershipsProjection } from '../network-memberships/network-memberships.projection';
import { compositionOn } from './composition';
import { CompositionAnswer, GetCompositionQuery } from './get-composition.query';

/**
 * The memberships of a network that may hold on a date (they end after it and began by it),
 * read by index: the composition checks their stays.
 */
export const compositionQuery = (networkId: string, on: string): FindQuery => ({
  where: { networkId, lastUntil: { gt: on }, firstFrom: { lte: on } },
  sort: [
    { field: 'lastUntil', direction: 'asc' },
    { field: 'id', direction: 'asc' },
  ],
});

@QueryHandler(GetCompositionQuery)
export class GetCompositionHandler implements IQueryHandler<GetCompositionQuery> {
  constructor(
    private readonly readModels: ReadModels,
    private readonly people: PersonNames,
  ) {}

  async execute(query: GetCompositionQuery): Promise<CompositionAnswer> {
    const { department, networkId, on } = query;
    const read = await this.readModels.for(query, query.consistentWith);
    const view = await loadNetwork(read, department, networkId);
    const memberships = await read.find<NetworkMembershipView>(networkMembershipsProjection, compositionQuery(networkId, on));
    const composition = compositionOn(view, memberships, on);
    const names = await institutionNames(read, department, [...composition.members.map((m) => m.institutionId), ...(composition.anchor ? [composition.anchor.institutionId] : [])]);
    const heads = await this.people.of(department, composition.head ? [composition.head.personId] : []);
    const named = (id: string) => ({ shortName: names.get(id)?.shortName ?? null, fullName: names.get(id)?.fullName ?? null });
    return {
      network: { id: view.id, name: view.name, number: view.number, kind: view.kind, status: view.status },
      on,
      anchor: composition.anchor ? { ...composition.anchor, ...named(composition.anchor.institutionId) } : null,
      head: composition.head ? { ...composition.head, ...heads.get(composition.head.personId)! } : null,
      members: composition.members.map((m) => ({ ...m, ...named(m.institutionId), kind: names.get(m.institutionId)?.kind ?? null })),
    };
  }
}
