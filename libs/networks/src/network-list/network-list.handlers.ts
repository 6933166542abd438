import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFound, toIsoDate } from '@app/kernel';
import { ProjectionsService } from '@app/platform/projections.service';
import { READ_STORE, FindQuery, ReadStore, Where } from '@app/read-store/read-store.port';
import { readPage } from '@app/read-store/read-page';
import { Composition, compositionOn } from '../network-composition/composition';
import { holdsOn } from '../network-map/network-map.decider';
import { NETWORK_MEMBERSHIPS, NetworkMembershipView, networkMembershipsProjection } from '../network-memberships/network-memberships.projection';
import { NETWORKS, NetworkView, networkListProjection } from './network-list.projection';
import { GetCompositionQuery, GetInstitutionMembershipsQuery, GetNetworkQuery, ListNetworksQuery, ListNetworksQueryDto } from './network-queries';
import { InstitutionNames } from './institution-names';
import { PersonNames, PersonName } from './network-person-names';

/** A network as readers get it: details and current state, without the spans (see composition). */
export const presentNetwork = (view: NetworkView, currentMembers: number) => {
  // `memberships`: what documents written before memberships had their own still hold.
  const { memberships: _m, anchors: _a, heads: _h, search: _s, ...details } = view as NetworkView & { memberships?: unknown };
  return { ...details, currentMembers };
};

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

/**
 * How many institutions are members of the network on a date. A membership without breaks
 * holds on every day between its first and last, so those are counted in the index; the few
 * with breaks (left, came back) are read and checked.
 */
export const membersOn = async (readStore: ReadStore, networkId: string, on: string): Promise<number> => {
  const range = { lastUntil: { gt: on }, firstFrom: { lte: on } };
  const [steady, broken] = await Promise.all([
    readStore.count(NETWORK_MEMBERSHIPS, { networkId, gaps: 0, ...range }),
    readStore.find(NETWORK_MEMBERSHIPS, {
      where: { networkId, gaps: { gt: 0 }, ...range },
      sort: [
        { field: 'gaps', direction: 'asc' },
        { field: 'lastUntil', direction: 'asc' },
        { field: 'id', direction: 'asc' },
      ],
    }) as Promise<NetworkMembershipView[]>,
  ]);
  return steady + broken.filter((m) => m.stays.some((s) => holdsOn(s, on))).length;
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
    if (filter.consistentWith !== undefined) await this.projections.waitFor(filter.consistentWith, [networkListProjection.name, networkMembershipsProjection.name]);
    const page = await readPage<NetworkView>(this.readStore, NETWORKS, networkListQuery(department, filter));
    const today = toIsoDate(new Date());
    const counts = await Promise.all(page.items.map((view) => membersOn(this.readStore, view.id, today)));
    return { ...page, items: page.items.map((view, i) => presentNetwork(view, counts[i])) };
  }
}

@QueryHandler(GetNetworkQuery)
export class GetNetworkHandler implements IQueryHandler<GetNetworkQuery> {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly projections: ProjectionsService,
  ) {}

  async execute({ department, networkId, consistentWith }: GetNetworkQuery) {
    if (consistentWith !== undefined) await this.projections.waitFor(consistentWith, [networkListProjection.name, networkMembershipsProjection.name]);
    const view = await loadNetwork(this.readStore, department, networkId);
    return presentNetwork(view, await membersOn(this.readStore, view.id, toIsoDate(new Date())));
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
    if (consistentWith !== undefined) await this.projections.waitFor(consistentWith, [networkListProjection.name, networkMembershipsProjection.name, 'institution-list']);
    const view = await loadNetwork(this.readStore, department, networkId);
    const memberships = (await this.readStore.find(NETWORK_MEMBERSHIPS, compositionQuery(networkId, on))) as NetworkMembershipView[];
    const composition = compositionOn(view, memberships, on);
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
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly projections: ProjectionsService,
    private readonly institutions: InstitutionNames,
  ) {}

  async execute({ department, institutionId, consistentWith }: GetInstitutionMembershipsQuery) {
    if (consistentWith !== undefined) await this.projections.waitFor(consistentWith, [networkMembershipsProjection.name, networkListProjection.name]);
    const known = await this.institutions.of(department, [institutionId]);
    if (!known.has(institutionId)) throw new NotFound('institution', institutionId);
    const docs = (await this.readStore.find(NETWORK_MEMBERSHIPS, institutionMembershipsQuery(department, institutionId))) as NetworkMembershipView[];
    const spans = docs
      .flatMap(({ networkId, kind, stays }) => stays.map((s) => ({ networkId, kind, ...s })))
      .sort((a, b) => a.from.localeCompare(b.from) || a.kind.localeCompare(b.kind));
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
