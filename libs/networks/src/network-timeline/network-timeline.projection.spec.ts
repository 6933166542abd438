import { RecordedEvent } from '@app/kernel';
import { changesIn } from '../network-changes/changes';
import { bakhmutMap } from '../network-map/network-map.fixtures';
import { NetworkTimelineView, evolveNetworkTimeline, networkTimelineProjection } from './network-timeline.projection';

const project = (events: RecordedEvent[], docs = new Map<string, NetworkTimelineView | null>()) => {
  for (const event of events) {
    const ids = networkTimelineProjection.documentId(event);
    for (const id of (Array.isArray(ids) ? ids : [ids]) as string[]) docs.set(id, evolveNetworkTimeline(docs.get(id) ?? null, event, id));
  }
  return docs;
};

describe('network timeline projection and changes in a period', () => {
  const events = bakhmutMap();

  it('records every change with who, when, why and the effective date', () => {
    const d11 = project(events).get('d-11')!;
    expect(d11.entries.map((e) => e.type)).toEqual([
      'NetworkRegistered',
      'MemberAdmitted',
      'AnchorSet',
      'MemberTransferred',
      'MemberAdmitted',
      'MemberRoleChanged',
      'HeadAppointed',
    ]);
    expect(d11.entries[3]).toMatchObject({ effectiveAt: '2019-09-01', reason: 'Перерозподіл', actor: { id: 'operator-1' }, recordedAt: '2019-09-07T09:00:00.000Z' });
  });

  it('reports who joined, moved and changed role in the academic year, each side of a move', () => {
    const docs = project(events);
    expect(changesIn(docs.get('d-11')!.entries, 'd-11', '2019-09-01', '2020-08-31').map((c) => [c.change, c.institutionId, c.on, c.otherNetworkId ?? null])).toEqual([
      ['moved-in', 'school-7', '2019-09-01', 'd-5'],
      ['joined', 'dnz-3', '2019-09-01', null],
    ]);
    expect(changesIn(docs.get('d-5')!.entries, 'd-5', '2019-09-01', '2020-08-31').map((c) => c.change)).toEqual(['moved-out']);
    expect(changesIn(docs.get('d-11')!.entries, 'd-11', '2020-09-01', '2021-08-31').map((c) => c.change)).toEqual(['role-changed']);
  });

  it('changes nothing when the same events are applied twice', () => {
    expect(project(events, project(events))).toEqual(project(events));
  });
});
