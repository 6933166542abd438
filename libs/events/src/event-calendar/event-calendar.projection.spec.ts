import { ProjectionSpecification } from '@app/testing/projection-specification';
import { BAKHMUT } from '../event/event.fixtures';
import { eventCalendarProjection, refWord } from './event-calendar.projection';
import { cancelledSeminarLife, consiliumLife } from './recorded-events.fixtures';

const spec = ProjectionSpecification.for(eventCalendarProjection);

describe('event calendar projection', () => {
  const consilium = consiliumLife();
  const seminar = cancelledSeminarLife();
  const id = consilium[0].data.eventId;
  // The two streams interleave in the log, as two writers' events do.
  const log = [...consilium, ...seminar].sort((a, b) => a.position - b.position);

  it('keeps everything a report needs of a held event, whatever batches and replays the log comes in (the same events twice change nothing)', () => {
    spec.given(log).then((docs) => {
      expect(docs.all()).toHaveLength(2);
      const doc = docs.get(id);
      expect(doc).toMatchObject({
        department: 'bakhmut',
        kind: 'pedagogical-council',
        topic: 'Адаптація першокласників до навчання',
        networkIds: [BAKHMUT.district11],
        hostIds: [BAKHMUT.school7, BAKHMUT.school1],
        outsideHostIds: [BAKHMUT.school1],
        status: 'held',
        when: { precision: 'date', from: '2020-03-12', to: null, startTime: '10:00', endTime: '12:00' },
        precision: 'date',
        sortKey: '2020-03-12T10:00:1',
        spanFirst: '2020-03-12',
        spanLast: '2020-03-12',
        formatMode: 'in-person',
        audience: ['teachers', 'preschoolers'],
        planItemIds: ['plan-item-7'],
        postponements: [{ from: { precision: 'academic-year', academicYear: '2019/2020' }, to: { precision: 'month', month: '2020-03' }, reason: 'Карантин', recordedAt: '2019-12-01T08:00:00.000Z' }],
        cancellation: null,
        plannedAt: '2019-09-10T08:00:00.000Z',
        updatedAt: '2020-04-01T08:00:00.000Z',
        revision: 5,
      });
      expect(doc.held).toEqual({
        participation: { counts: { teachers: 16, preschoolers: 0, heads: 3 }, institutionIds: [BAKHMUT.school7, BAKHMUT.dnz25, BAKHMUT.dnz36] },
        participantTotal: 19,
        outsideInstitutionIds: [BAKHMUT.dnz25, BAKHMUT.dnz36],
        outcome: 'Погоджено план адаптації',
        materials: [],
        publications: [{ url: 'https://nvk11.example.org/news/1', title: 'На сайті НВК' }],
        recordedAt: '2020-03-12T15:00:00.000Z',
        position: expect.any(Number),
      });
      const words = doc.refs.split(' ');
      expect(words).toEqual(expect.arrayContaining([refWord('n', BAKHMUT.district11), refWord('h', BAKHMUT.school1), refWord('p', BAKHMUT.dnz25), refWord('i', BAKHMUT.dnz36)]));
      expect(words).not.toContain(refWord('h', BAKHMUT.dnz25));
    });
  });

  it('keeps each stage of the life: a correction before holding, a postponement to a month, a cancellation with its reason', () => {
    spec.given(consilium.slice(0, 2)).then((docs) => {
      expect(docs.get(id)).toMatchObject({ status: 'planned', topic: 'Адаптація першокласників до навчання', outsideHostIds: [BAKHMUT.school1], precision: 'academic-year', held: null });
      // An academic-year-only event: its index span is both calendar years its academic year touches.
      expect(docs.get(id)).toMatchObject({ spanFirst: '2019-01-01', spanLast: '2020-12-31', sortKey: '2020-08-31T99a' });
    });
    spec.given(consilium.slice(0, 3)).then((docs) => {
      expect(docs.get(id)).toMatchObject({ status: 'postponed', when: { precision: 'month', month: '2020-03' }, sortKey: '2020-03-31T99', spanFirst: '2020-03-01', spanLast: '2020-03-31' });
    });
    spec.given(seminar).then((docs) => {
      expect(docs.get(seminar[0].data.eventId)).toMatchObject({
        department: 'pochinok',
        status: 'cancelled',
        cancellation: { reason: 'Немає платформи', recordedAt: '2021-03-01T08:00:00.000Z' },
        format: { mode: 'online', platform: 'ZOOM', link: null },
        formatMode: 'online',
      });
    });
  });

  it('unlinks a plan item, and keeps nothing of an event it never saw planned', () => {
    const last = consilium[consilium.length - 1];
    const unlinked = { ...last, id: 'unlinked', type: 'EventUnlinkedFromPlanItem' as const, data: { eventId: id, networkIds: [BAKHMUT.district11], planItemId: 'plan-item-7', reason: 'Інший пункт' }, revision: 6, position: 200 };
    spec.given([...consilium, unlinked]).then((docs) => expect(docs.get(id).planItemIds).toEqual([]));
    spec.given(consilium.slice(1)).then((docs) => expect(docs.all()).toEqual([]));
  });
});
