import { ProjectionSpecification } from '@app/testing/projection-specification';
import { changesIn } from '../network-changes/changes';
import { bakhmutMap, laterInMap } from '../network-map/network-map.fixtures';
import { TimelineEntryView, networkTimelineProjection, timelineEntryId, timelineEntryOf } from './network-timeline.projection';

const spec = ProjectionSpecification.for(networkTimelineProjection);

/** A network's entries as its index gives them: by network, in log order. */
const entriesOf = (docs: { where: (test: (d: TimelineEntryView) => boolean) => TimelineEntryView[] }, networkId: string) =>
  docs.where((d) => d.networkId === networkId).sort((a, b) => a.position - b.position);

describe('network timeline projection and changes in a period', () => {
  const events = bakhmutMap();

  it('records every change with who, when, why and the effective date, one document per network and event', () => {
    spec.given(events).then((docs) => {
      const d11 = entriesOf(docs, 'd-11');
      expect(d11.map((e) => e.type)).toEqual(['NetworkRegistered', 'MemberAdmitted', 'AnchorSet', 'MemberTransferred', 'MemberAdmitted', 'MemberRoleChanged', 'HeadAppointed']);
      expect(d11[3]).toMatchObject({ id: timelineEntryId('d-11', 105), effectiveAt: '2019-09-01', reason: 'Перерозподіл', actor: { id: 'operator-1' }, recordedAt: '2019-09-07T09:00:00.000Z' });
      expect(d11[5]).toMatchObject({ type: 'MemberRoleChanged', effectiveAt: '2020-09-01', data: { institutionId: 'dnz-3', role: 'member' } });
      expect(Object.keys(timelineEntryOf(d11[3]))).toEqual(['eventId', 'type', 'position', 'revision', 'recordedAt', 'effectiveAt', 'actor', 'source', 'reason', 'correlationId', 'data']);
    });
  });

  it('gives a transfer an entry in both networks, each with the date its composition changes', () => {
    spec.given(events).then((docs) => {
      expect(docs.get(timelineEntryId('d-5', 105))).toMatchObject({ networkId: 'd-5', changeOn: '2019-09-01', type: 'MemberTransferred' });
      expect(docs.get(timelineEntryId('d-11', 105))).toMatchObject({ networkId: 'd-11', changeOn: '2019-09-01' });
      expect(entriesOf(docs, 'd-11').map((e) => e.changeOn)).toEqual([null, '2017-09-01', '2017-09-01', '2019-09-01', '2019-09-01', '2020-09-01', null]);
    });
  });

  it('reports who joined, moved and changed role in the academic year, each side of a move', () => {
    spec.given(events).then((docs) => {
      expect(changesIn(entriesOf(docs, 'd-11'), 'd-11', '2019-09-01', '2020-08-31').map((c) => [c.change, c.institutionId, c.on, c.otherNetworkId ?? null])).toEqual([
        ['moved-in', 'school-7', '2019-09-01', 'd-5'],
        ['joined', 'dnz-3', '2019-09-01', null],
      ]);
      expect(changesIn(entriesOf(docs, 'd-5'), 'd-5', '2019-09-01', '2020-08-31').map((c) => c.change)).toEqual(['moved-out']);
      expect(changesIn(entriesOf(docs, 'd-11'), 'd-11', '2020-09-01', '2021-08-31').map((c) => c.change)).toEqual(['role-changed']);
    });
  });

  it('gives a change of the reporting period an entry that changes no composition', () => {
    const log = laterInMap(events, [{ type: 'NetworkReportingPeriodSet', data: { networkId: 'd-5', department: 'bakhmut', reportingPeriod: 'calendar-year', previous: 'academic-year' } }]);
    spec.given(log).then((docs) => {
      expect(entriesOf(docs, 'd-5').at(-1)).toMatchObject({ type: 'NetworkReportingPeriodSet', changeOn: null, effectiveAt: null, data: { reportingPeriod: 'calendar-year', previous: 'academic-year' } });
      expect(entriesOf(docs, 'd-11').map((e) => e.type)).not.toContain('NetworkReportingPeriodSet');
    });
  });

  it('gives a merge, a split and a dissolution an entry in every network they concern', () => {
    const log = laterInMap(events, [
      { type: 'MemberLeft', data: { networkId: 'd-11', institutionId: 'school-7', on: '2021-06-30', reason: 'Закрито' } },
      {
        type: 'NetworkSplit',
        data: { networkId: 'd-11', newNetworkId: 'd-12', department: 'bakhmut', kind: 'educational-district', on: '2021-09-01', reason: 'Поділ', moved: [{ institutionId: 'dnz-3', role: 'member' }], name: 'Округ 12', number: null, description: null, website: null },
      },
      { type: 'NetworksMerged', data: { networkId: 'd-12', intoNetworkId: 'd-5', on: '2022-09-01', reason: 'Злиття', moved: [{ institutionId: 'dnz-3', role: 'member' }] } },
      { type: 'NetworkDissolved', data: { networkId: 'd-5', on: '2023-09-01', reason: 'Реорганізація', released: ['dnz-3'] } },
    ]);
    spec.given(log).then((docs) => {
      expect(entriesOf(docs, 'd-12').map((e) => [e.type, e.changeOn])).toEqual([
        ['NetworkSplit', '2021-09-01'],
        ['NetworksMerged', '2022-09-01'],
      ]);
      expect(entriesOf(docs, 'd-5').slice(-2).map((e) => [e.type, e.changeOn, e.reason])).toEqual([
        ['NetworksMerged', '2022-09-01', 'Злиття'],
        ['NetworkDissolved', '2023-09-01', 'Реорганізація'],
      ]);
      expect(changesIn(entriesOf(docs, 'd-11'), 'd-11', '2021-06-01', '2021-12-31').map((c) => [c.change, c.institutionId])).toEqual([
        ['left', 'school-7'],
        ['moved-out', 'dnz-3'],
      ]);
    });
  });
});
