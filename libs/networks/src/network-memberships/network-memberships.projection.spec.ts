import { ProjectionSpecification } from '@app/testing/projection-specification';
import { compositionOn } from '../network-composition/composition';
import { bakhmutMap, laterInMap } from '../network-map/network-map.fixtures';
import { OPEN_END, membershipId, networkMembershipsProjection } from './network-memberships.projection';

const spec = ProjectionSpecification.for(networkMembershipsProjection);

describe('network memberships projection', () => {
  const events = bakhmutMap();

  it('keeps one document per institution and network, with its stays, both sides of a transfer', () => {
    spec.given(events).then((docs) => {
      expect(docs.get(membershipId('d-5', 'school-7'))).toMatchObject({
        department: 'bakhmut',
        kind: 'educational-district',
        stays: [{ role: 'member', from: '2017-09-01', to: '2019-09-01' }],
        firstFrom: '2017-09-01',
        lastUntil: '2019-09-01',
        gaps: 0,
      });
      expect(docs.get(membershipId('d-11', 'school-7')).stays).toEqual([{ role: 'member', from: '2019-09-01', to: null }]);
      expect(docs.where((d) => d.networkId === 'd-11').map((d) => d.institutionId).sort()).toEqual(['dnz-3', 'nvk-11', 'school-7']);
    });
  });

  it('closes a stay and opens another when a member’s role changes', () => {
    spec.given(events).then((docs) => {
      expect(docs.get(membershipId('d-11', 'dnz-3'))).toMatchObject({
        stays: [
          { role: 'partner', from: '2019-09-01', to: '2020-09-01' },
          { role: 'member', from: '2020-09-01', to: null },
        ],
        lastUntil: OPEN_END,
        gaps: 0,
      });
    });
  });

  it('counts the breaks of an institution that left and came back', () => {
    const log = laterInMap(events, [
      { type: 'MemberLeft', data: { networkId: 'd-11', institutionId: 'nvk-11', on: '2021-09-01', reason: 'x' } },
      { type: 'MemberAdmitted', data: { networkId: 'd-11', institutionId: 'nvk-11', role: 'partner', from: '2023-09-01' } },
    ]);
    spec.given(log).then((docs) => expect(docs.get(membershipId('d-11', 'nvk-11'))).toMatchObject({ firstFrom: '2017-09-01', lastUntil: OPEN_END, gaps: 1 }));
  });

  it('answers composition on a date: before and after the redistribution', () => {
    spec.given(events).then((docs) => {
      const members = docs.where((d) => d.networkId === 'd-11');
      const d11 = { anchors: [{ institutionId: 'nvk-11', from: '2017-09-01', to: null }], heads: [{ personId: 'p-1', position: 'директор НВК № 11', from: '2019-09-01', to: null }] };
      expect(compositionOn(d11, members, '2019-08-31').members).toEqual([{ institutionId: 'nvk-11', role: 'anchor', since: '2017-09-01' }]);
      const after = compositionOn(d11, members, '2020-09-01');
      expect(after.members).toEqual([
        { institutionId: 'nvk-11', role: 'anchor', since: '2017-09-01' },
        { institutionId: 'dnz-3', role: 'member', since: '2019-09-01' },
        { institutionId: 'school-7', role: 'member', since: '2019-09-01' },
      ]);
      expect(after.head).toEqual({ personId: 'p-1', position: 'директор НВК № 11', since: '2019-09-01' });
    });
  });

  it('closes every stay a dissolution releases', () => {
    spec.given(laterInMap(events, [{ type: 'NetworkDissolved', data: { networkId: 'd-11', on: '2022-01-01', reason: 'x', released: ['nvk-11', 'school-7', 'dnz-3'] } }])).then((docs) => {
      expect(docs.where((d) => d.networkId === 'd-11').map((d) => d.lastUntil)).toEqual(['2022-01-01', '2022-01-01', '2022-01-01']);
    });
  });

  it('moves the members of a split and of a merge, with their roles', () => {
    const log = laterInMap(events, [
      {
        type: 'NetworkSplit',
        data: { networkId: 'd-11', newNetworkId: 'd-12', department: 'bakhmut', kind: 'educational-district', on: '2021-09-01', reason: 'Поділ', moved: [{ institutionId: 'dnz-3', role: 'member' }], name: 'Округ 12', number: null, description: null, website: null },
      },
      { type: 'NetworksMerged', data: { networkId: 'd-12', intoNetworkId: 'd-5', on: '2022-09-01', reason: 'Злиття', moved: [{ institutionId: 'dnz-3', role: 'member' }] } },
    ]);
    spec.given(log).then((docs) => {
      expect(docs.get(membershipId('d-11', 'dnz-3')).lastUntil).toBe('2021-09-01');
      expect(docs.get(membershipId('d-12', 'dnz-3')).stays).toEqual([{ role: 'member', from: '2021-09-01', to: '2022-09-01' }]);
      expect(docs.get(membershipId('d-5', 'dnz-3')).stays).toEqual([{ role: 'member', from: '2022-09-01', to: null }]);
    });
  });
});
