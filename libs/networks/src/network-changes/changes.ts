import { IsoDate } from '@app/kernel';
import { MovedMember, NetworkMapEvent } from '../network-map/network-map.decider';
import type { TimelineEntry } from '../network-timeline/network-timeline.projection';

export type MembershipChangeKind = 'joined' | 'left' | 'moved-in' | 'moved-out' | 'role-changed' | 'anchor-set';

/** A change of a network's composition, as the annual analysis reports it. */
export interface MembershipChange {
  change: MembershipChangeKind;
  institutionId: string;
  on: IsoDate;
  role?: string;
  /** For moves: the other network. */
  otherNetworkId?: string;
  reason: string | null;
  recordedAt: string;
  actor: { id: string; role: string };
}

const changesOf = (event: NetworkMapEvent, networkId: string): Omit<MembershipChange, 'reason' | 'recordedAt' | 'actor'>[] => {
  const moved = (list: MovedMember[], inward: boolean, other: string, on: IsoDate) =>
    list.map((m) => ({ change: inward ? ('moved-in' as const) : ('moved-out' as const), institutionId: m.institutionId, role: m.role, otherNetworkId: other, on }));
  switch (event.type) {
    case 'MemberAdmitted':
      return [{ change: 'joined', institutionId: event.data.institutionId, role: event.data.role, on: event.data.from }];
    case 'MemberLeft':
      return [{ change: 'left', institutionId: event.data.institutionId, on: event.data.on }];
    case 'MemberRoleChanged':
      return [{ change: 'role-changed', institutionId: event.data.institutionId, role: event.data.role, on: event.data.from }];
    case 'AnchorSet':
      return [{ change: 'anchor-set', institutionId: event.data.institutionId, on: event.data.from }];
    case 'MemberTransferred': {
      const inward = event.data.toNetworkId === networkId;
      const other = inward ? event.data.fromNetworkId : event.data.toNetworkId;
      return moved([{ institutionId: event.data.institutionId, role: event.data.role }], inward, other, event.data.on);
    }
    case 'NetworksMerged': {
      const inward = event.data.intoNetworkId === networkId;
      return moved(event.data.moved, inward, inward ? event.data.networkId : event.data.intoNetworkId, event.data.on);
    }
    case 'NetworkSplit': {
      const inward = event.data.newNetworkId === networkId;
      return moved(event.data.moved, inward, inward ? event.data.networkId : event.data.newNetworkId, event.data.on);
    }
    case 'NetworkDissolved':
      return event.data.released.map((institutionId) => ({ change: 'left' as const, institutionId, on: event.data.on }));
    default:
      return [];
  }
};

/** Who joined, left, moved or changed role in the network between two dates (inclusive), by effective date. */
export const changesIn = (entries: TimelineEntry[], networkId: string, from: IsoDate, to: IsoDate): MembershipChange[] =>
  entries
    .flatMap((entry) =>
      changesOf({ type: entry.type, data: entry.data } as NetworkMapEvent, networkId).map((c) => ({ ...c, reason: entry.reason, recordedAt: entry.recordedAt, actor: entry.actor })),
    )
    .filter((c) => c.on >= from && c.on <= to)
    .sort((a, b) => a.on.localeCompare(b.on) || a.recordedAt.localeCompare(b.recordedAt));

/**
 * The date the composition changes of an event take effect in the network (all of one event's
 * changes share it), or null when it changes no composition: the timeline entry keeps it, so
 * the changes of a period are read by an index on it.
 */
export const membershipChangeDate = (event: NetworkMapEvent, networkId: string): IsoDate | null => changesOf(event, networkId)[0]?.on ?? null;
