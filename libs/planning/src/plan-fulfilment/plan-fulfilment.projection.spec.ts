import { ProjectionSpecification } from '@app/testing/projection-specification';
import { MURYGINO, MURYGINO_PLAN } from '../plan/plan.fixtures';
import { fulfilmentOf } from './plan-fulfilment';
import { FulfilmentEventDoc, FulfilmentPlanDoc, fulfilmentEventId, fulfilmentPlanId, fulfilmentWord, planFulfilmentProjection } from './plan-fulfilment.projection';
import { muryginoLog } from './recorded-plans.fixtures';

const spec = ProjectionSpecification.for(planFulfilmentProjection);
const SEPTEMBER = { month: 9, day: 1 };

describe('plan fulfilment projection', () => {
  const log = muryginoLog();

  it('keeps each event’s dated facts and the plan’s items and resolutions, whatever batches and replays the log comes in', () => {
    spec.given(log).then((docs) => {
      const ev2 = docs.get(fulfilmentEventId('ev-2')) as FulfilmentEventDoc;
      expect(ev2.facts.map((f) => [f.type, f.status, f.planItemIds])).toEqual([
        ['EventPlanned', 'planned', []],
        ['EventLinkedToPlanItem', 'planned', ['m-item-2']],
        ['EventPostponed', 'postponed', ['m-item-2']],
        ['EventHeld', 'held', ['m-item-2']],
      ]);
      expect(ev2.facts[3]).toMatchObject({ recordedAt: '2021-02-11T08:00:00.000Z', effectiveAt: '2021-02-10', hostIds: [MURYGINO.murygino, MURYGINO.ryabtsevo] });
      expect(ev2.refs.split(' ')).toEqual([fulfilmentWord('n', MURYGINO.district3), fulfilmentWord('i', 'm-item-2')]);
      const plan = docs.get(fulfilmentPlanId(MURYGINO_PLAN)) as FulfilmentPlanDoc;
      expect(plan.items.map((i) => i.planItemId)).toEqual(['m-item-1', 'm-item-2', 'm-item-3', 'm-item-4']);
      expect(plan.items[2].when).toEqual({ precision: 'month', month: '2021-03' });
      expect(plan.resolutions).toHaveLength(1);
      expect(plan.closedAt).toBe('2021-06-21T08:00:00.000Z');
    });
  });

  it('answers per item held (when, by whom), cancelled with the reason, carried over; the totals; the events no item foresaw', () => {
    spec.given(log).then((docs) => {
      const plan = docs.get(fulfilmentPlanId(MURYGINO_PLAN)) as FulfilmentPlanDoc;
      const events = docs.all().filter((d): d is FulfilmentEventDoc => d.kind === 'event');
      const now = fulfilmentOf(plan, events, null, '2021-08-01', SEPTEMBER);
      expect(now.items.map((i) => [i.planItemId, i.status, i.reason])).toEqual([
        ['m-item-1', 'held', null],
        ['m-item-2', 'held', null],
        ['m-item-3', 'cancelled', 'Карантин'],
        ['m-item-4', 'carried-over', null],
      ]);
      expect(now.items[0].held).toEqual([expect.objectContaining({ eventId: 'ev-1', when: { precision: 'date', from: '2020-10-15', to: null, startTime: null, endTime: null }, hostIds: [MURYGINO.murygino, MURYGINO.ryabtsevo] })]);
      expect(now.totals).toEqual({ items: 4, held: 2, cancelled: 1, postponed: 0, carriedOver: 1, scheduled: 0, awaiting: 0, notHeld: 0, shareHeld: 0.5 });
      // ev-4 was held in the network and the year with no item; ev-5 is another network's.
      expect(now.unforeseen.map((e) => e.eventId)).toEqual(['ev-4']);
    });
  });

  it('answers as of a date: what had been recorded by the end of that day', () => {
    spec.given(log).then((docs) => {
      const plan = docs.get(fulfilmentPlanId(MURYGINO_PLAN)) as FulfilmentPlanDoc;
      const events = docs.all().filter((d): d is FulfilmentEventDoc => d.kind === 'event');
      const december = fulfilmentOf(plan, events, '2020-12-01', '2021-08-01', SEPTEMBER);
      expect(december.items.map((i) => [i.planItemId, i.status, i.reason])).toEqual([
        ['m-item-1', 'held', null],
        ['m-item-2', 'postponed', 'Карантин'],
        ['m-item-3', 'scheduled', null],
      ]);
      expect(december.totals).toMatchObject({ items: 3, held: 1, shareHeld: 0.333 });
      expect(december.unforeseen).toEqual([]);
      const september = fulfilmentOf(plan, events, '2020-09-05', '2021-08-01', SEPTEMBER);
      expect(september.items.map((i) => i.status)).toEqual(['awaiting', 'awaiting', 'awaiting']);
      // After the year's end with nothing recorded for an item, it is not held.
      const after = fulfilmentOf({ ...plan, resolutions: [] }, [], null, '2021-09-02', SEPTEMBER);
      expect(after.items.map((i) => i.status)).toEqual(['not-held', 'not-held', 'not-held', 'not-held']);
    });
  });

  it('unlinks an item, and keeps nothing of an event or a plan it never saw begin', () => {
    const last = log.find((e) => e.type === 'EventHeld' && e.data.eventId === 'ev-1')!;
    const unlinked = { ...last, id: 'unlinked', type: 'EventUnlinkedFromPlanItem' as const, data: { eventId: 'ev-1', networkIds: [MURYGINO.district3], planItemId: 'm-item-1', reason: 'Другой пункт' }, revision: 2, position: 900 };
    spec.given([...log, unlinked]).then((docs) => {
      const plan = docs.get(fulfilmentPlanId(MURYGINO_PLAN)) as FulfilmentPlanDoc;
      const events = docs.all().filter((d): d is FulfilmentEventDoc => d.kind === 'event');
      const now = fulfilmentOf({ ...plan, resolutions: [] }, events, null, '2021-05-01', SEPTEMBER);
      expect(now.items[0]).toMatchObject({ planItemId: 'm-item-1', status: 'awaiting', events: [] });
      // Unlinked, ev-1 is a held event that no item of the plan foresaw.
      expect(now.unforeseen.map((e) => e.eventId)).toEqual(['ev-1', 'ev-4']);
    });
    spec.given(log.filter((e) => e.type !== 'EventPlanned' && e.type !== 'PlanDrafted')).then((docs) => expect(docs.all()).toEqual([]));
  });
});
