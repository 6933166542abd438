import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Clock, DEFAULT_REPORTING_PERIOD_KIND, NotFound, toIsoDate } from '@app/kernel';
import { CLOCK, ReadModels } from '@app/platform';
import { FindQuery, ReadModelReader, Where } from '@app/read-store';
import { holdsOn } from '../network-map/network-map.decider';
import { NetworkMembershipView, networkMembershipsProjection } from '../network-memberships/network-memberships.projection';
import { NetworkView, networkListProjection } from './network-list.projection';
import { GetNetworkQuery, ListNetworksQuery, ListNetworksQueryDto, Network, NetworkPage } from './network-queries';

/** A network as readers get it: details and current state, without the spans (see composition). */
export const presentNetwork = (view: NetworkView, currentMembers: number): Network => {
  // `memberships`: what documents written before memberships had their own still hold.
  const { memberships: _m, anchors: _a, heads: _h, search: _s, ...details } = view;
  // `reportingPeriod`: a document written before the setting existed has none, and reports by academic year.
  return { ...details, reportingPeriod: view.reportingPeriod ?? DEFAULT_REPORTING_PERIOD_KIND, currentMembers };
};

/**
 * How many institutions are members of the network on a date. A membership without breaks
 * holds on every day between its first and last, so those are counted in the index; the few
 * with breaks (left, came back) are read and checked. The query declares the memberships.
 */
export const membersOn = async (read: ReadModelReader, networkId: string, on: string): Promise<number> => {
  const range = { lastUntil: { gt: on }, firstFrom: { lte: on } };
  const [steady, broken] = await Promise.all([
    read.count(networkMembershipsProjection, { networkId, gaps: 0, ...range }),
    read.find<NetworkMembershipView>(networkMembershipsProjection, {
      where: { networkId, gaps: { gt: 0 }, ...range },
      sort: [
        { field: 'gaps', direction: 'asc' },
        { field: 'lastUntil', direction: 'asc' },
        { field: 'id', direction: 'asc' },
      ],
    }),
  ]);
  return steady + broken.filter((m) => m.stays.some((s) => holdsOn(s, on))).length;
};

/** The network of the department, or 404; the query declares the network list. */
export const loadNetwork = async (read: ReadModelReader, department: string, networkId: string): Promise<NetworkView> => {
  const view = await read.get<NetworkView>(networkListProjection, networkId);
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
    private readonly readModels: ReadModels,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(query: ListNetworksQuery): Promise<NetworkPage> {
    const read = await this.readModels.for(query, query.filter.consistentWith);
    const page = await read.page<NetworkView>(networkListProjection, networkListQuery(query.department, query.filter));
    const today = toIsoDate(this.clock.now());
    const counts = await Promise.all(page.items.map((view) => membersOn(read, view.id, today)));
    return { ...page, items: page.items.map((view, i) => presentNetwork(view, counts[i])) };
  }
}

@QueryHandler(GetNetworkQuery)
export class GetNetworkHandler implements IQueryHandler<GetNetworkQuery> {
  constructor(
    private readonly readModels: ReadModels,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(query: GetNetworkQuery): Promise<Network> {
    const read = await this.readModels.for(query, query.consistentWith);
    const view = await loadNetwork(read, query.department, query.networkId);
    return presentNetwork(view, await membersOn(read, view.id, toIsoDate(this.clock.now())));
  }
}
