import { DomainError } from '@app/kernel';
import {
  MembershipSpan,
  MovedMember,
  NetworkMapCommand,
  NetworkMapEvent,
  NetworkMapState,
  NetworkRecord,
  decideNetworkMap,
  evolveNetworkMap,
  foldNetworkMap,
  indexNetworkMap,
  initialNetworkMapState,
} from './network-map.decider';

/**
 * The map's fold, held to two promises: an event costs the same however long the history (it
 * does not walk the memberships), and it folds exactly as the plain copy-everything fold did.
 */

/** The fold as it was first written (a copy of every collection per event): the oracle. */
type Plain = { networks: Record<string, NetworkRecord>; memberships: MembershipSpan[] };
const closeOpen = <S extends { to: string | null }>(spans: S[], match: (s: S) => boolean, on: string): S[] =>
  spans.map((s) => (s.to === null && match(s) ? { ...s, to: on } : s));
const move = (spans: MembershipSpan[], from: string, to: string, moved: MovedMember[], on: string): MembershipSpan[] => {
  const ids = new Set(moved.map((m) => m.institutionId));
  return [...closeOpen(spans, (s) => s.networkId === from && ids.has(s.institutionId), on), ...moved.map((m) => ({ networkId: to, institutionId: m.institutionId, role: m.role, from: on, to: null }))];
};
const update = (state: Plain, id: string, change: (n: NetworkRecord) => NetworkRecord): Plain =>
  state.networks[id] ? { ...state, networks: { ...state.networks, [id]: change(state.networks[id]) } } : state;
const dissolve = (n: NetworkRecord, on: string): NetworkRecord => ({ ...n, status: 'dissolved', dissolvedOn: on, anchors: closeOpen(n.anchors, () => true, on), heads: closeOpen(n.heads, () => true, on) });
const referenceEvolve = (state: Plain, event: NetworkMapEvent): Plain => {
  switch (event.type) {
    case 'NetworkRegistered': {
      const { networkId, department, kind, reportingPeriod = 'academic-year', ...details } = event.data;
      return { ...state, networks: { ...state.networks, [networkId]: { networkId, department, kind, reportingPeriod, ...details, status: 'active', dissolvedOn: null, anchors: [], heads: [] } } };
    }
    case 'NetworkRenamed':
      return update(state, event.data.networkId, (n) => ({ ...n, name: event.data.name }));
    case 'NetworkDetailsCorrected':
      return update(state, event.data.networkId, (n) => ({ ...n, ...event.data.corrections }));
    case 'NetworkReportingPeriodSet':
      return update(state, event.data.networkId, (n) => ({ ...n, reportingPeriod: event.data.reportingPeriod }));
    case 'HeadAppointed': {
      const { personId, position, appointedOn } = event.data;
      return update(state, event.data.networkId, (n) => ({ ...n, heads: [...closeOpen(n.heads, () => true, appointedOn), { personId, position, from: appointedOn, to: null }] }));
    }
    case 'AnchorSet': {
      const { institutionId, from } = event.data;
      return update(state, event.data.networkId, (n) => ({ ...n, anchors: [...closeOpen(n.anchors, () => true, from), { institutionId, from, to: null }] }));
    }
    case 'MemberAdmitted':
      return { ...state, memberships: [...state.memberships, { ...event.data, to: null }] };
    case 'MemberLeft': {
      const { networkId, institutionId, on } = event.data;
      return { ...state, memberships: closeOpen(state.memberships, (s) => s.networkId === networkId && s.institutionId === institutionId, on) };
    }
    case 'MemberRoleChanged': {
      const { networkId, institutionId, role, from } = event.data;
      const current = state.memberships.find((s) => s.networkId === networkId && s.institutionId === institutionId && s.to === null);
      if (!current) return state;
      if (current.from === from) return { ...state, memberships: state.memberships.map((s) => (s === current ? { ...s, role } : s)) };
      return { ...state, memberships: [...closeOpen(state.memberships, (s) => s === current, from), { networkId, institutionId, role, from, to: null }] };
    }
    case 'MemberTransferred': {
      const { institutionId, fromNetworkId, toNetworkId, role, on } = event.data;
      return { ...state, memberships: move(state.memberships, fromNetworkId, toNetworkId, [{ institutionId, role }], on) };
    }
    case 'NetworksMerged': {
      const { networkId, intoNetworkId, on, moved } = event.data;
      return update({ ...state, memberships: move(state.memberships, networkId, intoNetworkId, moved, on) }, networkId, (n) => dissolve(n, on));
    }
    case 'NetworkSplit': {
      const { networkId, newNetworkId, department, kind, on, moved, reason: _r, reportingPeriod = 'academic-year', ...details } = event.data;
      const created: NetworkRecord = { networkId: newNetworkId, department, kind, reportingPeriod, ...details, status: 'active', dissolvedOn: null, anchors: [], heads: [] };
      return { networks: { ...state.networks, [newNetworkId]: created }, memberships: move(state.memberships, networkId, newNetworkId, moved, on) };
    }
    case 'NetworkDissolved': {
      const { networkId, on } = event.data;
      return update({ ...state, memberships: closeOpen(state.memberships, (s) => s.networkId === networkId, on) }, networkId, (n) => dissolve(n, on));
    }
  }
};

/** A small seeded generator (mulberry32), so a failure can be replayed. */
const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const pickMember = (s: { networkId: string; institutionId: string }) => ({ networkId: s.networkId, institutionId: s.institutionId });

/** Commands at random (many refused), on a calendar that moves forward; the events decided. */
const randomHistory = (seed: number, steps: number): NetworkMapEvent[] => {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const events: NetworkMapEvent[] = [];
  let state = initialNetworkMapState();
  const networks: string[] = [];
  const institutions = Array.from({ length: 40 }, (_, i) => `school-${i}`);
  for (let step = 0; step < steps; step++) {
    const day = new Date(Date.UTC(2015, 0, 1) + Math.floor(step / 3) * 86_400_000).toISOString().slice(0, 10);
    const net = () => (networks.length ? pick(networks) : 'none');
    const school = () => pick(institutions);
    // Most commands name a current membership, so that they are mostly accepted.
    const open = state.memberships.filter((s) => s.to === null);
    const member = () => (open.length ? pick(open) : { networkId: net(), institutionId: school() });
    const membersOf = (networkId: string) => open.filter((s) => s.networkId === networkId).map((s) => s.institutionId);
    const role = () => pick(['member', 'partner'] as const);
    const details = (name: string) => ({ name, number: null, description: null, website: null });
    const commands: Array<() => NetworkMapCommand> = [
      () => {
        const networkId = `n-${networks.length}`;
        return { type: 'RegisterNetwork', data: { networkId, department: 'bakhmut', kind: 'educational-district', ...details(`Округ ${networkId}`) } };
      },
      () => {
        const networkId = `n-${networks.length}`;
        return { type: 'RegisterNetwork', data: { networkId, department: 'bakhmut', kind: 'educational-district', reportingPeriod: 'calendar-year', ...details(`Рада ${networkId}`) } };
      },
      () => ({ type: 'SetNetworkReportingPeriod', data: { networkId: net(), reportingPeriod: pick(['academic-year', 'calendar-year'] as const) } }),
      () => ({ type: 'AdmitMember', data: { networkId: net(), institution: { institutionId: school(), closedOn: null }, role: role(), from: day } }),
      () => ({ type: 'AdmitMember', data: { networkId: net(), institution: { institutionId: school(), closedOn: null }, role: role(), from: day } }),
      () => ({ type: 'AdmitMember', data: { networkId: net(), institution: { institutionId: school(), closedOn: null }, role: role(), from: day } }),
      () => ({ type: 'RecordMemberLeaving', data: { ...pickMember(member()), on: day, reason: 'переїзд' } }),
      () => ({ type: 'ChangeMemberRole', data: { ...pickMember(member()), role: role(), from: day } }),
      () => ({ type: 'ChangeMemberRole', data: { ...pickMember(member()), role: role(), from: day } }),
      () => {
        const { networkId, institutionId } = member();
        return { type: 'TransferMember', data: { institution: { institutionId, closedOn: null }, fromNetworkId: networkId, toNetworkId: net(), role: null, on: day, reason: 'перерозподіл' } };
      },
      () => {
        const { networkId, institutionId } = member();
        return { type: 'TransferMember', data: { institution: { institutionId, closedOn: null }, fromNetworkId: networkId, toNetworkId: net(), role: role(), on: day, reason: 'перерозподіл' } };
      },
      () => ({ type: 'SetAnchor', data: { ...pickMember(member()), from: day } }),
      () => ({ type: 'AppointHead', data: { networkId: net(), personId: `p-${step}`, position: 'директор', appointedOn: day } }),
      () => ({ type: 'RenameNetwork', data: { networkId: net(), name: `Округ ${step}`, renamedOn: day } }),
      () => ({ type: 'CorrectNetworkDetails', data: { networkId: net(), corrections: { website: `https://d${step}.example` }, reason: 'помилка' } }),
      () => ({ type: 'MergeNetworks', data: { networkId: net(), intoNetworkId: net(), on: day, reason: 'злиття' } }),
      () => {
        const networkId = net();
        const members = membersOf(networkId);
        const institutionIds = members.filter(() => next() < 0.5);
        return { type: 'SplitNetwork', data: { networkId, newNetworkId: `n-${networks.length}`, institutionIds, on: day, reason: 'поділ', ...details(`Новий ${step}`) } };
      },
      () => ({ type: 'DissolveNetwork', data: { networkId: net(), on: day, reason: 'розпуск' } }),
    ];
    const command = pick(commands)();
    let decided: NetworkMapEvent[];
    try {
      decided = decideNetworkMap(command, state);
    } catch (error) {
      if (error instanceof DomainError) continue;
      throw error;
    }
    for (const event of decided) {
      if (event.type === 'NetworkRegistered') networks.push(event.data.networkId);
      if (event.type === 'NetworkSplit') networks.push(event.data.newNetworkId);
      state = evolveNetworkMap(state, event);
      events.push(event);
    }
  }
  return events;
};

describe('network map fold', () => {
  it('folds each event without walking the memberships of the map', () => {
    const size = 5_000;
    let reads = 0;
    // Every read of a seeded membership's fields is counted.
    const spans: MembershipSpan[] = Array.from({ length: size }, (_, i) =>
      new Proxy<MembershipSpan>(
        { networkId: `n-${i % 50}`, institutionId: `seeded-${i}`, role: 'member', from: '2015-09-01', to: null },
        {
          get: (target, property, receiver) => {
            reads++;
            return Reflect.get(target, property, receiver);
          },
        },
      ),
    );
    const networks = Object.fromEntries(
      Array.from({ length: 50 }, (_, i): [string, NetworkRecord] => [
        `n-${i}`,
        { networkId: `n-${i}`, department: 'bakhmut', kind: 'educational-district', reportingPeriod: 'academic-year', name: `Округ ${i}`, number: null, description: null, website: null, status: 'active', dissolvedOn: null, anchors: [], heads: [] },
      ]),
    );
    let state: NetworkMapState = indexNetworkMap({ networks, memberships: spans });
    for (let i = 0; i < 200; i++) {
      state = evolveNetworkMap(state, { type: 'MemberAdmitted', data: { networkId: `n-${i % 50}`, institutionId: `new-${i}`, role: 'member', from: '2024-09-01' } });
      // seeded-k is in n-(k mod 50)
      if (i < 99) state = evolveNetworkMap(state, { type: 'MemberLeft', data: { networkId: `n-${(i + 7) % 50}`, institutionId: `seeded-${50 * i + ((i + 7) % 50)}`, on: '2024-09-01', reason: 'x' } });
    }
    // The map's memberships are read once, to index them; 299 events later, only those they concern.
    expect(reads).toBeLessThanOrEqual(5 * size);
    expect(state.memberships).toHaveLength(size + 200);
    expect(state.memberships.filter((s) => s.to !== null)).toHaveLength(99);
  });

  it('leaves every earlier state as it was', () => {
    const history = randomHistory(7, 600);
    const states = history.reduce<NetworkMapState[]>((all, e) => [...all, evolveNetworkMap(all[all.length - 1], e)], [initialNetworkMapState()]);
    const views = states.map((s) => JSON.stringify(s));
    // Building every later state did not change an earlier one, read again now.
    const again = history.reduce<NetworkMapState[]>((all, e) => [...all, evolveNetworkMap(all[all.length - 1], e)], [initialNetworkMapState()]);
    expect(again.map((s) => JSON.stringify(s))).toEqual(views);
    expect(states.map((s) => JSON.stringify(s))).toEqual(views);
  });

  it.each([1, 2, 3, 4, 5])('folds as the plain fold does, on a random history (seed %i)', (seed) => {
    const history = randomHistory(seed, 1_500);
    expect(history.length).toBeGreaterThan(200);
    expect(new Set(history.map((e) => e.type)).size).toBeGreaterThanOrEqual(10);
    let state = initialNetworkMapState();
    let plain: Plain = { networks: {}, memberships: [] };
    // A plain state (as projections hand in) is evolved by copying: it must agree too.
    let copied: NetworkMapState = { networks: {}, memberships: [] };
    history.forEach((event, i) => {
      state = evolveNetworkMap(state, event);
      plain = referenceEvolve(plain, event);
      copied = evolveNetworkMap(copied, event);
      if (i % 97 === 0) {
        expect({ networks: state.networks, memberships: state.memberships }).toEqual(plain);
        expect(copied).toEqual(plain);
      }
    });
    expect(JSON.stringify(copied)).toBe(JSON.stringify(plain));
    expect(JSON.stringify(state)).toBe(JSON.stringify(plain));
    expect(JSON.stringify(foldNetworkMap(initialNetworkMapState(), history))).toBe(JSON.stringify(plain));
    // A state indexed midway folds on as well as one evolve made from the start.
    const midway = Math.floor(history.length / 2);
    const halfPlain = history.slice(0, midway).reduce(referenceEvolve, { networks: {}, memberships: [] } as Plain);
    const resumed = history.slice(midway).reduce(evolveNetworkMap, indexNetworkMap({ networks: { ...halfPlain.networks }, memberships: [...halfPlain.memberships] }));
    expect(JSON.stringify(resumed)).toBe(JSON.stringify(plain));
  });
});
