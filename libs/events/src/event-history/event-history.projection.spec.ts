import { ProjectionSpecification } from '@app/testing/projection-specification';
import { BAKHMUT } from '../event/event.fixtures';
import { cancelledSeminarLife, consiliumLife } from '../event-calendar/recorded-events.fixtures';
import { eventHistoryProjection } from './event-history.projection';

const spec = ProjectionSpecification.for(eventHistoryProjection);

describe('event history projection', () => {
  const consilium = consiliumLife();
  const id = consilium[0].data.eventId;

  it('lists every change oldest first: who, when, why, the contract’s words in uk/ru/en, from what to what (the same events twice change nothing)', () => {
    spec.given([...consilium, ...cancelledSeminarLife()].sort((a, b) => a.position - b.position)).then((docs) => {
      const doc = docs.get(id);
      expect(doc.entries.map((e) => e.type)).toEqual(['EventPlanned', 'EventDetailsCorrected', 'EventPostponed', 'EventHeld', 'HeldEventCorrected', 'EventLinkedToPlanItem']);
      const [planned, corrected, postponed, held, heldCorrected, linked] = doc.entries;
      expect(planned).toMatchObject({ actor: { id: 'operator-1', role: 'operator' }, source: 'api', reason: null, effectiveAt: null, recordedAt: '2019-09-10T08:00:00.000Z' });
      expect(planned.description.uk).toBe('Заплановано педагогічна рада (консиліум) «Адаптація першокласників», протягом 2019/2020 н. р.');
      expect(planned.changes).toContainEqual({ field: 'topic', from: null, to: 'Адаптація першокласників' });
      expect(corrected).toMatchObject({
        actor: { id: 'head-1', role: 'network-head' },
        description: { en: 'Event details corrected: topic, hostIds, outsideHostIds' },
        changes: [
          { field: 'topic', from: 'Адаптація першокласників', to: 'Адаптація першокласників до навчання' },
          { field: 'hostIds', from: [BAKHMUT.school7], to: [BAKHMUT.school7, BAKHMUT.school1] },
          { field: 'outsideHostIds', from: [], to: [BAKHMUT.school1] },
        ],
      });
      expect(postponed).toMatchObject({
        reason: 'Карантин',
        description: { ru: 'Мероприятие перенесено: в марте 2020 г.' },
        changes: [
          { field: 'status', from: 'planned', to: 'postponed' },
          { field: 'when', from: { precision: 'academic-year', academicYear: '2019/2020' }, to: { precision: 'month', month: '2020-03' } },
        ],
      });
      expect(held).toMatchObject({ effectiveAt: '2020-03-12', description: { en: 'Event held 12 March 2020, 10:00–12:00 (17 participants)' } });
      expect(held.changes.map((c) => c.field)).toEqual(['status', 'when', 'participation', 'outcome', 'materials', 'publications', 'outsideInstitutionIds']);
      expect(heldCorrected).toMatchObject({
        reason: 'Двох учителів не враховано',
        changes: [{ field: 'participation', from: { counts: { teachers: 14, preschoolers: 0, heads: 3 } }, to: { counts: { teachers: 16, preschoolers: 0, heads: 3 } } }],
      });
      expect(linked.changes).toEqual([{ field: 'planItemIds', from: [], to: ['plan-item-7'] }]);
    });
  });

  it('records a cancellation with its reason, and keeps nothing of an event it never saw planned', () => {
    const seminar = cancelledSeminarLife();
    spec.given(seminar).then((docs) => {
      const cancelled = docs.get(seminar[0].data.eventId).entries[1];
      expect(cancelled).toMatchObject({
        reason: 'Немає платформи',
        description: { uk: 'Захід скасовано', ru: 'Мероприятие отменено', en: 'Event cancelled' },
        changes: [
          { field: 'status', from: 'planned', to: 'cancelled' },
          { field: 'cancelReason', from: null, to: 'Немає платформи' },
        ],
      });
    });
    spec.given(consilium.slice(2)).then((docs) => expect(docs.all()).toEqual([]));
  });
});
