import { RecordedEvent } from '@app/kernel';
import { bakhmutMap } from '../network-map/network-map.fixtures';
import { InstitutionMembershipsView, evolveInstitutionMemberships, institutionMembershipsProjection } from './institution-memberships.projection';

const project = (events: RecordedEvent[], docs = new Map<string, InstitutionMembershipsView | null>()) => {
  for (const event of events) {
    const ids = institutionMembershipsProjection.documentId(event);
    if (!ids) continue;
    for (const id of ids as string[]) docs.set(id, evolveInstitutionMemberships(docs.get(id) ?? null, event, id));
  }
  return docs;
};

describe('institution memberships projection', () => {
  it('lists the networks an institution was in, with kind, role and dates', () => {
    const docs = project(bakhmutMap());
    expect(docs.get('school-7')!.memberships).toEqual([
      { networkId: 'd-5', institutionId: 'school-7', role: 'member', from: '2017-09-01', to: '2019-09-01', kind: 'educational-district' },
      { networkId: 'd-11', institutionId: 'school-7', role: 'member', from: '2019-09-01', to: null, kind: 'educational-district' },
    ]);
    expect(docs.get('dnz-3')!.memberships.map((m) => [m.role, m.from, m.to])).toEqual([
      ['partner', '2019-09-01', '2020-09-01'],
      ['member', '2020-09-01', null],
    ]);
  });

  it('changes nothing when the same events are applied twice', () => {
    const events = bakhmutMap();
    expect(project(events, project(events))).toEqual(project(events));
  });
});
