import { RecordedEvent } from '@app/kernel';
import { bakhmutMap } from '../network-map/network-map.fixtures';
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

  it('keeps each network with its anchors and heads over time, touched by both sides of a transfer', () => {
    const docs = project(events);
    const d11 = docs.get('d-11')!;
    expect(d11).toMatchObject({ name: 'Освітній округ НВК № 11', status: 'active', revision: 8, department: 'bakhmut' });
    expect(d11.anchors).toEqual([{ institutionId: 'nvk-11', from: '2017-09-01', to: null }]);
    expect(d11.heads).toEqual([{ personId: 'p-1', position: 'директор НВК № 11', from: '2019-09-01', to: null }]);
    // Its members are documents of their own (network-memberships).
    expect(d11).not.toHaveProperty('memberships');
    expect(docs.get('d-5')!.revision).toBe(5);
  });

  it('changes nothing when the same events are applied twice', () => {
    const once = project(events);
    const twice = project(events, project(events));
    expect(twice).toEqual(once);
  });
});
