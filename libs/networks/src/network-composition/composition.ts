import { IsoDate } from '@app/kernel';
import { MemberRole, holdsOn } from '../network-map/network-map.decider';
import { NetworkView } from '../network-list/network-list.projection';
import { NetworkMembershipView } from '../network-memberships/network-memberships.projection';

export interface CompositionMember {
  institutionId: string;
  role: MemberRole | 'anchor';
  /** Since when it has been in the network without a break (role changes do not break it). */
  since: IsoDate;
}

export interface Composition {
  on: IsoDate;
  anchor: { institutionId: string; since: IsoDate } | null;
  head: { personId: string; position: string; since: IsoDate } | null;
  members: CompositionMember[];
}

/**
 * Who belonged to the network on a date, with role and since when; the anchor is listed as such.
 * `memberships` are the network's memberships that may hold on the date (any superset will do:
 * the stays are checked here).
 */
export const compositionOn = (
  view: Pick<NetworkView, 'anchors' | 'heads'>,
  memberships: ReadonlyArray<Pick<NetworkMembershipView, 'institutionId' | 'stays'>>,
  on: IsoDate,
): Composition => {
  const anchorSpan = view.anchors.find((a) => holdsOn(a, on)) ?? null;
  const headSpan = view.heads.find((h) => holdsOn(h, on)) ?? null;
  const members = memberships
    .flatMap(({ institutionId, stays }) => {
      const m = stays.find((s) => holdsOn(s, on));
      if (!m) return [];
      // Walk back over contiguous stays (a role change closes one stay and opens the next on the same day).
      let since = m.from;
      for (;;) {
        const before = stays.find((p) => p.to === since);
        if (!before) break;
        since = before.from;
      }
      const role: CompositionMember['role'] = anchorSpan?.institutionId === institutionId ? 'anchor' : m.role;
      return [{ institutionId, role, since }];
    })
    .sort((a, b) => (a.role === 'anchor' ? -1 : b.role === 'anchor' ? 1 : a.since.localeCompare(b.since) || a.institutionId.localeCompare(b.institutionId)));
  return {
    on,
    anchor: anchorSpan ? { institutionId: anchorSpan.institutionId, since: anchorSpan.from } : null,
    head: headSpan ? { personId: headSpan.personId, position: headSpan.position, since: headSpan.from } : null,
    members,
  };
};
