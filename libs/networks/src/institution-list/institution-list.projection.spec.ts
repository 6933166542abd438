import { RecordedEvent } from '@app/kernel';
import { evolveAll } from '@app/testing/decider-specification';
import { institutionEvents } from '../institution/institution.fixtures';
import { evolveInstitutionView } from './institution-list.projection';

describe('institution list projection', () => {
  const events = institutionEvents();

  it('keeps the current details and status', () => {
    const doc = evolveAll(evolveInstitutionView, events);
    expect(doc).toMatchObject({
      id: events[0].data.institutionId,
      department: 'bakhmut',
      fullName: 'Бахмутський ліцей № 7',
      shortName: 'Ліцей № 7',
      settlement: 'м. Бахмут',
      status: 'closed',
      closedOn: '2021-06-30',
      closureReason: 'Реорганізація',
      revision: 3,
      registeredAt: '2019-09-02T08:00:00.000Z',
      updatedAt: '2021-06-30T08:00:00.000Z',
      search: 'бахмутський ліцей № 7 ліцей № 7',
    });
  });

  it('changes nothing when the same events are applied twice', () => {
    const once = evolveAll(evolveInstitutionView, events);
    expect(evolveAll(evolveInstitutionView, [...events, ...events])).toEqual(once);
  });

  it('ignores changes of an institution it never saw registered', () => {
    expect(evolveInstitutionView(null, events[1] as RecordedEvent)).toBeNull();
  });
});
