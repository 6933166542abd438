import { IsoDate, RecordedEvent, assertNever } from '@app/kernel';
import { defineProjection } from '@app/read-store';
import { MembershipSpan, evolveNetworkMap } from '../network-map/network-map.decider';
import { MemberRole, NetworkKind, NetworkMapEvent, kindOfMapStream, networkMapEvents, networksConcerned } from '../network-map/network-map.events';

/** One stay of the institution in the network: a role from a date, until a date (exclusive) or open. */
export interface StaySpan {
  role: MemberRole;
  from: IsoDate;
  to: IsoDate | null;
}

/**
 * One institution's membership of one network over time: its stays there, oldest first (a
 * handful: a role change or a leave and a return add one). An event rewrites only the
 * documents of the institutions it concerns, so its cost does not grow with the network's or
 * the map's history; readers find a network's members, or an institution's networks, by index.
 */
export interface NetworkMembershipView {
  id: string;
  department: string;
  networkId: string;
  institutionId: string;
  kind: NetworkKind;
  /** Revision of the map's last event applied here (replays change nothing). */
  revision: number;
  /** Position of the event that made the institution a member: orders an institution's networks. */
  joinedAt: number;
  stays: StaySpan[];
  /** The first day of the first stay, and the first day after the last one (`OPEN_END` while open). */
  firstFrom: IsoDate;
  lastUntil: IsoDate;
  /** Breaks between the stays: with none, the institution is a member on every day from `firstFrom` to `lastUntil`. */
  gaps: number;
  [field: string]: unknown;
}

export const NETWORK_MEMBERSHIPS = 'network-memberships';

/** `lastUntil` of a membership still open: after every date the API takes. */
export const OPEN_END = '9999-12-31';

export const membershipId = (networkId: string, institutionId: string): string => `${networkId}:${institutionId}`;

/**
 * The institutions whose membership the event changes (an anchor set or a head appointed
 * concerns an institution or a person, but changes no stay).
 */
export const institutionsConcerned = (event: NetworkMapEvent): string[] => {
  switch (event.type) {
    case 'MemberAdmitted':
    case 'MemberLeft':
    case 'MemberRoleChanged':
    case 'MemberTransferred':
      return [event.data.institutionId];
    case 'NetworksMerged':
    case 'NetworkSplit':
      return event.data.moved.map((m) => m.institutionId);
    case 'NetworkDissolved':
      return event.data.released;
    case 'NetworkRegistered':
    case 'NetworkRenamed':
    case 'NetworkDetailsCorrected':
    case 'NetworkReportingPeriodSet':
    case 'HeadAppointed':
    case 'AnchorSet':
      return [];
    default:
      return assertNever(event);
  }
};

export const evolveNetworkMembership = (doc: NetworkMembershipView | null, recorded: RecordedEvent<NetworkMapEvent>, id: string): NetworkMembershipView | null => {
  // One network lives in one map stream, whose events come in revision order.
  if (doc && doc.revision >= recorded.revision) return doc;
  const [networkId, institutionId] = id.split(':');
  const mine = (doc?.stays ?? []).map((s): MembershipSpan => ({ networkId, institutionId, ...s }));
  // The map's own evolve, on a state holding only this institution's stays in this network.
  const next = evolveNetworkMap({ networks: {}, memberships: mine }, recorded);
  const stays = next.memberships
    .filter((m) => m.networkId === networkId && m.institutionId === institutionId)
    .map(({ role, from, to }): StaySpan => ({ role, from, to }));
  if (!stays.length) return doc;
  const last = stays[stays.length - 1];
  return {
    id,
    department: recorded.metadata.department,
    networkId,
    institutionId,
    kind: kindOfMapStream(recorded.streamId) ?? 'other',
    revision: recorded.revision,
    joinedAt: doc?.joinedAt ?? recorded.position,
    stays,
    firstFrom: stays[0].from,
    lastUntil: last.to ?? OPEN_END,
    gaps: stays.filter((s, i) => i > 0 && stays[i - 1].to !== s.from).length,
  };
};

/** Which institution belonged to which network, when and in what role: one document per institution and network. */
export const networkMembershipsProjection = defineProjection<NetworkMembershipView, NetworkMapEvent>({
  name: 'network-memberships',
  collection: NETWORK_MEMBERSHIPS,
  events: networkMapEvents,
  indexes: [
    // Composition on a date: a network's memberships that end after it.
    { name: 'by-network', fields: ['networkId', 'lastUntil', 'id'] },
    // Today's count of members: those without breaks are counted, the few with breaks checked.
    { name: 'by-network-gaps', fields: ['networkId', 'gaps', 'lastUntil', 'id'] },
    // GET /institutions/{id}/memberships.
    { name: 'by-institution', fields: ['department', 'institutionId', 'firstFrom', 'joinedAt', 'id'] },
  ],
  documentId: (event) => {
    const institutions = institutionsConcerned(event);
    const ids = networksConcerned(event).flatMap((networkId) => institutions.map((institutionId) => membershipId(networkId, institutionId)));
    return ids.length ? ids : null;
  },
  evolve: evolveNetworkMembership,
});
