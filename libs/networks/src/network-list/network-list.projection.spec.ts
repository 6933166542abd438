import { RecordedEvent } from '@app/kernel';
import { bakhmutMap } from '../network-map/network-map.fixtures';
import { compositionOn } from '../network-composition/composition';
import { NetworkView, evolveNetworkView, networkListProjection } from './network-list.projection';

/** Applies events the way the runner does: each to every document it concerns. */
const project = (events: RecordedEvent[], docs = new Map<string, NetworkView | null>()) => {
  for (const event of events) {
    const ids = networkListProjection.documentId(event);
    for (const id of (Array.isArray(ids) ? ids : [ids]) as string[]) {
      docs.set(id, evolveNetworkView(docs.get(id) ?? null, event, id));
    }
  }
  return docs;
};

describe('network list projection', () => {
  const events = bakhmutMap();

  it('keeps each network with its memberships over time, touched by both sides of a transfer', () => {
    const docs = project(events);
    const d11 = docs.get('d-11')!;
    expect(d11).toMatchObject({ name: 'Освітній округ НВК № 11', status: 'active', revision: 8, department: 'bakhmut' });
    expect(d11.memberships).toEqual([
      { institutionId: 'nvk-11', role: 'member', from: '2017-09-01', to: null },
      { institutionId: 'school-7', role: 'member', from: '2019-09-01', to: null },
      { institutionId: 'dnz-3', role: 'partner', from: '2019-09-01', to: '2020-09-01' },
      { institutionId: 'dnz-3', role: 'member', from: '2020-09-01', to: null },
    ]);
    expect(docs.get('d-5')!.memberships).toEqual([{ institutionId: 'school-7', role: 'member', from: '2017-09-01', to: '2019-09-01' }]);
    expect(docs.get('d-5')!.revision).toBe(5);
  });

  it('answers composition on a date: before and after the redistribution', () => {
    const d11 = project(events).get('d-11')!;
    expect(compositionOn(d11, '2019-08-31').members).toEqual([{ institutionId: 'nvk-11', role: 'anchor', since: '2017-09-01' }]);
    const after = compositionOn(d11, '2020-09-01');
    expect(after.members).toEqual([
      { institutionId: 'nvk-11', role: 'anchor', since: '2017-09-01' },
      { institutionId: 'dnz-3', role: 'member', since: '2019-09-01' },
      { institutionId: 'school-7', role: 'member', since: '2019-09-01' },
    ]);
    expect(after.head).toEqual({ personId: 'p-1', position: 'директор НВК № 11', since: '2019-09-01' });
  });

  it('changes nothing when the same events are applied twice', () => {
    const once = project(events);
    const twice = project(events, project(events));
    expect(twice).toEqual(once);
  });
});
