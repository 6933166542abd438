import { RecordedEvent } from '@app/kernel';
import { compositionOn } from '../network-composition/composition';
import { bakhmutMap } from '../network-map/network-map.fixtures';
import { NetworkMapEvent } from '../network-map/network-map.decider';
import { NetworkMembershipView, OPEN_END, evolveNetworkMembership, membershipId, networkMembershipsProjection } from './network-memberships.projection';

const project = (events: RecordedEvent[], docs = new Map<string, NetworkMembershipView | null>()) => {
  for (const event of events) {
    const ids = networkMembershipsProjection.documentId(event);
    if (!ids) continue;
    for (const id of ids as string[]) docs.set(id, evolveNetworkMembership(docs.get(id) ?? null, event, id));
  }
  return docs;
};

const ofNetwork = (docs: Map<string, NetworkMembershipView | null>, networkId: string) =>
  [...docs.values()].filter((d): d is NetworkMembershipView => d?.networkId === networkId);

const later = (events: RecordedEvent[], added: NetworkMapEvent[]): RecordedEvent[] => {
  const last = events[events.length - 1];
  return [...events, ...added.map((e, i) => ({ ...last, ...e, id: `x-${i}`, revision: last.revision + 1 + i, position: last.position + 1 + i }) as RecordedEvent)];
};

describe('network memberships projection', () => {
  const events = bakhmutMap();

  it('keeps one document per institution and network, with its stays, both sides of a transfer', () => {
    const docs = project(events);
    expect(docs.get(membershipId('d-5', 'school-7'))).toMatchObject({
      department: 'bakhmut',
      kind: 'educational-district',
      stays: [{ role: 'member', from: '2017-09-01', to: '2019-09-01' }],
      firstFrom: '2017-09-01',
      lastUntil: '2019-09-01',
      gaps: 0,
    });
    expect(docs.get(membershipId('d-11', 'school-7'))!.stays).toEqual([{ role: 'member', from: '2019-09-01', to: null }]);
    expect(docs.get(membershipId('d-11', 'dnz-3'))).toMatchObject({
      stays: [
        { role: 'partner', from: '2019-09-01', to: '2020-09-01' },
        { role: 'member', from: '2020-09-01', to: null },
      ],
      lastUntil: OPEN_END,
      gaps: 0,
    });
    expect(ofNetwork(docs, 'd-11').map((d) => d.institutionId).sort()).toEqual(['dnz-3', 'nvk-11', 'school-7']);
  });

  it('counts the breaks of an institution that left and came back', () => {
    const docs = project(
      later(events, [
        { type: 'MemberLeft', data: { networkId: 'd-11', institutionId: 'nvk-11', on: '2021-09-01', reason: 'x' } },
        { type: 'MemberAdmitted', data: { networkId: 'd-11', institutionId: 'nvk-11', role: 'partner', from: '2023-09-01' } },
      ]),
    );
    expect(docs.get(membershipId('d-11', 'nvk-11'))).toMatchObject({ firstFrom: '2017-09-01', lastUntil: OPEN_END, gaps: 1 });
  });

  it('answers composition on a date: before and after the redistribution', () => {
    const docs = project(events);
    const d11 = { anchors: [{ institutionId: 'nvk-11', from: '2017-09-01', to: null }], heads: [{ personId: 'p-1', position: 'директор НВК № 11', from: '2019-09-01', to: null }] };
    expect(compositionOn(d11, ofNetwork(docs, 'd-11'), '2019-08-31').members).toEqual([{ institutionId: 'nvk-11', role: 'anchor', since: '2017-09-01' }]);
    const after = compositionOn(d11, ofNetwork(docs, 'd-11'), '2020-09-01');
    expect(after.members).toEqual([
      { institutionId: 'nvk-11', role: 'anchor', since: '2017-09-01' },
      { institutionId: 'dnz-3', role: 'member', since: '2019-09-01' },
      { institutionId: 'school-7', role: 'member', since: '2019-09-01' },
    ]);
    expect(after.head).toEqual({ personId: 'p-1', position: 'директор НВК № 11', since: '2019-09-01' });
  });

  it('closes every stay a dissolution releases', () => {
    const docs = project(later(events, [{ type: 'NetworkDissolved', data: { networkId: 'd-11', on: '2022-01-01', reason: 'x', released: ['nvk-11', 'school-7', 'dnz-3'] } }]));
    expect(ofNetwork(docs, 'd-11').map((d) => d.lastUntil)).toEqual(['2022-01-01', '2022-01-01', '2022-01-01']);
  });

  it('changes nothing when the same events are applied twice', () => {
    expect(project(events, project(events))).toEqual(project(events));
  });
});
