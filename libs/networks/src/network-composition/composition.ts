import { IsoDate } from '@app/kernel';
import { MemberRole, holdsOn } from '../network-map/network-map.decider';
import { NetworkView } from '../network-list/network-list.projection';

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

/** Who belonged to the network on a date, with role and since when; the anchor is listed as such. */
export const compositionOn = (view: Pick<NetworkView, 'memberships' | 'anchors' | 'heads'>, on: IsoDate): Composition => {
  const anchorSpan = view.anchors.find((a) => holdsOn(a, on)) ?? null;
  const headSpan = view.heads.find((h) => holdsOn(h, on)) ?? null;
  const members = view.memberships
    .filter((m) => holdsOn(m, on))
    .map((m) => {
      // Walk back over contiguous stays (a role change closes one stay and opens the next on the same day).
      let since = m.from;
      for (;;) {
        const before = view.memberships.find((p) => p.institutionId === m.institutionId && p.to === since);
        if (!before) break;
        since = before.from;
      }
      const role: CompositionMember['role'] = anchorSpan?.institutionId === m.institutionId ? 'anchor' : m.role;
      return { institutionId: m.institutionId, role, since };
    })
    .sort((a, b) => (a.role === 'anchor' ? -1 : b.role === 'anchor' ? 1 : a.since.localeCompare(b.since) || a.institutionId.localeCompare(b.institutionId)));
  return {
    on,
    anchor: anchorSpan ? { institutionId: anchorSpan.institutionId, since: anchorSpan.from } : null,
    head: headSpan ? { personId: headSpan.personId, position: headSpan.position, since: headSpan.from } : null,
    members,
  };
};
