import { RecordedEvent } from '@app/kernel';
import { changesIn } from '../network-changes/changes';
import { bakhmutMap } from '../network-map/network-map.fixtures';
import { TimelineEntryView, evolveNetworkTimeline, networkTimelineProjection, timelineEntryId, timelineEntryOf } from './network-timeline.projection';

const project = (events: RecordedEvent[], docs = new Map<string, TimelineEntryView | null>()) => {
  for (const event of events) {
    const ids = networkTimelineProjection.documentId(event);
    for (const id of (Array.isArray(ids) ? ids : [ids]) as string[]) docs.set(id, evolveNetworkTimeline(docs.get(id) ?? null, event, id));
  }
  return docs;
};

/** A network's entries as its index gives them: by network, in log order. */
const entriesOf = (docs: Map<string, TimelineEntryView | null>, networkId: string) =>
  [...docs.values()].filter((d): d is TimelineEntryView => d?.networkId === networkId).sort((a, b) => a.position - b.position);

describe('network timeline projection and changes in a period', () => {
  const events = bakhmutMap();

  it('records every change with who, when, why and the effective date, one document per network and event', () => {
    const d11 = entriesOf(project(events), 'd-11');
    expect(d11.map((e) => e.type)).toEqual([
      'NetworkRegistered',
      'MemberAdmitted',
      'AnchorSet',
      'MemberTransferred',
      'MemberAdmitted',
      'MemberRoleChanged',
      'HeadAppointed',
    ]);
    expect(d11[3]).toMatchObject({ id: timelineEntryId('d-11', 105), effectiveAt: '2019-09-01', reason: 'Перерозподіл', actor: { id: 'operator-1' }, recordedAt: '2019-09-07T09:00:00.000Z' });
    expect(Object.keys(timelineEntryOf(d11[3]))).toEqual(['eventId', 'type', 'position', 'revision', 'recordedAt', 'effectiveAt', 'actor', 'source', 'reason', 'correlationId', 'data']);
  });

  it('gives a transfer an entry in both networks, each with the date its composition changes', () => {
    const docs = project(events);
    expect(docs.get(timelineEntryId('d-5', 105))).toMatchObject({ networkId: 'd-5', changeOn: '2019-09-01', type: 'MemberTransferred' });
    expect(docs.get(timelineEntryId('d-11', 105))).toMatchObject({ networkId: 'd-11', changeOn: '2019-09-01' });
    expect(entriesOf(docs, 'd-11').map((e) => e.changeOn)).toEqual([null, '2017-09-01', '2017-09-01', '2019-09-01', '2019-09-01', '2020-09-01', null]);
  });

  it('reports who joined, moved and changed role in the academic year, each side of a move', () => {
    const docs = project(events);
    expect(changesIn(entriesOf(docs, 'd-11'), 'd-11', '2019-09-01', '2020-08-31').map((c) => [c.change, c.institutionId, c.on, c.otherNetworkId ?? null])).toEqual([
      ['moved-in', 'school-7', '2019-09-01', 'd-5'],
      ['joined', 'dnz-3', '2019-09-01', null],
    ]);
    expect(changesIn(entriesOf(docs, 'd-5'), 'd-5', '2019-09-01', '2020-08-31').map((c) => c.change)).toEqual(['moved-out']);
    expect(changesIn(entriesOf(docs, 'd-11'), 'd-11', '2020-09-01', '2021-08-31').map((c) => c.change)).toEqual(['role-changed']);
  });

  it('changes nothing when the same events are applied twice', () => {
    expect(project(events, project(events))).toEqual(project(events));
  });
});
