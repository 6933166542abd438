import { ProjectionSpecification } from '@app/testing/projection-specification';
import { MURYGINO_GOAL, MURYGINO_PLAN } from '../plan/plan.fixtures';
import { FOURTH_ITEM, muryginoPlanLife } from '../plan-fulfilment/recorded-plans.fixtures';
import { planHistoryProjection } from './plan-history.projection';

const spec = ProjectionSpecification.for(planHistoryProjection);

describe('plan history projection', () => {
  const life = muryginoPlanLife();

  it('lists every change oldest first: who, when, why, the contract’s words in uk/ru/en, from what to what (the same events twice change nothing)', () => {
    spec.given(life).then((docs) => {
      const doc = docs.get(MURYGINO_PLAN);
      expect(doc.entries.map((e) => e.type)).toEqual(['PlanDrafted', 'PlanContentEdited', 'PlanApproved', 'PlanAmended', 'PlanClosed']);
      const [drafted, edited, approved, amended, closed] = doc.entries;
      expect(drafted).toMatchObject({ actor: { id: 'head-3', role: 'network-head' }, source: 'api', reason: null, recordedAt: '2020-08-20T08:00:00.000Z' });
      expect(drafted.description.uk).toBe('Складено проєкт плану на 2020/2021 навчальний рік');
      expect(drafted.changes.map((c) => c.field)).toContain('items.m-item-1');
      expect(edited.changes).toEqual([{ field: 'goal', from: null, to: MURYGINO_GOAL }]);
      expect(approved).toMatchObject({ effectiveAt: '2020-09-01', description: { ru: 'План утверждён (протокол № 1)' } });
      expect(approved.changes.map((c) => [c.field, c.from, c.to])).toEqual([
        ['status', 'draft', 'approved'],
        ['revision', null, 1],
        ['approval', null, expect.objectContaining({ approvedOn: '2020-09-01' })],
      ]);
      expect(amended).toMatchObject({ reason: 'Предметная неделя по решению совета', effectiveAt: '2021-01-15', description: { en: 'Plan amended (revision 2)' } });
      const third = amended.changes.find((c) => c.field === 'items.m-item-3')!;
      expect((third.from as { when: unknown }).when).toEqual({ precision: 'academic-year', academicYear: '2020/2021' });
      expect((third.to as { when: unknown }).when).toEqual({ precision: 'month', month: '2021-03' });
      expect(amended.changes.find((c) => c.field === 'items.m-item-4')).toEqual({ field: 'items.m-item-4', from: null, to: FOURTH_ITEM });
      expect(closed).toMatchObject({ effectiveAt: '2021-06-20', description: { uk: 'Підбито підсумки року: задовільно' } });
      expect(closed.changes[0]).toEqual({ field: 'status', from: 'approved', to: 'closed' });
      // What it keeps to compare with has no dotted keys (a document store may read them as paths).
      expect(Object.keys(doc.current).filter((key) => key.includes('.'))).toEqual([]);
    });
  });

  it('keeps nothing of a plan it never saw drafted', () => {
    spec.given(life.slice(1)).then((docs) => expect(docs.all()).toEqual([]));
  });
});
