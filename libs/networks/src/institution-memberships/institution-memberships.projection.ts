import { RecordedEvent } from '@app/kernel';
import { defineProjection } from '@app/read-store/projection';
import { MembershipSpan, NETWORK_KINDS, NETWORK_MAP_EVENT_TYPES, NetworkKind, NetworkMapEvent, evolveNetworkMap } from '../network-map/network-map.decider';

export interface InstitutionMembershipSpan extends MembershipSpan {
  kind: NetworkKind;
}

/** Every network an institution belonged to, of every kind, with role and dates. */
export interface InstitutionMembershipsView {
  id: string;
  department: string;
  memberships: InstitutionMembershipSpan[];
  /** Per map stream, the revision last applied (replays change nothing). */
  applied: Record<string, number>;
  [field: string]: unknown;
}

export const INSTITUTION_MEMBERSHIPS = 'institution-memberships';

/** The institutions an event concerns. */
export const institutionsConcerned = (event: { type: string; data: unknown }): string[] => {
  const e = event as NetworkMapEvent;
  switch (e.type) {
    case 'MemberAdmitted':
    case 'MemberLeft':
    case 'MemberRoleChanged':
    case 'MemberTransferred':
      return [e.data.institutionId];
    case 'NetworksMerged':
    case 'NetworkSplit':
      return e.data.moved.map((m) => m.institutionId);
    case 'NetworkDissolved':
      return e.data.released;
    default:
      return [];
  }
};

const kindOfStream = (streamId: string): NetworkKind =>
  NETWORK_KINDS.find((kind) => streamId.endsWith(`-${kind}`)) ?? 'other';

export const evolveInstitutionMemberships = (
  doc: InstitutionMembershipsView | null,
  recorded: RecordedEvent,
  id: string,
): InstitutionMembershipsView | null => {
  const applied = doc?.applied ?? {};
  if ((applied[recorded.streamId] ?? -1) >= recorded.revision) return doc;
  const kind = kindOfStream(recorded.streamId);
  const mine = (doc?.memberships ?? []).filter((m) => m.kind === kind);
  const others = (doc?.memberships ?? []).filter((m) => m.kind !== kind);
  const next = evolveNetworkMap({ networks: {}, memberships: mine }, recorded as unknown as NetworkMapEvent);
  const spans = next.memberships.filter((m) => m.institutionId === id).map((m) => ({ ...m, kind }));
  return {
    id,
    department: recorded.metadata.department,
    memberships: [...others, ...spans].sort((a, b) => a.from.localeCompare(b.from) || a.kind.localeCompare(b.kind)),
    applied: { ...applied, [recorded.streamId]: recorded.revision },
  };
};

export const institutionMembershipsProjection = defineProjection<InstitutionMembershipsView>({
  name: 'institution-memberships',
  collection: INSTITUTION_MEMBERSHIPS,
  handles: NETWORK_MAP_EVENT_TYPES,
  documentId: (event) => {
    const ids = institutionsConcerned(event);
    return ids.length ? ids : null;
  },
  evolve: evolveInstitutionMemberships,
});
