import { DEFAULT_REPORTING_PERIOD_KIND, Decider, InvalidInput, IsoDate, REPORTING_PERIOD_KINDS, ReportingPeriodKind, RuleViolated, assertNever } from '@app/kernel';
import { MemberRole, MovedMember, NETWORK_DETAIL_FIELDS, NetworkDetails, NetworkKind, NetworkMapEvent } from './network-map.events';
import { PersistentMap } from './persistent-map';

/**
 * The map of one department's networks of one kind (all its educational districts, say), with
 * their memberships over time. It is one aggregate because its central rule spans all those
 * networks: an institution is in at most one network of the same kind on any date. So an
 * admission, a transfer, a merge or a split is one append to one stream, atomic on every event
 * store, and concurrent conflicting changes are caught by the stream's expected revision.
 */

export * from './network-map.events';

// ---- state -----------------------------------------------------------------------------------

/** A stretch of time [from, to) — `to` is the first day it no longer holds; null: open. */
export interface Span {
  from: IsoDate;
  to: IsoDate | null;
}
export interface MembershipSpan extends Span {
  networkId: string;
  institutionId: string;
  role: MemberRole;
}
export interface AnchorSpan extends Span {
  institutionId: string;
}
export interface HeadSpan extends Span {
  personId: string;
  position: string;
}

export interface NetworkRecord extends NetworkDetails {
  networkId: string;
  department: string;
  kind: NetworkKind;
  /** How the network plans and reports: by academic year unless it set calendar year. */
  reportingPeriod: ReportingPeriodKind;
  status: 'active' | 'dissolved';
  dissolvedOn: IsoDate | null;
  anchors: AnchorSpan[];
  heads: HeadSpan[];
}

/**
 * The map as readers see it. `networks` and `memberships` are built on first read, from an index
 * that evolve keeps (see {@link MapIndex}); a state passed in as a plain object (a projection's
 * document turned into a map of one network) is indexed on first use.
 */
export interface NetworkMapState {
  networks: Record<string, NetworkRecord>;
  /** Every membership of every network of the map, oldest first. */
  memberships: MembershipSpan[];
}

/** A membership with the place it was made in (its order among all memberships of the map). */
interface SpanEntry {
  readonly seq: number;
  readonly span: MembershipSpan;
}

/**
 * The state as evolve and decide use it: every part an event touches is found by key, and each
 * change copies only that part (persistent maps, small per-institution and per-network lists),
 * so an event costs the same however long the map's history. Nothing is ever mutated.
 */
interface MapIndex {
  /** Network id → its record and the order it was registered in. */
  readonly networks: PersistentMap<{ readonly seq: number; readonly record: NetworkRecord }>;
  /** Institution id → its memberships in this map, oldest first (a handful at most). */
  readonly byInstitution: PersistentMap<readonly SpanEntry[]>;
  /** Network id → its open memberships (the current members), by their place. */
  readonly openByNetwork: PersistentMap<PersistentMap<SpanEntry>>;
  readonly nextSpan: number;
  readonly nextNetwork: number;
}

/** Where a state keeps its index: a property no reader sees (not enumerable, not a string). */
const INDEX = Symbol('network map index');
type Indexed = NetworkMapState & { [INDEX]?: MapIndex };

/** A state over an index: the readers' views are built once, when first asked for, and frozen. */
const stateOver = (index: MapIndex): NetworkMapState => {
  let networks: Record<string, NetworkRecord> | undefined;
  let memberships: MembershipSpan[] | undefined;
  return Object.defineProperties({} as NetworkMapState, {
    networks: {
      enumerable: true,
      get: () =>
        (networks ??= Object.freeze(
          Object.fromEntries([...index.networks.values()].sort((a, b) => a.seq - b.seq).map((n) => [n.record.networkId, n.record])),
        )),
    },
    memberships: {
      enumerable: true,
      get: () =>
        (memberships ??= Object.freeze(
          [...index.byInstitution.values()].flat().sort((a, b) => a.seq - b.seq).map((e) => e.span),
        ) as MembershipSpan[]),
    },
    [INDEX]: { value: index },
  });
};

const EMPTY_INDEX: MapIndex = {
  networks: PersistentMap.empty(),
  byInstitution: PersistentMap.empty(),
  openByNetwork: PersistentMap.empty(),
  nextSpan: 0,
  nextNetwork: 0,
};

/** The index of a state: kept by evolve, or built once from a plain `{ networks, memberships }`. */
const indexOf = (state: NetworkMapState): MapIndex => {
  const known = (state as Indexed)[INDEX];
  if (known) return known;
  const index = indexFrom(Object.values(state.networks ?? {}), state.memberships ?? []);
  // Kept, so that a plain state is indexed once however often it is asked (when it can be).
  if (Object.isExtensible(state)) Object.defineProperty(state, INDEX, { value: index });
  return index;
};

/** The index of plain networks and memberships (oldest first), built in one pass. */
const indexFrom = (records: readonly NetworkRecord[], spans: readonly MembershipSpan[]): MapIndex => {
  const byInstitution = new Map<string, SpanEntry[]>();
  const openByNetwork = new Map<string, Array<[string, SpanEntry]>>();
  spans.forEach((span, seq) => {
    const entry: SpanEntry = { seq, span };
    const { institutionId, networkId, to } = span;
    let mine = byInstitution.get(institutionId);
    if (!mine) byInstitution.set(institutionId, (mine = []));
    mine.push(entry);
    if (to === null) {
      let open = openByNetwork.get(networkId);
      if (!open) openByNetwork.set(networkId, (open = []));
      open.push([String(seq), entry]);
    }
  });
  return {
    networks: PersistentMap.from(records.map((record, seq) => [record.networkId, { seq, record }] as const)),
    byInstitution: PersistentMap.from(byInstitution),
    openByNetwork: PersistentMap.from([...openByNetwork].map(([networkId, open]) => [networkId, PersistentMap.from(open)] as const)),
    nextSpan: spans.length,
    nextNetwork: records.length,
  };
};

export const initialNetworkMapState = (): NetworkMapState => stateOver(EMPTY_INDEX);

/** True when the span holds on the date. */
export const holdsOn = (span: Span, date: IsoDate): boolean => span.from <= date && (span.to === null || date < span.to);

const closeOpen = <S extends Span>(spans: S[], match: (s: S) => boolean, on: IsoDate): S[] =>
  spans.map((s) => (s.to === null && match(s) ? { ...s, to: on } : s));

// ---- reading the index (for decide) ----------------------------------------------------------

const networkIn = (state: NetworkMapState, networkId: string): NetworkRecord | undefined => indexOf(state).networks.get(networkId)?.record;

/** Every network of the map, in no particular order. */
const allNetworks = function* (state: NetworkMapState): IterableIterator<NetworkRecord> {
  for (const n of indexOf(state).networks.values()) yield n.record;
};

/** The institution's memberships in this map, oldest first. */
const membershipsOf = (index: MapIndex, institutionId: string): readonly SpanEntry[] => index.byInstitution.get(institutionId) ?? [];

const openMapOf = (index: MapIndex, networkId: string): PersistentMap<SpanEntry> => index.openByNetwork.get(networkId) ?? PersistentMap.empty();

/** The network's current members, oldest membership first (for merges, splits, dissolutions). */
const openIn = (index: MapIndex, networkId: string): readonly SpanEntry[] => [...openMapOf(index, networkId).values()].sort((a, b) => a.seq - b.seq);

const openEntry = (index: MapIndex, networkId: string, institutionId: string): SpanEntry | undefined =>
  membershipsOf(index, institutionId).find((e) => e.span.networkId === networkId && e.span.to === null);

const openMembership = (state: NetworkMapState, networkId: string, institutionId: string): MembershipSpan | undefined =>
  openEntry(indexOf(state), networkId, institutionId)?.span;

// ---- changing the index (for evolve); each returns a new index -------------------------------

const putNetwork = (index: MapIndex, record: NetworkRecord): MapIndex => {
  const existing = index.networks.get(record.networkId);
  return {
    ...index,
    networks: index.networks.set(record.networkId, { seq: existing?.seq ?? index.nextNetwork, record }),
    nextNetwork: existing ? index.nextNetwork : index.nextNetwork + 1,
  };
};

const updateNetwork = (index: MapIndex, networkId: string, change: (n: NetworkRecord) => NetworkRecord): MapIndex => {
  const network = index.networks.get(networkId);
  return network ? { ...index, networks: index.networks.set(networkId, { seq: network.seq, record: change(network.record) }) } : index;
};

const addSpan = (index: MapIndex, span: MembershipSpan): MapIndex => {
  const { networkId, institutionId, to } = span;
  const entry: SpanEntry = { seq: index.nextSpan, span };
  return {
    ...index,
    byInstitution: index.byInstitution.set(institutionId, [...membershipsOf(index, institutionId), entry]),
    openByNetwork: to === null ? index.openByNetwork.set(networkId, openMapOf(index, networkId).set(String(entry.seq), entry)) : index.openByNetwork,
    nextSpan: index.nextSpan + 1,
  };
};

/** Changes an open membership in place (its place among the memberships is kept). */
const replaceOpenSpan = (index: MapIndex, old: SpanEntry, span: MembershipSpan): MapIndex => {
  const entry: SpanEntry = { seq: old.seq, span };
  const { networkId, institutionId } = old.span;
  return {
    ...index,
    byInstitution: index.byInstitution.set(institutionId, membershipsOf(index, institutionId).map((e) => (e.seq === old.seq ? entry : e))),
    openByNetwork: index.openByNetwork.set(networkId, openMapOf(index, networkId).set(String(old.seq), entry)),
  };
};

/** Closes on the date these open memberships of one network (each keeps its place). */
const closeEntries = (index: MapIndex, networkId: string, closing: readonly SpanEntry[], on: IsoDate): MapIndex => {
  if (closing.length === 0) return index;
  let byInstitution = index.byInstitution;
  let open = openMapOf(index, networkId);
  for (const old of closing) {
    const closed: SpanEntry = { seq: old.seq, span: { ...old.span, to: on } };
    const institutionId = old.span.institutionId;
    byInstitution = byInstitution.set(institutionId, (byInstitution.get(institutionId) ?? []).map((e) => (e.seq === old.seq ? closed : e)));
    open = open.delete(String(old.seq));
  }
  return { ...index, byInstitution, openByNetwork: index.openByNetwork.set(networkId, open) };
};

/** The open memberships of these institutions in the network, found through the institutions. */
const openOf = (index: MapIndex, networkId: string, institutionIds: Iterable<string>): SpanEntry[] =>
  [...new Set(institutionIds)].flatMap((id) => membershipsOf(index, id).filter((e) => e.span.networkId === networkId && e.span.to === null));

const moveMembers = (index: MapIndex, fromNetworkId: string, toNetworkId: string, moved: MovedMember[], on: IsoDate): MapIndex => {
  const closed = closeEntries(index, fromNetworkId, openOf(index, fromNetworkId, moved.map((m) => m.institutionId)), on);
  return moved.reduce((next, m) => addSpan(next, { networkId: toNetworkId, institutionId: m.institutionId, role: m.role, from: on, to: null }), closed);
};

const dissolve = (network: NetworkRecord, on: IsoDate): NetworkRecord => ({
  ...network,
  status: 'dissolved',
  dissolvedOn: on,
  anchors: closeOpen(network.anchors, () => true, on),
  heads: closeOpen(network.heads, () => true, on),
});

/** A network as registered (or split off): active, without anchor or head yet; by academic year unless its event says otherwise. */
const newNetworkRecord = (
  networkId: string,
  department: string,
  kind: NetworkKind,
  details: NetworkDetails,
  reportingPeriod: ReportingPeriodKind = DEFAULT_REPORTING_PERIOD_KIND,
): NetworkRecord => ({
  networkId,
  department,
  kind,
  reportingPeriod,
  ...details,
  status: 'active',
  dissolvedOn: null,
  anchors: [],
  heads: [],
});

/** What an event changes in one network's own record (its name, details, head, anchor); both folds use it. */
const networkRecordChange = (event: NetworkMapEvent): { networkId: string; change: (n: NetworkRecord) => NetworkRecord } | null => {
  switch (event.type) {
    case 'NetworkRenamed':
      return { networkId: event.data.networkId, change: (n) => ({ ...n, name: event.data.name }) };
    case 'NetworkDetailsCorrected':
      return { networkId: event.data.networkId, change: (n) => ({ ...n, ...event.data.corrections }) };
    case 'NetworkReportingPeriodSet':
      return { networkId: event.data.networkId, change: (n) => ({ ...n, reportingPeriod: event.data.reportingPeriod }) };
    case 'HeadAppointed': {
      const { personId, position, appointedOn } = event.data;
      return {
        networkId: event.data.networkId,
        change: (n) => ({ ...n, heads: [...closeOpen(n.heads, () => true, appointedOn), { personId, position, from: appointedOn, to: null }] }),
      };
    }
    case 'AnchorSet': {
      const { institutionId, from } = event.data;
      return {
        networkId: event.data.networkId,
        change: (n) => ({ ...n, anchors: [...closeOpen(n.anchors, () => true, from), { institutionId, from, to: null }] }),
      };
    }
    default:
      return null;
  }
};

const evolveIndex = (index: MapIndex, event: NetworkMapEvent): MapIndex => {
  switch (event.type) {
    case 'NetworkRegistered': {
      const { networkId, department, kind, reportingPeriod, ...details } = event.data;
      return putNetwork(index, newNetworkRecord(networkId, department, kind, details, reportingPeriod));
    }
    case 'NetworkRenamed':
    case 'NetworkDetailsCorrected':
    case 'NetworkReportingPeriodSet':
    case 'HeadAppointed':
    case 'AnchorSet': {
      const { networkId, change } = networkRecordChange(event)!;
      return updateNetwork(index, networkId, change);
    }
    case 'MemberAdmitted': {
      const { networkId, institutionId, role, from } = event.data;
      return addSpan(index, { networkId, institutionId, role, from, to: null });
    }
    case 'MemberLeft': {
      const { networkId, institutionId, on } = event.data;
      return closeEntries(index, networkId, openOf(index, networkId, [institutionId]), on);
    }
    case 'MemberRoleChanged': {
      const { networkId, institutionId, role, from } = event.data;
      const current = openEntry(index, networkId, institutionId);
      if (!current) return index;
      if (current.span.from === from) return replaceOpenSpan(index, current, { ...current.span, role });
      return addSpan(closeEntries(index, networkId, [current], from), { networkId, institutionId, role, from, to: null });
    }
    case 'MemberTransferred': {
      const { institutionId, fromNetworkId, toNetworkId, role, on } = event.data;
      return moveMembers(index, fromNetworkId, toNetworkId, [{ institutionId, role }], on);
    }
    case 'NetworksMerged': {
      const { networkId, intoNetworkId, on, moved } = event.data;
      return updateNetwork(moveMembers(index, networkId, intoNetworkId, moved, on), networkId, (n) => dissolve(n, on));
    }
    case 'NetworkSplit': {
      const { networkId, newNetworkId, department, kind, on, moved, reason: _reason, reportingPeriod, ...details } = event.data;
      return moveMembers(putNetwork(index, newNetworkRecord(newNetworkId, department, kind, details, reportingPeriod)), networkId, newNetworkId, moved, on);
    }
    case 'NetworkDissolved': {
      const { networkId, on } = event.data;
      return updateNetwork(closeEntries(index, networkId, openIn(index, networkId), on), networkId, (n) => dissolve(n, on));
    }
    default:
      return assertNever(event);
  }
};

// ---- the plain fold: a state of a few networks and memberships, as projections hand in ---------

/*
 * A projection turns one document (a network, an institution's memberships) into a small plain
 * state and evolves it: for such a state, copying its few arrays is cheaper than indexing them.
 * Both folds must agree event for event (network-map.fold.spec.ts checks it on random histories).
 */

const plainOpenMembership = (state: NetworkMapState, networkId: string, institutionId: string): MembershipSpan | undefined =>
  state.memberships.find((s) => s.networkId === networkId && s.institutionId === institutionId && s.to === null);

const plainMoveMembers = (
  memberships: MembershipSpan[],
  fromNetworkId: string,
  toNetworkId: string,
  moved: MovedMember[],
  on: IsoDate,
): MembershipSpan[] => {
  const ids = new Set(moved.map((m) => m.institutionId));
  const closed = closeOpen(memberships, (s) => s.networkId === fromNetworkId && ids.has(s.institutionId), on);
  return [...closed, ...moved.map((m) => ({ networkId: toNetworkId, institutionId: m.institutionId, role: m.role, from: on, to: null }))];
};

const plainUpdateNetwork = (state: NetworkMapState, networkId: string, change: (n: NetworkRecord) => NetworkRecord): NetworkMapState => {
  const network = state.networks[networkId];
  return network ? { ...state, networks: { ...state.networks, [networkId]: change(network) } } : state;
};

const evolvePlain = (state: NetworkMapState, event: NetworkMapEvent): NetworkMapState => {
  switch (event.type) {
    case 'NetworkRegistered': {
      const { networkId, department, kind, reportingPeriod, ...details } = event.data;
      return { ...state, networks: { ...state.networks, [networkId]: newNetworkRecord(networkId, department, kind, details, reportingPeriod) } };
    }
    case 'NetworkRenamed':
    case 'NetworkDetailsCorrected':
    case 'NetworkReportingPeriodSet':
    case 'HeadAppointed':
    case 'AnchorSet': {
      const { networkId, change } = networkRecordChange(event)!;
      return plainUpdateNetwork(state, networkId, change);
    }
    case 'MemberAdmitted': {
      const { networkId, institutionId, role, from } = event.data;
      return { ...state, memberships: [...state.memberships, { networkId, institutionId, role, from, to: null }] };
    }
    case 'MemberLeft': {
      const { networkId, institutionId, on } = event.data;
      return { ...state, memberships: closeOpen(state.memberships, (s) => s.networkId === networkId && s.institutionId === institutionId, on) };
    }
    case 'MemberRoleChanged': {
      const { networkId, institutionId, role, from } = event.data;
      const current = plainOpenMembership(state, networkId, institutionId);
      if (!current) return state;
      if (current.from === from) {
        return { ...state, memberships: state.memberships.map((s) => (s === current ? { ...s, role } : s)) };
      }
      return {
        ...state,
        memberships: [...closeOpen(state.memberships, (s) => s === current, from), { networkId, institutionId, role, from, to: null }],
      };
    }
    case 'MemberTransferred': {
      const { institutionId, fromNetworkId, toNetworkId, role, on } = event.data;
      return { ...state, memberships: plainMoveMembers(state.memberships, fromNetworkId, toNetworkId, [{ institutionId, role }], on) };
    }
    case 'NetworksMerged': {
      const { networkId, intoNetworkId, on, moved } = event.data;
      const next = { ...state, memberships: plainMoveMembers(state.memberships, networkId, intoNetworkId, moved, on) };
      return plainUpdateNetwork(next, networkId, (n) => dissolve(n, on));
    }
    case 'NetworkSplit': {
      const { networkId, newNetworkId, department, kind, on, moved, reason: _reason, reportingPeriod, ...details } = event.data;
      return {
        networks: { ...state.networks, [newNetworkId]: newNetworkRecord(newNetworkId, department, kind, details, reportingPeriod) },
        memberships: plainMoveMembers(state.memberships, networkId, newNetworkId, moved, on),
      };
    }
    case 'NetworkDissolved': {
      const { networkId, on } = event.data;
      const next = { ...state, memberships: closeOpen(state.memberships, (s) => s.networkId === networkId, on) };
      return plainUpdateNetwork(next, networkId, (n) => dissolve(n, on));
    }
    default:
      return assertNever(event);
  }
};

/**
 * Evolves the map. A state made by evolve (from {@link initialNetworkMapState}) is indexed and
 * an event costs the same however long its history; a plain `{ networks, memberships }` object is
 * evolved by copying, and stays plain.
 */
export const evolveNetworkMap = (state: NetworkMapState, event: NetworkMapEvent): NetworkMapState => {
  const index = (state as Indexed)[INDEX];
  if (!index) return evolvePlain(state, event);
  const next = evolveIndex(index, event);
  return next === index ? state : stateOver(next);
};

/** The same map, indexed: a large plain state that is to be evolved further. */
export const indexNetworkMap = (state: NetworkMapState): NetworkMapState => ((state as Indexed)[INDEX] ? state : stateOver(indexOf(state)));

/** A plain copy of a state (its readers' views), to be evolved by copying from here on. */
export const plainNetworkMap = (state: NetworkMapState): NetworkMapState => ({ networks: { ...state.networks }, memberships: [...state.memberships] });

/** Folds many events at once: the same as evolving one by one, without a state per event. */
export const foldNetworkMap = (state: NetworkMapState, events: readonly NetworkMapEvent[]): NetworkMapState => {
  const index = indexOf(state);
  const next = events.reduce(evolveIndex, index);
  return next === index ? state : stateOver(next);
};

// ---- commands --------------------------------------------------------------------------------

/** What the handler knows of an institution from its own stream. */
export interface InstitutionFacts {
  institutionId: string;
  /** Null while open. */
  closedOn: IsoDate | null;
}

/** `reportingPeriod`: how the network reports; left out, by academic year (and the event leaves it out too). */
export type RegisterNetwork = {
  type: 'RegisterNetwork';
  data: { networkId: string; department: string; kind: NetworkKind; reportingPeriod?: ReportingPeriodKind } & NetworkDetails;
};
export type RenameNetwork = { type: 'RenameNetwork'; data: { networkId: string; name: string; renamedOn: IsoDate } };
export type CorrectNetworkDetails = {
  type: 'CorrectNetworkDetails';
  data: { networkId: string; corrections: Partial<NetworkDetails>; reason: string };
};
export type SetNetworkReportingPeriod = { type: 'SetNetworkReportingPeriod'; data: { networkId: string; reportingPeriod: ReportingPeriodKind } };
export type AppointHead = { type: 'AppointHead'; data: { networkId: string; personId: string; position: string; appointedOn: IsoDate } };
export type SetAnchor = { type: 'SetAnchor'; data: { networkId: string; institutionId: string; from: IsoDate } };
export type AdmitMember = {
  type: 'AdmitMember';
  data: { networkId: string; institution: InstitutionFacts; role: MemberRole; from: IsoDate };
};
export type RecordMemberLeaving = {
  type: 'RecordMemberLeaving';
  data: { networkId: string; institutionId: string; on: IsoDate; reason: string };
};
export type ChangeMemberRole = {
  type: 'ChangeMemberRole';
  data: { networkId: string; institutionId: string; role: MemberRole; from: IsoDate };
};
export type TransferMember = {
  type: 'TransferMember';
  data: { institution: InstitutionFacts; fromNetworkId: string; toNetworkId: string; role: MemberRole | null; on: IsoDate; reason: string };
};
export type MergeNetworks = { type: 'MergeNetworks'; data: { networkId: string; intoNetworkId: string; on: IsoDate; reason: string } };
export type SplitNetwork = {
  type: 'SplitNetwork';
  data: { networkId: string; newNetworkId: string; institutionIds: string[]; on: IsoDate; reason: string } & NetworkDetails;
};
export type DissolveNetwork = { type: 'DissolveNetwork'; data: { networkId: string; on: IsoDate; reason: string } };

export type NetworkMapCommand =
  | RegisterNetwork
  | RenameNetwork
  | CorrectNetworkDetails
  | SetNetworkReportingPeriod
  | AppointHead
  | SetAnchor
  | AdmitMember
  | RecordMemberLeaving
  | ChangeMemberRole
  | TransferMember
  | MergeNetworks
  | SplitNetwork
  | DissolveNetwork;

// ---- decisions -------------------------------------------------------------------------------

const refuse = (rule: string, message: string): never => {
  throw new RuleViolated(rule, message);
};

const requireReason = (reason: string | undefined, what: string): string => {
  const trimmed = reason?.trim();
  if (!trimmed) return refuse('reason-required', `${what} needs a reason`);
  return trimmed;
};

const existing = (state: NetworkMapState, networkId: string): NetworkRecord =>
  networkIn(state, networkId) ?? refuse('network-not-registered', `network ${networkId} is not registered`);

/** A dissolved network accepts no changes except corrections. */
const active = (state: NetworkMapState, networkId: string): NetworkRecord => {
  const network = existing(state, networkId);
  if (network.status === 'dissolved') {
    return refuse('network-dissolved', `network «${network.name}» was dissolved on ${network.dissolvedOn}; only corrections are accepted`);
  }
  return network;
};

const currentMember = (state: NetworkMapState, network: NetworkRecord, institutionId: string): MembershipSpan =>
  openMembership(state, network.networkId, institutionId) ??
  refuse('not-a-member', `institution ${institutionId} is not a current member of «${network.name}»`);

const currentAnchor = (network: NetworkRecord): AnchorSpan | undefined => network.anchors.find((a) => a.to === null);

const assertOpenOn = (institution: InstitutionFacts, date: IsoDate): void => {
  if (institution.closedOn && date >= institution.closedOn) {
    refuse('institution-closed', `institution ${institution.institutionId} closed on ${institution.closedOn} and cannot join on ${date}`);
  }
};

/** One network of this kind at a time: an open-ended stay from `from` must not meet any other stay. */
const assertFreeFrom = (state: NetworkMapState, institutionId: string, from: IsoDate, targetNetworkId: string, ignore?: MembershipSpan): void => {
  const clash = membershipsOf(indexOf(state), institutionId)
    .map((e) => e.span)
    .find((s) => s !== ignore && (s.to === null || s.to > from));
  if (clash) {
    const network = networkIn(state, clash.networkId);
    if (clash.networkId === targetNetworkId && clash.to === null) {
      refuse('already-a-member', `institution ${institutionId} is a member of «${network?.name}» since ${clash.from}`);
    }
    refuse(
      'one-network-per-kind',
      `institution ${institutionId} is in «${network?.name ?? clash.networkId}» from ${clash.from}${clash.to ? ` until ${clash.to}` : ''}; ` +
        `an institution is in at most one network of a kind (${network?.kind}) on any date`,
    );
  }
};

/** Members move on a date after they joined; the anchor of the source cannot be moved away. */
const assertMovable = (network: NetworkRecord, span: MembershipSpan, on: IsoDate): void => {
  if (on <= span.from) refuse('left-before-joined', `institution ${span.institutionId} joined «${network.name}» on ${span.from} and cannot leave on ${on}`);
  const anchor = currentAnchor(network);
  if (anchor && anchor.institutionId === span.institutionId) {
    refuse('anchor-must-be-member', `institution ${span.institutionId} is the anchor of «${network.name}»; set another anchor first`);
  }
};

/** A reporting period's kind as a command gives it: one of the two, else 400 on the field. */
const knownReportingPeriod = (value: unknown): ReportingPeriodKind => {
  if (!(REPORTING_PERIOD_KINDS as readonly unknown[]).includes(value)) {
    throw new InvalidInput('the reporting period is invalid', [{ field: 'reportingPeriod', messages: [`reportingPeriod must be one of ${REPORTING_PERIOD_KINDS.join(', ')}`] }]);
  }
  return value as ReportingPeriodKind;
};

const registerNetwork = (command: RegisterNetwork, state: NetworkMapState): NetworkMapEvent[] => {
  const { reportingPeriod, ...data } = command.data;
  if (networkIn(state, data.networkId)) refuse('network-already-registered', `network ${data.networkId} is already registered`);
  const name = data.name.trim();
  // A scan of the map's networks (dozens), not of its history.
  const clash = [...allNetworks(state)].find((n) => n.status === 'active' && n.name === name && n.number === data.number);
  if (clash) refuse('network-name-taken', `an active ${clash.kind} network named «${name}» already exists`);
  // Recorded when named: a registration without it reports by academic year, as every earlier one.
  return [{ type: 'NetworkRegistered', data: { ...data, name, ...(reportingPeriod === undefined ? {} : { reportingPeriod: knownReportingPeriod(reportingPeriod) }) } }];
};

/** How a network reports from now on; the same again changes nothing. A dissolved network plans nothing more. */
const setNetworkReportingPeriod = (command: SetNetworkReportingPeriod, state: NetworkMapState): NetworkMapEvent[] => {
  const network = active(state, command.data.networkId);
  const reportingPeriod = knownReportingPeriod(command.data.reportingPeriod);
  if (network.reportingPeriod === reportingPeriod) refuse('nothing-to-change', `the network already reports by ${reportingPeriod}`);
  return [
    {
      type: 'NetworkReportingPeriodSet',
      data: { networkId: network.networkId, department: network.department, reportingPeriod, previous: network.reportingPeriod },
    },
  ];
};

const renameNetwork = (command: RenameNetwork, state: NetworkMapState): NetworkMapEvent[] => {
  const network = active(state, command.data.networkId);
  if (network.name === command.data.name) refuse('nothing-to-change', 'the network already has this name');
  return [{ type: 'NetworkRenamed', data: command.data }];
};

const correctNetworkDetails = (command: CorrectNetworkDetails, state: NetworkMapState): NetworkMapEvent[] => {
  const network = existing(state, command.data.networkId);
  // The name is required: it may be corrected to another name, never to nothing.
  const name: unknown = command.data.corrections.name;
  if (name !== undefined && !(typeof name === 'string' && name.trim())) {
    throw new InvalidInput('a correction cannot clear the name of a network', [{ field: 'name', messages: ['name is required: correct it to another name, it cannot be cleared'] }]);
  }
  const reason = requireReason(command.data.reason, 'a correction');
  const changed: Partial<NetworkDetails> = {};
  for (const field of NETWORK_DETAIL_FIELDS) {
    const value = command.data.corrections[field];
    if (value !== undefined && value !== network[field]) (changed as Record<string, unknown>)[field] = value;
  }
  if (Object.keys(changed).length === 0) refuse('nothing-to-change', 'the correction changes nothing');
  return [{ type: 'NetworkDetailsCorrected', data: { networkId: network.networkId, corrections: changed, reason } }];
};

const appointHead = (command: AppointHead, state: NetworkMapState): NetworkMapEvent[] => {
  const network = active(state, command.data.networkId);
  const current = network.heads.find((h) => h.to === null);
  if (current && command.data.appointedOn < current.from) {
    refuse('head-before-current', `the current head serves from ${current.from}; a new head cannot take over on ${command.data.appointedOn}`);
  }
  if (current && current.personId === command.data.personId && current.position === command.data.position) {
    refuse('nothing-to-change', 'this person already heads the network in this position');
  }
  return [{ type: 'HeadAppointed', data: command.data }];
};

const setAnchor = (command: SetAnchor, state: NetworkMapState): NetworkMapEvent[] => {
  const network = active(state, command.data.networkId);
  const { institutionId, from } = command.data;
  const membership = currentMember(state, network, institutionId);
  if (from < membership.from) {
    refuse('anchor-must-be-member', `institution ${institutionId} joins «${network.name}» on ${membership.from}; it cannot be the anchor from ${from}`);
  }
  const anchor = currentAnchor(network);
  if (anchor?.institutionId === institutionId) refuse('nothing-to-change', `institution ${institutionId} is already the anchor`);
  if (anchor && from < anchor.from) refuse('anchor-before-current', `the current anchor holds from ${anchor.from}; a new one cannot take over on ${from}`);
  return [{ type: 'AnchorSet', data: command.data }];
};

const admitMember = (command: AdmitMember, state: NetworkMapState): NetworkMapEvent[] => {
  const network = active(state, command.data.networkId);
  const { institution, role, from } = command.data;
  assertOpenOn(institution, from);
  assertFreeFrom(state, institution.institutionId, from, network.networkId);
  return [{ type: 'MemberAdmitted', data: { networkId: network.networkId, institutionId: institution.institutionId, role, from } }];
};

const recordMemberLeaving = (command: RecordMemberLeaving, state: NetworkMapState): NetworkMapEvent[] => {
  const network = active(state, command.data.networkId);
  const reason = requireReason(command.data.reason, 'leaving a network');
  const membership = currentMember(state, network, command.data.institutionId);
  assertMovable(network, membership, command.data.on);
  return [{ type: 'MemberLeft', data: { ...command.data, reason } }];
};

const changeMemberRole = (command: ChangeMemberRole, state: NetworkMapState): NetworkMapEvent[] => {
  const network = active(state, command.data.networkId);
  const membership = currentMember(state, network, command.data.institutionId);
  if (membership.role === command.data.role) refuse('nothing-to-change', `institution ${command.data.institutionId} already is a ${command.data.role}`);
  if (command.data.from < membership.from) {
    refuse('left-before-joined', `the current role holds from ${membership.from}; it cannot change on ${command.data.from}`);
  }
  return [{ type: 'MemberRoleChanged', data: command.data }];
};

const transferMember = (command: TransferMember, state: NetworkMapState): NetworkMapEvent[] => {
  const { institution, fromNetworkId, toNetworkId, on } = command.data;
  if (fromNetworkId === toNetworkId) refuse('transfer-to-same-network', 'the institution is already in this network');
  const source = active(state, fromNetworkId);
  const target = active(state, toNetworkId);
  const reason = requireReason(command.data.reason, 'a transfer');
  const membership = currentMember(state, source, institution.institutionId);
  assertMovable(source, membership, on);
  assertOpenOn(institution, on);
  assertFreeFrom(state, institution.institutionId, on, target.networkId, membership);
  const role = command.data.role ?? membership.role;
  return [
    { type: 'MemberTransferred', data: { institutionId: institution.institutionId, fromNetworkId, toNetworkId: target.networkId, role, on, reason } },
  ];
};

/** Every current member moves on the date; none may have joined on or after it. */
const membersMovingOn = (state: NetworkMapState, network: NetworkRecord, on: IsoDate, only?: string[]): MovedMember[] => {
  const open = openIn(indexOf(state), network.networkId).map((e) => e.span);
  const chosen = only ? only.map((id) => open.find((s) => s.institutionId === id) ?? refuse('not-a-member', `institution ${id} is not a current member of «${network.name}»`)) : open;
  for (const span of chosen) {
    if (on <= span.from) refuse('left-before-joined', `institution ${span.institutionId} joined «${network.name}» on ${span.from}, not before ${on}`);
  }
  return chosen.map((s) => ({ institutionId: s.institutionId, role: s.role }));
};

const mergeNetworks = (command: MergeNetworks, state: NetworkMapState): NetworkMapEvent[] => {
  const { networkId, intoNetworkId, on } = command.data;
  if (networkId === intoNetworkId) refuse('transfer-to-same-network', 'a network cannot merge into itself');
  const source = active(state, networkId);
  active(state, intoNetworkId);
  const reason = requireReason(command.data.reason, 'a merge');
  return [{ type: 'NetworksMerged', data: { networkId, intoNetworkId, on, reason, moved: membersMovingOn(state, source, on) } }];
};

const splitNetwork = (command: SplitNetwork, state: NetworkMapState): NetworkMapEvent[] => {
  const { networkId, newNetworkId, institutionIds, on, reason: givenReason, ...details } = command.data;
  const source = active(state, networkId);
  if (networkIn(state, newNetworkId)) refuse('network-already-registered', `network ${newNetworkId} is already registered`);
  if (institutionIds.length === 0) refuse('nothing-to-change', 'a split moves at least one member');
  const anchor = currentAnchor(source);
  if (anchor && institutionIds.includes(anchor.institutionId)) {
    refuse('anchor-must-be-member', `institution ${anchor.institutionId} is the anchor of «${source.name}»; set another anchor first`);
  }
  const reason = requireReason(givenReason, 'a split');
  const moved = membersMovingOn(state, source, on, [...new Set(institutionIds)]);
  // The new network reports as the one it is split from; by academic year, the default, the event says nothing.
  const reporting = source.reportingPeriod === DEFAULT_REPORTING_PERIOD_KIND ? {} : { reportingPeriod: source.reportingPeriod };
  return [
    {
      type: 'NetworkSplit',
      data: { networkId, newNetworkId, department: source.department, kind: source.kind, on, reason, moved, ...reporting, ...details, name: details.name.trim() },
    },
  ];
};

const dissolveNetwork = (command: DissolveNetwork, state: NetworkMapState): NetworkMapEvent[] => {
  const network = active(state, command.data.networkId);
  const reason = requireReason(command.data.reason, 'dissolving a network');
  const released = membersMovingOn(state, network, command.data.on).map((m) => m.institutionId);
  return [{ type: 'NetworkDissolved', data: { networkId: network.networkId, on: command.data.on, reason, released } }];
};

export const decideNetworkMap = (command: NetworkMapCommand, state: NetworkMapState): NetworkMapEvent[] => {
  switch (command.type) {
    case 'RegisterNetwork':
      return registerNetwork(command, state);
    case 'RenameNetwork':
      return renameNetwork(command, state);
    case 'CorrectNetworkDetails':
      return correctNetworkDetails(command, state);
    case 'SetNetworkReportingPeriod':
      return setNetworkReportingPeriod(command, state);
    case 'AppointHead':
      return appointHead(command, state);
    case 'SetAnchor':
      return setAnchor(command, state);
    case 'AdmitMember':
      return admitMember(command, state);
    case 'RecordMemberLeaving':
      return recordMemberLeaving(command, state);
    case 'ChangeMemberRole':
      return changeMemberRole(command, state);
    case 'TransferMember':
      return transferMember(command, state);
    case 'MergeNetworks':
      return mergeNetworks(command, state);
    case 'SplitNetwork':
      return splitNetwork(command, state);
    case 'DissolveNetwork':
      return dissolveNetwork(command, state);
    default:
      return assertNever(command);
  }
};

export const networkMapDecider: Decider<NetworkMapState, NetworkMapCommand, NetworkMapEvent> = {
  initialState: initialNetworkMapState,
  evolve: evolveNetworkMap,
  decide: decideNetworkMap,
};
