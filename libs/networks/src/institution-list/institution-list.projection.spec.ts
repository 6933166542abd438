import { ProjectionSpecification } from '@app/testing/projection-specification';
import { institutionEvents } from '../institution/institution.fixtures';
import { institutionListProjection } from './institution-list.projection';

const spec = ProjectionSpecification.for(institutionListProjection);

describe('institution list projection', () => {
  const events = institutionEvents();
  const id = events[0].data.institutionId;

  it('keeps the current details and status, whatever batches and replays the log comes in', () => {
    spec.given(events).then((docs) => {
      expect(docs.all()).toHaveLength(1);
      expect(docs.get(id)).toMatchObject({
        id,
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
  });

  it('reopens a closed institution', () => {
    const last = events[events.length - 1];
    const reopened = { ...last, id: 'event-5', type: 'InstitutionReopened' as const, data: { institutionId: id, reopenedOn: '2022-09-01', reason: null }, revision: 4, position: 40 };
    spec.given([...events, reopened]).then((docs) => {
      expect(docs.get(id)).toMatchObject({ status: 'open', closedOn: null, closureReason: null, revision: 4 });
    });
  });

  it('ignores changes of an institution it never saw registered', () => {
    spec.given(events.slice(1)).then((docs) => expect(docs.all()).toEqual([]));
  });
});
