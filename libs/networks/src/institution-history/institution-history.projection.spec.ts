import { ProjectionSpecification } from '@app/testing/projection-specification';
import { institutionEvents } from '../institution/institution.fixtures';
import { institutionHistoryProjection } from './institution-history.projection';

const spec = ProjectionSpecification.for(institutionHistoryProjection);

describe('institution history projection', () => {
  const events = institutionEvents();
  const id = events[0].data.institutionId;

  it('lists every change oldest first with who, when, why and what changed', () => {
    spec.given(events).then((docs) => {
      const doc = docs.get(id);
      expect(doc.entries.map((e) => e.type)).toEqual(['InstitutionRegistered', 'InstitutionRenamed', 'InstitutionDetailsCorrected', 'InstitutionClosed']);
      const [registered, renamed, corrected, closed] = doc.entries;
      expect(registered.changes).toContainEqual({ field: 'fullName', from: null, to: 'Бахмутська ЗОШ № 7' });
      expect(renamed).toMatchObject({
        actor: { id: 'operator-1', role: 'admin' },
        effectiveAt: '2020-09-01',
        changes: [
          { field: 'fullName', from: 'Бахмутська ЗОШ № 7', to: 'Бахмутський ліцей № 7' },
          { field: 'shortName', from: 'ЗОШ № 7', to: 'Ліцей № 7' },
        ],
      });
      expect(corrected).toMatchObject({ reason: 'Помилка введення', effectiveAt: null, changes: [{ field: 'settlement', from: 'Бахмут', to: 'м. Бахмут' }] });
      expect(closed).toMatchObject({
        reason: 'Реорганізація',
        effectiveAt: '2021-06-30',
        changes: [
          { field: 'status', from: 'open', to: 'closed' },
          { field: 'closedOn', from: null, to: '2021-06-30' },
        ],
      });
    });
  });

  it('records a reopening on its date, and keeps nothing of an institution it never saw registered', () => {
    const last = events[events.length - 1];
    const reopened = { ...last, id: 'event-5', type: 'InstitutionReopened' as const, data: { institutionId: id, reopenedOn: '2022-09-01', reason: null }, revision: 4, position: 40 };
    spec.given([...events, reopened]).then((docs) => {
      expect(docs.get(id).entries[4]).toMatchObject({ type: 'InstitutionReopened', effectiveAt: '2022-09-01', changes: [{ field: 'status', from: 'closed', to: 'open' }, { field: 'closedOn', from: '2021-06-30', to: null }] });
    });
    spec.given(events.slice(1)).then((docs) => expect(docs.all()).toEqual([]));
  });
});
