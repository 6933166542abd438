import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFound, toIsoDate } from '@app/kernel';
import { ProjectionsService } from '@app/platform/projections.service';
import { READ_STORE, FindQuery, ReadStore, Where } from '@app/read-store/read-store.port';
import { readPage } from '@app/read-store/read-page';
import { Composition, compositionOn } from '../network-composition/composition';
import { INSTITUTION_MEMBERSHIPS, InstitutionMembershipsView, institutionMembershipsProjection } from '../institution-memberships/institution-memberships.projection';
import { NETWORKS, NetworkView, networkListProjection } from './network-list.projection';
import { GetCompositionQuery, GetInstitutionMembershipsQuery, GetNetworkQuery, ListNetworksQuery, ListNetworksQueryDto } from './network-queries';
import { InstitutionNames } from './institution-names';
import { PersonNames, PersonName } from './network-person-names';

/** A network as readers get it: details and current state, without the spans (see composition). */
export const presentNetwork = (view: NetworkView) => {
  const { memberships, anchors: _a, heads: _h, search: _s, ...details } = view;
  const today = toIsoDate(new Date());
  return { ...details, currentMembers: memberships.filter((m) => m.from <= today && (m.to === null || today < m.to)).length };
};

export const loadNetwork = async (readStore: ReadStore, department: string, networkId: string): Promise<NetworkView> => {
  const view = (await readStore.get(NETWORKS, networkId)) as NetworkView | null;
  if (!view || view.department !== department) throw new NotFound('network', networkId);
  return view;
};

/** The read-store query of a list request; the projection's indexes are made for these. */
export const networkListQuery = (department: string, filter: ListNetworksQueryDto): FindQuery & { offset: number; limit: number } => {
  const where: Where = { department };
  if (filter.kind) where.kind = filter.kind;
  if (filter.status) where.status = filter.status;
  if (filter.q?.trim()) where.search = { words: filter.q };
  return {
    where,
    sort: [
      { field: 'kind', direction: 'asc' },
      { field: 'name', direction: 'asc' },
      { field: 'id', direction: 'asc' },
    ],
    offset: filter.offset ?? 0,
    limit: filter.limit ?? 50,
  };
};

@QueryHandler(ListNetworksQuery)
export class ListNetworksHandler implements IQueryHandler<ListNetworksQuery> {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly projections: ProjectionsService,
  ) {}

  async execute({ department, filter }: ListNetworksQuery) {
    if (filter.consistentWith !== undefined) await this.projections.waitFor(filter.consistentWith, [networkListProjection.name]);
    const page = await readPage<NetworkView>(this.readStore, NETWORKS, networkListQuery(department, filter));
    return { ...page, items: page.items.map(presentNetwork) };
  }
}

@QueryHandler(GetNetworkQuery)
export class GetNetworkHandler implements IQueryHandler<GetNetworkQuery> {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly projections: ProjectionsService,
  ) {}

  async execute({ department, networkId, consistentWith }: GetNetworkQuery) {
    if (consistentWith !== undefined) await this.projections.waitFor(consistentWith, [networkListProjection.name]);
    return presentNetwork(await loadNetwork(this.readStore, department, networkId));
  }
}

export interface CompositionAnswer {
  network: { id: string; name: string; number: string | null; kind: string; status: string };
  on: string;
  anchor: (Composition['anchor'] & { shortName: string | null; fullName: string | null }) | null;
  head: (NonNullable<Composition['head']> & Omit<PersonName, 'personId'>) | null;
  members: Array<Composition['members'][number] & { shortName: string | null; fullName: string | null; kind: string | null }>;
}

@QueryHandler(GetCompositionQuery)
export class GetCompositionHandler implements IQueryHandler<GetCompositionQuery, CompositionAnswer> {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly projections: ProjectionsService,
    private readonly institutions: InstitutionNames,
    private readonly people: PersonNames,
  ) {}

  async execute({ department, networkId, on, consistentWith }: GetCompositionQuery): Promise<CompositionAnswer> {
    if (consistentWith !== undefined) await this.projections.waitFor(consistentWith, [networkListProjection.name, 'institution-list']);
    const view = await loadNetwork(this.readStore, department, networkId);
    const composition = compositionOn(view, on);
    const names = await this.institutions.of(department, [...composition.members.map((m) => m.institutionId), ...(composition.anchor ? [composition.anchor.institutionId] : [])]);
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

@QueryHandler(GetInstitutionMembershipsQuery)
export class GetInstitutionMembershipsHandler implements IQueryHandler<GetInstitutionMembershipsQuery> {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly projections: ProjectionsService,
    private readonly institutions: InstitutionNames,
  ) {}

  async execute({ department, institutionId, consistentWith }: GetInstitutionMembershipsQuery) {
    if (consistentWith !== undefined) await this.projections.waitFor(consistentWith, [institutionMembershipsProjection.name, networkListProjection.name]);
    const known = await this.institutions.of(department, [institutionId]);
    if (!known.has(institutionId)) throw new NotFound('institution', institutionId);
    const doc = (await this.readStore.get(INSTITUTION_MEMBERSHIPS, institutionId)) as InstitutionMembershipsView | null;
    const spans = doc?.memberships ?? [];
    const networkIds = [...new Set(spans.map((s) => s.networkId))];
    const networks = networkIds.length
      ? ((await this.readStore.find(NETWORKS, { where: { department, id: { in: networkIds } }, limit: networkIds.length })) as NetworkView[])
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
