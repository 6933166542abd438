import { evolveAll } from '@app/testing/decider-specification';
import { institutionEvents } from '../institution/institution.fixtures';
import { evolveInstitutionHistory } from './institution-history.projection';

describe('institution history projection', () => {
  const events = institutionEvents();

  it('lists every change oldest first with who, when, why and what changed', () => {
    const doc = evolveAll(evolveInstitutionHistory, events)!;
    expect(doc.entries.map((e) => e.type)).toEqual([
      'InstitutionRegistered',
      'InstitutionRenamed',
      'InstitutionDetailsCorrected',
      'InstitutionClosed',
    ]);
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
    expect(corrected).toMatchObject({ reason: 'Помилка введення', changes: [{ field: 'settlement', from: 'Бахмут', to: 'м. Бахмут' }] });
    expect(closed).toMatchObject({
      reason: 'Реорганізація',
      effectiveAt: '2021-06-30',
      changes: [
        { field: 'status', from: 'open', to: 'closed' },
        { field: 'closedOn', from: null, to: '2021-06-30' },
      ],
    });
  });

  it('changes nothing when the same events are applied twice', () => {
    const once = evolveAll(evolveInstitutionHistory, events);
    expect(evolveAll(evolveInstitutionHistory, [...events, ...events])).toEqual(once);
  });
});
