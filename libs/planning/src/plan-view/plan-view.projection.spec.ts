import { ProjectionSpecification } from '@app/testing/projection-specification';
import { MURYGINO, MURYGINO_GOAL, MURYGINO_PLAN } from '../plan/plan.fixtures';
import { muryginoPlanLife } from '../plan-fulfilment/recorded-plans.fixtures';
import { planViewProjection, revisionInForceOn } from './plan-view.projection';

const spec = ProjectionSpecification.for(planViewProjection);

describe('plan projection', () => {
  const life = muryginoPlanLife();

  it('keeps the current text and status, every approved revision’s text, the closing and its dates (the same events twice change nothing)', () => {
    spec.given(life).then((docs) => {
      const doc = docs.get(MURYGINO_PLAN);
      expect(doc).toMatchObject({
        department: MURYGINO.department,
        networkId: MURYGINO.district3,
        periodLabel: '2020/2021',
        periodKind: 'academic-year',
        status: 'closed',
        revision: 2,
        approvedOn: '2020-09-01',
        closedOn: '2021-06-20',
        grade: 'satisfactory',
        draftedAt: '2020-08-20T08:00:00.000Z',
        closedAt: '2021-06-21T08:00:00.000Z',
        streamRevision: 4,
      });
      expect(doc.content.goal).toBe(MURYGINO_GOAL);
      expect(doc.items.map((i) => i.planItemId)).toEqual(['m-item-1', 'm-item-2', 'm-item-3', 'm-item-4']);
      expect(doc.revisions.map((r) => [r.revision, r.approval.approvedOn, r.reason, r.items.length, r.recordedAt])).toEqual([
        [1, '2020-09-01', null, 3, '2020-09-02T08:00:00.000Z'],
        [2, '2021-01-15', 'Предметная неделя по решению совета', 4, '2021-01-16T08:00:00.000Z'],
      ]);
      expect(doc.revisions[0].items[2].when).toEqual({ precision: 'academic-year', academicYear: '2020/2021' });
      expect(doc.revisions[1].items[2].when).toEqual({ precision: 'month', month: '2021-03' });
      expect(revisionInForceOn(doc, '2020-08-31')).toBeUndefined();
      expect(revisionInForceOn(doc, '2020-12-31')?.revision).toBe(1);
      expect(revisionInForceOn(doc, '2021-01-15')?.revision).toBe(2);
    });
  });

  it('keeps a draft as drafted and edited, and nothing of a plan it never saw drafted', () => {
    spec.given(life.slice(0, 2)).then((docs) => {
      expect(docs.get(MURYGINO_PLAN)).toMatchObject({ status: 'draft', revision: 0, revisions: [], approvedOn: null, grade: null, closedAt: null, content: { goal: MURYGINO_GOAL } });
    });
    spec.given(life.slice(1)).then((docs) => expect(docs.all()).toEqual([]));
  });

  it('records a correction of the closed plan with its reason', () => {
    const closed = life[life.length - 1];
    const corrected = {
      ...closed,
      id: 'corrected',
      type: 'PlanCorrected' as const,
      data: { planId: MURYGINO_PLAN, networkId: MURYGINO.district3, reason: 'Опечатка', corrections: { conclusions: 'Все семинары проведены' }, previous: { conclusions: 'Семинары проведены' } },
      metadata: { ...closed.metadata, recordedAt: '2021-07-01T08:00:00.000Z', reason: 'Опечатка' },
      revision: 5,
      position: 900,
    };
    spec.given([...life, corrected]).then((docs) => {
      const doc = docs.get(MURYGINO_PLAN);
      expect(doc.closing?.conclusions).toBe('Все семинары проведены');
      expect(doc.corrections).toEqual([{ reason: 'Опечатка', fields: ['conclusions'], recordedAt: '2021-07-01T08:00:00.000Z' }]);
    });
  });
});
