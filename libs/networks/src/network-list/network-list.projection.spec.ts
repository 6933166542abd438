import { ProjectionSpecification } from '@app/testing/projection-specification';
import { bakhmutMap, laterInMap } from '../network-map/network-map.fixtures';
import { networkListProjection } from './network-list.projection';

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
