import { ProjectionSpecification } from '@app/testing/projection-specification';
import { bakhmutMap, laterInMap } from '../network-map/network-map.fixtures';
import { evolveNetworkView, networkListProjection } from './network-list.projection';

const spec = ProjectionSpecification.for(networkListProjection);

describe('network list projection', () => {
  const events = bakhmutMap();

  it('keeps each network with its anchors and heads over time, touched by both sides of a transfer', () => {
    spec.given(events).then((docs) => {
      const d11 = docs.get('d-11');
      expect(d11).toMatchObject({ name: 'Освітній округ НВК № 11', status: 'active', revision: 8, department: 'bakhmut', updatedAt: events[8].metadata.recordedAt });
      expect(d11.anchors).toEqual([{ institutionId: 'nvk-11', from: '2017-09-01', to: null }]);
      expect(d11.heads).toEqual([{ personId: 'p-1', position: 'директор НВК № 11', from: '2019-09-01', to: null }]);
      // Its members are documents of their own (network-memberships).
      expect(d11).not.toHaveProperty('memberships');
      expect(docs.get('d-5').revision).toBe(5);
    });
  });

  it('moves a network’s revision on a change of a member’s role, which is its ETag', () => {
    spec.given(events.slice(0, 8)).then((docs) => expect(docs.get('d-11')).toMatchObject({ revision: 7, updatedAt: events[7].metadata.recordedAt }));
  });

  it('keeps how a network reports: by academic year unless registered or set otherwise; a split-off network as recorded', () => {
    spec.given(events).then((docs) => expect(docs.get('d-11').reportingPeriod).toBe('academic-year'));
    const log = laterInMap(events, [
      { type: 'NetworkReportingPeriodSet', data: { networkId: 'd-5', department: 'bakhmut', reportingPeriod: 'calendar-year', previous: 'academic-year' } },
      {
        type: 'NetworkSplit',
        data: { networkId: 'd-5', newNetworkId: 'd-12', department: 'bakhmut', kind: 'educational-district', on: '2021-09-01', reason: 'Поділ', moved: [], reportingPeriod: 'calendar-year', name: 'Округ 12', number: null, description: null, website: null },
      },
    ]);
    // The setting moves the network's revision, its ETag.
    spec.given(log.slice(0, -1)).then((docs) => expect(docs.get('d-5')).toMatchObject({ reportingPeriod: 'calendar-year', revision: 9 }));
    spec.given(log).then((docs) => {
      expect(docs.get('d-5')).toMatchObject({ reportingPeriod: 'calendar-year' });
      expect(docs.get('d-12')).toMatchObject({ reportingPeriod: 'calendar-year' });
      expect(docs.get('d-11')).toMatchObject({ reportingPeriod: 'academic-year' });
    });
  });

  it('reads a document written before the setting existed as reporting by academic year, and sets it on it', () => {
    const [registered] = events;
    const { reportingPeriod: _r, ...old } = evolveNetworkView(null, registered as never, 'd-11')!;
    const set = laterInMap(events, [{ type: 'NetworkReportingPeriodSet', data: { networkId: 'd-11', department: 'bakhmut', reportingPeriod: 'calendar-year', previous: 'academic-year' } }]).at(-1)!;
    expect(evolveNetworkView({ ...old, revision: 8 } as never, set as never, 'd-11')).toMatchObject({ reportingPeriod: 'calendar-year', name: 'Освітній округ НВК № 11' });
  });

  it('renames, corrects, dissolves, and registers the network a split makes', () => {
    const log = laterInMap(events, [
      { type: 'NetworkRenamed', data: { networkId: 'd-5', name: 'Освітній округ ліцею № 5', renamedOn: '2020-09-01' } },
      { type: 'NetworkDetailsCorrected', data: { networkId: 'd-5', corrections: { website: 'https://okrug5.example' }, reason: 'Новий сайт' } },
      {
        type: 'NetworkSplit',
        data: { networkId: 'd-11', newNetworkId: 'd-12', department: 'bakhmut', kind: 'educational-district', on: '2021-09-01', reason: 'Поділ', moved: [{ institutionId: 'dnz-3', role: 'member' }], name: 'Освітній округ ДНЗ № 3', number: '3', description: null, website: null },
      },
      { type: 'NetworkDissolved', data: { networkId: 'd-5', on: '2022-01-01', reason: 'Реорганізація', released: [] } },
    ]);
    spec.given(log).then((docs) => {
      expect(docs.get('d-5')).toMatchObject({ name: 'Освітній округ ліцею № 5', website: 'https://okrug5.example', status: 'dissolved', dissolvedOn: '2022-01-01', search: 'освітній округ ліцею № 5 1' });
      expect(docs.get('d-12')).toMatchObject({ department: 'bakhmut', kind: 'educational-district', name: 'Освітній округ ДНЗ № 3', status: 'active', revision: 11 });
      expect(docs.get('d-11').revision).toBe(11);
    });
  });
});
