import { ConcurrencyConflict, InvalidInput, RuleViolated, academicYearPeriod, calendarYearPeriod, describeEvent, fold, idsConcerned } from '@app/kernel';
import { inAcademicYear, inMonth, inYear, onDay } from '@app/events';
import { DeciderSpecification } from '@app/testing/decider-specification';
import { ClosePlan, PlanApproval, PlanEvent, PlanItem, PlanItemInput, carriedOverItemIdOf, planDecider, planEvents, planIdOf, planRevision, planStream, previousPlanFactsOf } from './plan.decider';
import {
  BAKHMUT,
  BAKHMUT_CONCLUSION,
  BAKHMUT_NEXT_TASKS,
  BAKHMUT_PLAN,
  BAKHMUT_PROBLEM,
  BAKHMUT_SECTION,
  MURYGINO,
  MURYGINO_ACTIVITY_KINDS,
  MURYGINO_GOAL,
  MURYGINO_PLAN,
  MURYGINO_SEMINARS,
  MURYGINO_TASKS,
  MURYGINO_THEME,
  REMONTNOYE,
  REMONTNOYE_AGREEMENTS,
  REMONTNOYE_GOAL,
  REMONTNOYE_NEXT_GOAL,
  REMONTNOYE_NEXT_TASKS,
  REMONTNOYE_NPK,
  REMONTNOYE_PLAN,
  REMONTNOYE_PROJECTS,
  REMONTNOYE_SEMINAR,
  REMONTNOYE_TASKS,
  bakhmutFacts,
  draftOf,
  muryginoFacts,
  remontnoyeFacts,
} from './plan.fixtures';

const spec = DeciderSpecification.for(planDecider);
const code = (expected: string) => (error: Error) => expect((error as RuleViolated).code).toBe(expected);
const fields = (...expected: string[]) => (error: Error) => expect((error as InvalidInput).errors.map((e) => e.field)).toEqual(expected);
/** The events a command decides on a history (for building the next step's history). */
const decided = (history: PlanEvent[], command: Parameters<typeof planDecider.decide>[0]): PlanEvent[] => [...history, ...planDecider.decide(command, fold(planDecider, history))];

const M = MURYGINO_PLAN;
const mDraft = draftOf(MURYGINO.department, MURYGINO.district3, MURYGINO.period, muryginoFacts(), '2020-08-20');
const mDrafted: PlanEvent = {
  type: 'PlanDrafted',
  data: {
    planId: M,
    department: MURYGINO.department,
    networkId: MURYGINO.district3,
    period: academicYearPeriod('2020/2021'),
    continuesPlanId: null,
    content: { theme: null, goal: null, tasks: [], activityKinds: [], projects: [], agreements: [] },
    items: [],
  },
};
const recorded = (input: PlanItemInput, outsideHostIds: string[] = []): PlanItem => ({ ...input, outsideHostIds, carriedOverFrom: null });
const addItem = (item: PlanItemInput, facts = muryginoFacts(), planId = M) => ({ type: 'AddPlanItem' as const, data: { planId, item, facts } });
const itemAdded = (item: PlanItemInput, outside: string[] = [], planId = M, networkId: string = MURYGINO.district3): PlanEvent => ({
  type: 'PlanItemAdded',
  data: { planId, networkId, item: recorded(item, outside) },
});
const approval: PlanApproval = { approvedOn: '2020-08-28', approvedBy: { personId: null, body: 'Совет руководителей округа' }, decisionNumber: 'протокол № 1' };
const approve = (planId = M, a: PlanApproval = approval, today = '2020-09-01') => ({ type: 'ApprovePlan' as const, data: { planId, approval: a, today } });
const mApproved: PlanEvent = { type: 'PlanApproved', data: { planId: M, networkId: MURYGINO.district3, revision: 1, approval } };
const [seminar1, seminar2, seminar3] = MURYGINO_SEMINARS;
const mWithItems = [mDrafted, itemAdded(seminar1), itemAdded(seminar2), itemAdded(seminar3)];
const mApprovedHistory = [...mWithItems, mApproved];

const held = (eventId: string, planItemId: string) => ({ eventId, status: 'held' as const, planItemIds: [planItemId] });
const mHeldFacts = muryginoFacts({ realisingEvents: [held('ev-1', 'm-item-1'), held('ev-2', 'm-item-2'), held('ev-3', 'm-item-3')] });
const mClose = (overrides: Partial<ClosePlan['data']> = {}): ClosePlan => ({
  type: 'ClosePlan',
  data: {
    planId: M,
    closedOn: '2021-06-30',
    today: '2021-07-01',
    facts: mHeldFacts,
    assessment: { grade: 'satisfactory', comment: null },
    conclusions: null,
    problems: [],
    taskResults: [],
    sections: [],
    nextYear: { goal: null, tasks: [] },
    itemResolutions: [
      { planItemId: 'm-item-1', resolution: 'held', eventIds: ['ev-1'] },
      { planItemId: 'm-item-2', resolution: 'held', eventIds: ['ev-2'] },
      { planItemId: 'm-item-3', resolution: 'held', eventIds: ['ev-3'] },
    ],
    ...overrides,
  },
});
const mClosedHistory = decided(mApprovedHistory, mClose());

describe('plan decider', () => {
  it('names its stream after the plan, and derives the plan id from department, network and period', () => {
    expect(planStream('p-1')).toBe('Plan-p-1');
    expect(planIdOf('pochinok', 'okrug-3', academicYearPeriod('2020/2021'))).toBe(M);
    expect(planIdOf('pochinok', 'okrug-3', academicYearPeriod('2021/2022'))).not.toBe(M);
    expect(planIdOf('pochinok', 'okrug-3', calendarYearPeriod(2020))).not.toBe(M);
    expect(planIdOf('other', 'okrug-3', academicYearPeriod('2020/2021'))).not.toBe(M);
  });

  describe('drafting a plan', () => {
    it('drafts the network’s plan for an academic year', () => {
      spec.given([]).when(mDraft).then([mDrafted]);
    });

    it('drafts a calendar-year plan for a network that reports by calendar year', () => {
      const facts = muryginoFacts({ network: { networkId: MURYGINO.district3, dissolvedOn: null, reportingPeriod: 'calendar-year' } });
      const command = draftOf(MURYGINO.department, MURYGINO.district3, calendarYearPeriod(2021), facts, '2020-12-20');
      const [event] = planDecider.decide(command, fold(planDecider, []));
      expect(event).toMatchObject({ type: 'PlanDrafted', data: { period: { kind: 'calendar-year', year: 2021 } } });
    });

    it('keeps one plan per network and period: a second draft finds the plan’s stream taken', () => {
      spec.given([mDrafted]).when(mDraft).thenThrows(RuleViolated, code('plan-already-drafted'));
    });

    it('refuses an id not derived from department, network and period (the stream holds the rule only so)', () => {
      spec
        .given([])
        .when({ ...mDraft, data: { ...mDraft.data, planId: 'random-id' } })
        .thenThrows(RuleViolated, code('plan-id-mismatch'));
    });

    it('refuses a period the network does not report by', () => {
      const command = draftOf(MURYGINO.department, MURYGINO.district3, calendarYearPeriod(2021), muryginoFacts(), '2020-12-20');
      spec.given([]).when(command).thenThrows(RuleViolated, code('period-kind-mismatch'));
    });

    it('refuses a malformed period field by field', () => {
      spec
        .given([])
        .when({ ...mDraft, data: { ...mDraft.data, period: { kind: 'academic-year', academicYear: '2020/2022' } } })
        .thenThrows(InvalidInput, fields('period.academicYear'));
    });

    it('refuses a network the department does not have', () => {
      spec.given([]).when(draftOf(MURYGINO.department, MURYGINO.district3, MURYGINO.period, muryginoFacts({ network: null }), '2020-08-20')).thenThrows(RuleViolated, code('network-not-registered'));
    });

    it('gives a dissolved network no new plan: none for a period it does not reach', () => {
      const dissolved = (on: string) => muryginoFacts({ network: { networkId: MURYGINO.district3, dissolvedOn: on, reportingPeriod: 'academic-year' } });
      spec.given([]).when(draftOf(MURYGINO.department, MURYGINO.district3, MURYGINO.period, dissolved('2020-09-01'), '2020-10-01')).thenThrows(RuleViolated, code('network-dissolved'));
      spec.given([]).when(draftOf(MURYGINO.department, MURYGINO.district3, MURYGINO.period, dissolved('2019-06-01'), '2020-10-01')).thenThrows(RuleViolated, code('network-dissolved'));
    });

    it('still records the plan of a year the network lived into (a late entry of its last year)', () => {
      const facts = muryginoFacts({ network: { networkId: MURYGINO.district3, dissolvedOn: '2021-03-01', reportingPeriod: 'academic-year' } });
      const [event] = planDecider.decide(draftOf(MURYGINO.department, MURYGINO.district3, MURYGINO.period, facts, '2021-05-01'), fold(planDecider, []));
      expect(event.type).toBe('PlanDrafted');
    });
  });

  describe('a draft', () => {
    it('is edited freely: theme, goal, ordered tasks, kinds of activity', () => {
      const changes = { theme: ` ${MURYGINO_THEME} `, goal: MURYGINO_GOAL, tasks: MURYGINO_TASKS, activityKinds: MURYGINO_ACTIVITY_KINDS };
      spec
        .given([mDrafted])
        .when({ type: 'EditPlanContent', data: { planId: M, changes, facts: muryginoFacts() } })
        .then([
          {
            type: 'PlanContentEdited',
            data: {
              planId: M,
              networkId: MURYGINO.district3,
              changes: { ...changes, theme: MURYGINO_THEME },
              previous: { theme: null, goal: null, tasks: [], activityKinds: [] },
            },
          },
        ]);
    });

    it('refuses an edit that changes nothing, and tasks given without text or with an id twice', () => {
      spec.given([mDrafted]).when({ type: 'EditPlanContent', data: { planId: M, changes: { theme: null }, facts: muryginoFacts() } }).thenThrows(RuleViolated, code('nothing-to-change'));
      const tasks = [{ taskId: 't1', text: ' ', expectedResult: null }, { taskId: 't1', text: 'x', expectedResult: null }];
      spec.given([mDrafted]).when({ type: 'EditPlanContent', data: { planId: M, changes: { tasks }, facts: muryginoFacts() } }).thenThrows(InvalidInput, fields('tasks[0].text', 'tasks[1].taskId'));
    });

    it('holds planned events: three seminars "during the year", hosted by members', () => {
      spec.given([mDrafted]).when(addItem(seminar1)).then([itemAdded(seminar1)]);
    });

    it('accepts a host that is not a member and marks it an outside host', () => {
      const facts = bakhmutFacts();
      const drafted = decided([], draftOf(BAKHMUT.department, BAKHMUT.district11, BAKHMUT.period, facts, '2019-09-02'));
      const joint: PlanItemInput = { ...seminar1, planItemId: 'b-item-1', kind: 'joint-methodological-meeting', topic: 'Спільне засідання методичних об’єднань', when: inMonth('2019-11'), hostIds: [BAKHMUT.school7, BAKHMUT.school1] };
      spec
        .given(drafted)
        .when(addItem(joint, facts, BAKHMUT_PLAN))
        .then([itemAdded(joint, [BAKHMUT.school1], BAKHMUT_PLAN, BAKHMUT.district11)]);
    });

    it('judges membership on the item’s first possible day', () => {
      // ЗОШ № 7 joined on 1 September 2019: a member for an item of that month, an outside host of one in August.
      const facts = bakhmutFacts({ memberships: [{ networkId: BAKHMUT.district11, institutionId: BAKHMUT.school7, from: '2019-10-01', to: null }] });
      const drafted = decided([], draftOf(BAKHMUT.department, BAKHMUT.district11, BAKHMUT.period, facts, '2019-09-02'));
      const item = (when: PlanItemInput['when']): PlanItemInput => ({ ...seminar1, planItemId: 'b-1', when, hostIds: [BAKHMUT.school7] });
      spec.given(drafted).when(addItem(item(inMonth('2019-10')), facts, BAKHMUT_PLAN)).then([itemAdded(item(inMonth('2019-10')), [], BAKHMUT_PLAN, BAKHMUT.district11)]);
      spec.given(drafted).when(addItem(item(onDay('2019-09-20')), facts, BAKHMUT_PLAN)).then([itemAdded(item(onDay('2019-09-20')), [BAKHMUT.school7], BAKHMUT_PLAN, BAKHMUT.district11)]);
    });

    it('refuses a host that is not a registered institution', () => {
      spec.given([mDrafted]).when(addItem({ ...seminar1, hostIds: ['nowhere'] })).thenThrows(RuleViolated, code('institution-not-registered'));
    });

    it('refuses a planned event outside the plan’s period, and one with no date at all', () => {
      spec.given([mDrafted]).when(addItem({ ...seminar1, when: inMonth('2021-09') })).thenThrows(RuleViolated, code('item-outside-period'));
      spec.given([mDrafted]).when(addItem({ ...seminar1, when: inYear(2021) })).thenThrows(RuleViolated, code('item-outside-period'));
      spec.given([mDrafted]).when(addItem({ ...seminar1, when: { precision: 'not-known' } })).thenThrows(InvalidInput, fields('when.precision'));
    });

    it('refuses an unknown kind and audience field by field', () => {
      spec
        .given([mDrafted])
        .when(addItem({ ...seminar1, kind: 'party' as PlanItemInput['kind'], audience: ['aliens'] as unknown as PlanItemInput['audience'], topic: '' }))
        .thenThrows(InvalidInput, fields('kind', 'topic', 'audience'));
    });

    it('checks a series: established, of the item’s kind, of the plan’s network', () => {
      const series = { seriesId: 's-1', kind: 'seminar' as const, networkIds: [MURYGINO.district3] };
      spec.given([mDrafted]).when(addItem({ ...seminar1, seriesId: 's-1' })).thenThrows(RuleViolated, code('series-not-established'));
      spec.given([mDrafted]).when(addItem({ ...seminar3, seriesId: 's-1' }, muryginoFacts({ series: [series] }))).thenThrows(RuleViolated, code('series-kind-mismatch'));
      spec.given([mDrafted]).when(addItem({ ...seminar1, seriesId: 's-1' }, muryginoFacts({ series: [{ ...series, networkIds: ['other'] }] }))).thenThrows(RuleViolated, code('series-network-mismatch'));
      spec.given([mDrafted]).when(addItem({ ...seminar1, seriesId: 's-1' }, muryginoFacts({ series: [series] }))).then([itemAdded({ ...seminar1, seriesId: 's-1' })]);
    });

    it('refuses an item id the plan has already', () => {
      spec.given([mDrafted, itemAdded(seminar1)]).when(addItem(seminar1)).thenThrows(RuleViolated, code('plan-item-exists'));
    });

    it('changes a planned event, recording what it replaced and the new verdict', () => {
      spec
        .given(mWithItems)
        .when({ type: 'ChangePlanItem', data: { planId: M, planItemId: 'm-item-1', changes: { when: inMonth('2021-02'), responsiblePersonId: 'p-lakhina' }, facts: muryginoFacts() } })
        .then([
          {
            type: 'PlanItemChanged',
            data: {
              planId: M,
              networkId: MURYGINO.district3,
              planItemId: 'm-item-1',
              changes: { when: inMonth('2021-02'), responsiblePersonId: 'p-lakhina' },
              previous: { when: inAcademicYear('2020/2021'), responsiblePersonId: null },
            },
          },
        ]);
      spec.given(mWithItems).when({ type: 'ChangePlanItem', data: { planId: M, planItemId: 'nope', changes: { topic: 'x' }, facts: muryginoFacts() } }).thenThrows(RuleViolated, code('plan-item-unknown'));
      spec.given(mWithItems).when({ type: 'ChangePlanItem', data: { planId: M, planItemId: 'm-item-1', changes: { topic: seminar1.topic }, facts: muryginoFacts() } }).thenThrows(RuleViolated, code('nothing-to-change'));
    });

    it('answers 409 when the plan has a host the facts do not cover (a concurrent change)', () => {
      spec.given(mWithItems).when({ type: 'ChangePlanItem', data: { planId: M, planItemId: 'm-item-1', changes: { topic: 'x' }, facts: muryginoFacts({ registeredInstitutionIds: [] }) } }).thenThrows(ConcurrencyConflict);
    });

    it('removes a planned event, and takes it out of the projects that named it', () => {
      const facts = remontnoyeFacts();
      const history = decided(decided(decided([], draftOf(REMONTNOYE.department, REMONTNOYE.central, REMONTNOYE.period, facts, '2022-08-25')), addItem(REMONTNOYE_NPK, facts, REMONTNOYE_PLAN)), {
        type: 'EditPlanContent',
        data: { planId: REMONTNOYE_PLAN, changes: { projects: REMONTNOYE_PROJECTS }, facts },
      });
      spec
        .given(history)
        .when({ type: 'RemovePlanItem', data: { planId: REMONTNOYE_PLAN, planItemId: 'r-item-npk' } })
        .then([{ type: 'PlanItemRemoved', data: { planId: REMONTNOYE_PLAN, networkId: REMONTNOYE.central, planItemId: 'r-item-npk', projectIds: ['r-research'] } }]);
      const after = decided(history, { type: 'RemovePlanItem', data: { planId: REMONTNOYE_PLAN, planItemId: 'r-item-npk' } });
      const state = fold(planDecider, after);
      expect(state.status !== 'none' && state.content.projects.map((p) => p.planItemIds)).toEqual([[], []]);
    });

    it('holds network projects and agreements: partners and parties registered, items the plan’s, events recorded', () => {
      const facts = remontnoyeFacts();
      const drafted = decided([], draftOf(REMONTNOYE.department, REMONTNOYE.central, REMONTNOYE.period, facts, '2022-08-25'));
      const edit = (changes: object, f = facts) => ({ type: 'EditPlanContent' as const, data: { planId: REMONTNOYE_PLAN, changes, facts: f } });
      spec.given(drafted).when(edit({ projects: REMONTNOYE_PROJECTS })).thenThrows(RuleViolated, code('plan-item-unknown'));
      const withNpk = decided(drafted, addItem(REMONTNOYE_NPK, facts, REMONTNOYE_PLAN));
      const [edited] = planDecider.decide(edit({ projects: REMONTNOYE_PROJECTS, agreements: REMONTNOYE_AGREEMENTS }), fold(planDecider, withNpk));
      expect(edited).toMatchObject({ type: 'PlanContentEdited', data: { changes: { projects: REMONTNOYE_PROJECTS, agreements: REMONTNOYE_AGREEMENTS } } });
      spec.given(withNpk).when(edit({ agreements: [{ ...REMONTNOYE_AGREEMENTS[0], partyInstitutionIds: ['unknown'] }] })).thenThrows(RuleViolated, code('institution-not-registered'));
      spec.given(withNpk).when(edit({ projects: [{ ...REMONTNOYE_PROJECTS[0], eventIds: ['ev-x'] }] })).thenThrows(RuleViolated, code('event-not-recorded'));
      spec.given(withNpk).when(edit({ projects: [{ ...REMONTNOYE_PROJECTS[0], eventIds: ['ev-x'] }] }, remontnoyeFacts({ recordedEventIds: ['ev-x'] }))).then([
        {
          type: 'PlanContentEdited',
          data: { planId: REMONTNOYE_PLAN, networkId: REMONTNOYE.central, changes: { projects: [{ ...REMONTNOYE_PROJECTS[0], eventIds: ['ev-x'] }] }, previous: { projects: [] } },
        },
      ]);
      spec
        .given(withNpk)
        .when(edit({ agreements: [{ ...REMONTNOYE_AGREEMENTS[0], signedOn: '2022-09-01', validUntil: '2022-08-01' }] }))
        .thenThrows(InvalidInput, fields('agreements[0].validUntil'));
    });

    it('is approved by a body or a person, on a date, by a decision', () => {
      spec.given(mWithItems).when(approve()).then([mApproved]);
      spec.given(mWithItems).when(approve(M, { ...approval, approvedBy: { personId: null, body: ' ' } })).thenThrows(InvalidInput, fields('approval.approvedBy'));
      spec.given(mWithItems).when(approve(M, { ...approval, approvedOn: '2020-09-02' })).thenThrows(RuleViolated, code('date-in-future'));
    });

    it('is not amended, closed or corrected: it is edited', () => {
      spec.given(mWithItems).when(amend({ content: { theme: 'x' } })).thenThrows(RuleViolated, code('plan-not-approved'));
      spec.given(mWithItems).when(mClose()).thenThrows(RuleViolated, code('plan-not-approved'));
      spec.given(mWithItems).when({ type: 'CorrectPlan', data: { planId: M, reason: 'опечатка', corrections: { theme: 'x' }, facts: muryginoFacts() } }).thenThrows(RuleViolated, code('plan-not-closed'));
    });

    it('is recorded before anything else is done to it', () => {
      spec.given([]).when(addItem(seminar1)).thenThrows(RuleViolated, code('plan-not-drafted'));
    });
  });

  describe('an approved plan', () => {
    it('is not edited, nor its items changed, added or removed, except by an amendment', () => {
      spec.given(mApprovedHistory).when({ type: 'EditPlanContent', data: { planId: M, changes: { theme: 'x' }, facts: muryginoFacts() } }).thenThrows(RuleViolated, code('plan-approved'));
      spec.given(mApprovedHistory).when(addItem({ ...seminar1, planItemId: 'new' })).thenThrows(RuleViolated, code('plan-approved'));
      spec.given(mApprovedHistory).when({ type: 'ChangePlanItem', data: { planId: M, planItemId: 'm-item-1', changes: { topic: 'x' }, facts: muryginoFacts() } }).thenThrows(RuleViolated, code('plan-approved'));
      spec.given(mApprovedHistory).when({ type: 'RemovePlanItem', data: { planId: M, planItemId: 'm-item-1' } }).thenThrows(RuleViolated, code('plan-approved'));
      spec.given(mApprovedHistory).when(approve()).thenThrows(RuleViolated, code('plan-already-approved'));
    });

    it('is amended with a reason: a numbered revision of what changed', () => {
      const fourth: PlanItemInput = { ...seminar3, planItemId: 'm-item-4', topic: 'Школьный этап Всероссийской олимпиады школьников', kind: 'olympiad-stage', when: inMonth('2020-10') };
      spec
        .given(mApprovedHistory)
        .when(amend({ addItems: [fourth], changeItems: [{ planItemId: 'm-item-2', changes: { when: inMonth('2021-03') } }], removeItemIds: ['m-item-3'] }))
        .then([
          {
            type: 'PlanAmended',
            data: {
              planId: M,
              networkId: MURYGINO.district3,
              revision: 2,
              reason: 'Решение совета руководителей',
              approval: amendmentApproval,
              content: { changes: {}, previous: {} },
              addedItems: [recorded(fourth)],
              changedItems: [{ planItemId: 'm-item-2', changes: { when: inMonth('2021-03') }, previous: { when: inAcademicYear('2020/2021') } }],
              removedItems: [{ planItemId: 'm-item-3', projectIds: [] }],
            },
          },
        ]);
    });

    it('refuses an amendment without a reason, one that changes nothing, one dated before the revision in force', () => {
      spec.given(mApprovedHistory).when(amend({ reason: ' ', content: { theme: 'x' } })).thenThrows(RuleViolated, code('reason-required'));
      spec.given(mApprovedHistory).when(amend({ content: { theme: null } })).thenThrows(RuleViolated, code('nothing-to-change'));
      spec.given(mApprovedHistory).when(amend({ content: { theme: 'x' }, approval: { ...amendmentApproval, approvedOn: '2020-08-01' } })).thenThrows(RuleViolated, code('approval-date-order'));
    });

    it('keeps the draft’s rules in an amendment: registered parties, dates within the period', () => {
      const agreement = { agreementId: 'a-1', number: null, signedOn: null, partyInstitutionIds: ['unknown'], subject: 'О взаимодействии', validUntil: null };
      spec.given(mApprovedHistory).when(amend({ content: { agreements: [agreement] } })).thenThrows(RuleViolated, code('institution-not-registered'));
      spec.given(mApprovedHistory).when(amend({ changeItems: [{ planItemId: 'm-item-1', changes: { when: inMonth('2021-10') } }] })).thenThrows(RuleViolated, code('item-outside-period'));
    });

    it('shows again the approved text of every revision', () => {
      const history = decided(mApprovedHistory, amend({ content: { theme: MURYGINO_THEME }, removeItemIds: ['m-item-3'] }));
      const state = fold(planDecider, history);
      expect(planRevision(state, 1)).toMatchObject({ revision: 1, reason: null, approval, content: { theme: null }, items: [recorded(seminar1), recorded(seminar2), recorded(seminar3)] });
      expect(planRevision(state, 2)).toMatchObject({ revision: 2, reason: 'Решение совета руководителей', content: { theme: MURYGINO_THEME }, items: [recorded(seminar1), recorded(seminar2)] });
      expect(planRevision(state, 3)).toBeUndefined();
    });
  });

  describe('closing a plan', () => {
    it('closes Murygino’s year: three seminars held', () => {
      const [closed] = planDecider.decide(mClose(), fold(planDecider, mApprovedHistory));
      expect(closed).toMatchObject({ type: 'PlanClosed', data: { closedOn: '2021-06-30', assessment: { grade: 'satisfactory', label: { ru: 'удовлетворительно' } } } });
    });

    it('requires every planned event resolved: held, cancelled with a reason, or carried over', () => {
      const resolutions = mClose().data.itemResolutions;
      // The third seminar's event was postponed, not held: nothing resolves it.
      const notHeld = muryginoFacts({ realisingEvents: [held('ev-1', 'm-item-1'), held('ev-2', 'm-item-2'), { ...held('ev-3', 'm-item-3'), status: 'postponed' }] });
      spec.given(mApprovedHistory).when(mClose({ itemResolutions: resolutions.slice(0, 2), facts: notHeld })).thenThrows(RuleViolated, code('items-unresolved'));
      spec.given(mApprovedHistory).when(mClose({ itemResolutions: [], facts: muryginoFacts() })).thenThrows(RuleViolated, code('items-unresolved'));
      spec
        .given(mApprovedHistory)
        .when(mClose({ itemResolutions: [...resolutions.slice(0, 2), { planItemId: 'm-item-3', resolution: 'cancelled', reason: ' ' }] }))
        .thenThrows(RuleViolated, code('reason-required'));
      const [closed] = planDecider.decide(
        mClose({ itemResolutions: [...resolutions.slice(0, 1), { planItemId: 'm-item-3', resolution: 'carried-over', reason: null }, { planItemId: 'm-item-2', resolution: 'cancelled', reason: 'Карантин' }] }),
        fold(planDecider, mApprovedHistory),
      );
      // Written in the plan's order, whatever the order given.
      expect(closed.type === 'PlanClosed' && closed.data.itemResolutions.map((r) => r.resolution)).toEqual(['held', 'cancelled', 'carried-over']);
    });

    it('resolves an item it is not told about as held when events that realise it were held, by those events', () => {
      // Only the cancelled seminar is named; the first was held twice (two events), the third once.
      const facts = muryginoFacts({
        realisingEvents: [held('ev-1b', 'm-item-1'), { ...held('ev-2', 'm-item-2'), status: 'cancelled' }, held('ev-3', 'm-item-3'), held('ev-1a', 'm-item-1'), { ...held('ev-9', 'other-item') }],
      });
      spec
        .given(mApprovedHistory)
        .when(mClose({ facts, itemResolutions: [{ planItemId: 'm-item-2', resolution: 'cancelled', reason: 'Карантин' }] }))
        .then([
          {
            type: 'PlanClosed',
            data: {
              planId: M,
              networkId: MURYGINO.district3,
              closedOn: '2021-06-30',
              assessment: { grade: 'satisfactory', label: { uk: 'задовільно', ru: 'удовлетворительно', en: 'satisfactory' }, comment: null },
              conclusions: null,
              problems: [],
              taskResults: [],
              sections: [],
              nextYear: { goal: null, tasks: [] },
              itemResolutions: [
                { planItemId: 'm-item-1', resolution: 'held', eventIds: ['ev-1a', 'ev-1b'] },
                { planItemId: 'm-item-2', resolution: 'cancelled', reason: 'Карантин' },
                { planItemId: 'm-item-3', resolution: 'held', eventIds: ['ev-3'] },
              ],
            },
          },
        ]);
      // What the closing says of an item stands, even when an event of it was held.
      const [closed] = planDecider.decide(mClose({ facts, itemResolutions: [{ planItemId: 'm-item-3', resolution: 'carried-over', reason: null }, { planItemId: 'm-item-2', resolution: 'cancelled', reason: 'Карантин' }] }), fold(planDecider, mApprovedHistory));
      expect(closed.type === 'PlanClosed' && closed.data.itemResolutions.map((r) => r.resolution)).toEqual(['held', 'cancelled', 'carried-over']);
      // A correction names its whole list: nothing is filled in.
      spec
        .given(mClosedHistory)
        .when({ type: 'CorrectPlan', data: { planId: M, reason: 'r', corrections: { itemResolutions: [{ planItemId: 'm-item-2', resolution: 'cancelled', reason: 'Карантин' }] }, facts } })
        .thenThrows(RuleViolated, code('items-unresolved'));
    });

    it('takes an item as held only by an event that realises it and was held', () => {
      const resolutions = mClose().data.itemResolutions;
      spec.given(mApprovedHistory).when(mClose({ facts: muryginoFacts({ realisingEvents: [held('ev-1', 'm-item-1'), held('ev-2', 'm-item-2')] }) })).thenThrows(RuleViolated, code('item-not-realised'));
      spec
        .given(mApprovedHistory)
        .when(mClose({ facts: muryginoFacts({ realisingEvents: [held('ev-1', 'm-item-1'), held('ev-2', 'm-item-2'), { ...held('ev-3', 'm-item-3'), status: 'postponed' }] }) }))
        .thenThrows(RuleViolated, code('item-not-held'));
      spec.given(mApprovedHistory).when(mClose({ itemResolutions: [...resolutions.slice(0, 2), { planItemId: 'm-item-3', resolution: 'held', eventIds: [] }] })).thenThrows(InvalidInput, fields('itemResolutions[2].eventIds'));
      spec.given(mApprovedHistory).when(mClose({ itemResolutions: [...resolutions, { planItemId: 'm-item-9', resolution: 'carried-over', reason: null }] })).thenThrows(RuleViolated, code('plan-item-unknown'));
    });

    it('requires an assessment from the department’s scale, and keeps its words', () => {
      spec.given(mApprovedHistory).when(mClose({ assessment: { grade: '', comment: null } })).thenThrows(RuleViolated, code('assessment-required'));
      spec.given(mApprovedHistory).when(mClose({ assessment: { grade: 'excellent', comment: null } })).thenThrows(RuleViolated, code('assessment-grade-unknown'));
      const scale = [{ grade: 'excellent', label: { uk: 'відмінно', ru: 'отлично', en: 'excellent' } }];
      const [closed] = planDecider.decide(mClose({ assessment: { grade: 'excellent', comment: null }, facts: { ...mHeldFacts, assessmentScale: scale } }), fold(planDecider, mApprovedHistory));
      expect(closed).toMatchObject({ data: { assessment: { grade: 'excellent', label: scale[0].label } } });
    });

    it('records per-task results, a reason for each task not fully done', () => {
      const history = decided(mWithItems, { type: 'EditPlanContent', data: { planId: M, changes: { tasks: MURYGINO_TASKS }, facts: muryginoFacts() } });
      const approvedTasks = decided(history, approve());
      spec.given(approvedTasks).when(mClose({ taskResults: [{ taskId: 'm-task-1', result: 'partly-done', reason: null }] })).thenThrows(RuleViolated, code('reason-required'));
      spec.given(approvedTasks).when(mClose({ taskResults: [{ taskId: 'nope', result: 'done', reason: null }] })).thenThrows(RuleViolated, code('task-unknown'));
      spec.given(approvedTasks).when(mClose({ taskResults: [{ taskId: 'm-task-1', result: 'half' as 'done', reason: null }] })).thenThrows(InvalidInput, fields('taskResults[0].result'));
      const [closed] = planDecider.decide(
        mClose({ taskResults: [{ taskId: 'm-task-2', result: 'not-done', reason: 'Карантин' }, { taskId: 'm-task-1', result: 'done', reason: null }] }),
        fold(planDecider, approvedTasks),
      );
      expect(closed.type === 'PlanClosed' && closed.data.taskResults.map((t) => t.taskId)).toEqual(['m-task-1', 'm-task-2']);
    });

    it('refuses a closing in the future or before the approval, and a second closing', () => {
      spec.given(mApprovedHistory).when(mClose({ closedOn: '2021-07-02' })).thenThrows(RuleViolated, code('date-in-future'));
      spec.given(mApprovedHistory).when(mClose({ closedOn: '2020-08-01' })).thenThrows(RuleViolated, code('approval-date-order'));
      spec.given(mClosedHistory).when(mClose()).thenThrows(RuleViolated, code('plan-already-closed'));
    });

    it('closes Bakhmut’s 2019/2020: the conclusion, the problem, a section, the tasks for 2020/2021', () => {
      const facts = bakhmutFacts();
      const history = decided(decided([], draftOf(BAKHMUT.department, BAKHMUT.district11, BAKHMUT.period, facts, '2019-09-02')), approve(BAKHMUT_PLAN, { ...approval, approvedOn: '2019-09-05' }, '2019-09-05'));
      const [closed] = planDecider.decide(
        {
          type: 'ClosePlan',
          data: {
            planId: BAKHMUT_PLAN,
            closedOn: '2020-06-15',
            today: '2020-06-15',
            facts,
            assessment: { grade: 'sufficient', comment: 'потребує удосконалення' },
            conclusions: BAKHMUT_CONCLUSION,
            problems: [BAKHMUT_PROBLEM],
            taskResults: [],
            sections: [BAKHMUT_SECTION],
            nextYear: { goal: null, tasks: BAKHMUT_NEXT_TASKS },
            itemResolutions: [],
          },
        },
        fold(planDecider, history),
      );
      expect(closed).toMatchObject({
        type: 'PlanClosed',
        data: { assessment: { grade: 'sufficient', label: { uk: 'достатній рівень' }, comment: 'потребує удосконалення' }, problems: [BAKHMUT_PROBLEM], nextYear: { tasks: BAKHMUT_NEXT_TASKS } },
      });
      expect(describeEvent(planEvents, closed)).toEqual({ uk: 'Підбито підсумки року: достатній рівень', ru: 'Подведены итоги года: достаточный уровень', en: 'Year closed: sufficient' });
    });
  });

  describe('a closed plan', () => {
    it('is never edited, amended or changed', () => {
      spec.given(mClosedHistory).when({ type: 'EditPlanContent', data: { planId: M, changes: { theme: 'x' }, facts: muryginoFacts() } }).thenThrows(RuleViolated, code('plan-closed'));
      spec.given(mClosedHistory).when(addItem({ ...seminar1, planItemId: 'new' })).thenThrows(RuleViolated, code('plan-closed'));
      spec.given(mClosedHistory).when(amend({ content: { theme: 'x' } })).thenThrows(RuleViolated, code('plan-closed'));
      spec.given(mClosedHistory).when(approve()).thenThrows(RuleViolated, code('plan-closed'));
    });

    it('is corrected with a reason, recording what it replaced', () => {
      spec
        .given(mClosedHistory)
        .when({ type: 'CorrectPlan', data: { planId: M, reason: 'Опечатка в выводах', corrections: { conclusions: 'Работа округа удовлетворительна', theme: MURYGINO_THEME }, facts: mHeldFacts } })
        .then([
          {
            type: 'PlanCorrected',
            data: {
              planId: M,
              networkId: MURYGINO.district3,
              reason: 'Опечатка в выводах',
              corrections: { theme: MURYGINO_THEME, conclusions: 'Работа округа удовлетворительна' },
              previous: { theme: null, conclusions: null },
            },
          },
        ]);
    });

    it('refuses a correction without a reason, one that changes nothing, one that leaves an item unresolved', () => {
      const correct = (reason: string, corrections: object) => ({ type: 'CorrectPlan' as const, data: { planId: M, reason, corrections, facts: mHeldFacts } });
      spec.given(mClosedHistory).when(correct('', { conclusions: 'x' })).thenThrows(RuleViolated, code('reason-required'));
      spec.given(mClosedHistory).when(correct('r', { conclusions: null })).thenThrows(RuleViolated, code('nothing-to-change'));
      spec.given(mClosedHistory).when(correct('r', { itemResolutions: [] })).thenThrows(RuleViolated, code('items-unresolved'));
      spec.given(mClosedHistory).when(correct('r', { assessment: { grade: 'high', comment: null } })).then([
        {
          type: 'PlanCorrected',
          data: {
            planId: M,
            networkId: MURYGINO.district3,
            reason: 'r',
            corrections: { assessment: { grade: 'high', label: { uk: 'високий рівень', ru: 'высокий уровень', en: 'high' }, comment: null } },
            previous: { assessment: { grade: 'satisfactory', label: { uk: 'задовільно', ru: 'удовлетворительно', en: 'satisfactory' }, comment: null } },
          },
        },
      ]);
    });
  });

  describe('a closed plan after the department changed its scale', () => {
    // Closed as "satisfactory" on the default scale; the department's own scale since has no such grade.
    const ownScale = [
      { grade: 'excellent', label: { uk: 'відмінно', ru: 'отлично', en: 'excellent' } },
      { grade: 'good', label: { uk: 'добре', ru: 'хорошо', en: 'good' } },
    ];
    const facts = { ...mHeldFacts, assessmentScale: ownScale };
    const correct = (corrections: object) => ({ type: 'CorrectPlan' as const, data: { planId: M, reason: 'Уточнение', corrections, facts } });
    const recordedWords = { uk: 'задовільно', ru: 'удовлетворительно', en: 'satisfactory' };

    it('keeps the grade and words its closing recorded: a correction of anything else leaves them', () => {
      spec.given(mClosedHistory).when(correct({ conclusions: 'Уточнённые выводы' })).then([
        { type: 'PlanCorrected', data: { planId: M, networkId: MURYGINO.district3, reason: 'Уточнение', corrections: { conclusions: 'Уточнённые выводы' }, previous: { conclusions: null } } },
      ]);
      const after = fold(planDecider, decided(mClosedHistory, correct({ conclusions: 'Уточнённые выводы' })));
      expect(after.status === 'closed' && after.closing?.assessment).toEqual({ grade: 'satisfactory', label: recordedWords, comment: null });
    });

    it('lets a correction keep a grade no longer on the scale, with its recorded words', () => {
      spec.given(mClosedHistory).when(correct({ assessment: { grade: 'satisfactory', comment: 'потребує удосконалення' } })).then([
        {
          type: 'PlanCorrected',
          data: {
            planId: M,
            networkId: MURYGINO.district3,
            reason: 'Уточнение',
            corrections: { assessment: { grade: 'satisfactory', label: recordedWords, comment: 'потребує удосконалення' } },
            previous: { assessment: { grade: 'satisfactory', label: recordedWords, comment: null } },
          },
        },
      ]);
    });

    it('takes another grade only from the department’s scale as it is now', () => {
      spec.given(mClosedHistory).when(correct({ assessment: { grade: 'high', comment: null } })).thenThrows(RuleViolated, code('assessment-grade-unknown'));
      const [corrected] = planDecider.decide(correct({ assessment: { grade: 'good', comment: null } }), fold(planDecider, mClosedHistory));
      expect(corrected).toMatchObject({ data: { corrections: { assessment: { grade: 'good', label: ownScale[1].label } } } });
    });
  });

  describe('next year’s plan', () => {
    const facts = remontnoyeFacts();
    const drafted = decided([], draftOf(REMONTNOYE.department, REMONTNOYE.central, REMONTNOYE.period, facts, '2022-08-25'));
    const withContent = decided(decided(decided(drafted, addItem(REMONTNOYE_NPK, facts, REMONTNOYE_PLAN)), addItem(REMONTNOYE_SEMINAR, facts, REMONTNOYE_PLAN)), {
      type: 'EditPlanContent',
      data: { planId: REMONTNOYE_PLAN, changes: { goal: REMONTNOYE_GOAL, tasks: REMONTNOYE_TASKS, projects: REMONTNOYE_PROJECTS, agreements: REMONTNOYE_AGREEMENTS }, facts },
    });
    const approvedR = decided(withContent, approve(REMONTNOYE_PLAN, { ...approval, approvedOn: '2022-09-01' }, '2022-09-01'));
    const closedR = decided(approvedR, {
      type: 'ClosePlan',
      data: {
        planId: REMONTNOYE_PLAN,
        closedOn: '2023-06-20',
        today: '2023-06-20',
        facts: remontnoyeFacts({ realisingEvents: [held('ev-npk', 'r-item-npk')] }),
        assessment: { grade: 'satisfactory', comment: null },
        conclusions: 'За время работы округа накоплен положительный опыт.',
        problems: [],
        taskResults: [],
        sections: [],
        nextYear: { goal: REMONTNOYE_NEXT_GOAL, tasks: REMONTNOYE_NEXT_TASKS },
        itemResolutions: [
          { planItemId: 'r-item-npk', resolution: 'held', eventIds: ['ev-npk'] },
          { planItemId: 'r-item-seminar', resolution: 'carried-over', reason: 'Перенесён на осень' },
        ],
      },
    });
    const nextPeriod = academicYearPeriod('2023/2024');
    const next = (previous = previousPlanFactsOf(fold(planDecider, closedR)), f = facts) =>
      draftOf(REMONTNOYE.department, REMONTNOYE.central, nextPeriod, { ...f, previousPlan: previous }, '2023-08-20', REMONTNOYE_PLAN);

    it('starts from last year’s goal and tasks and its carried-over items, linked back', () => {
      const planId = planIdOf(REMONTNOYE.department, REMONTNOYE.central, nextPeriod);
      spec
        .given([])
        .when(next())
        .then([
          {
            type: 'PlanDrafted',
            data: {
              planId,
              department: REMONTNOYE.department,
              networkId: REMONTNOYE.central,
              period: nextPeriod,
              continuesPlanId: REMONTNOYE_PLAN,
              content: { theme: null, goal: REMONTNOYE_NEXT_GOAL, tasks: REMONTNOYE_NEXT_TASKS, activityKinds: [], projects: [], agreements: [] },
              items: [
                {
                  ...REMONTNOYE_SEMINAR,
                  planItemId: carriedOverItemIdOf(planId, 'r-item-seminar'),
                  when: inAcademicYear('2023/2024'),
                  outsideHostIds: [],
                  carriedOverFrom: { planId: REMONTNOYE_PLAN, planItemId: 'r-item-seminar' },
                },
              ],
            },
          },
        ]);
    });

    it('continues only this network’s closed plan of the year before', () => {
      const previous = previousPlanFactsOf(fold(planDecider, closedR))!;
      spec.given([]).when(next(null)).thenThrows(RuleViolated, code('previous-plan-not-found'));
      spec.given([]).when(next(previousPlanFactsOf(fold(planDecider, approvedR)))).thenThrows(RuleViolated, code('previous-plan-not-closed'));
      spec.given([]).when(next({ ...previous, networkId: 'other' })).thenThrows(RuleViolated, code('previous-plan-mismatch'));
      spec.given([]).when(next({ ...previous, period: academicYearPeriod('2021/2022') })).thenThrows(RuleViolated, code('previous-plan-mismatch'));
    });
  });

  describe('contracts', () => {
    it('say what each event concerns, by id, and take effect on the approval and closing dates', () => {
      const history = decided(mClosedHistory, { type: 'CorrectPlan', data: { planId: M, reason: 'r', corrections: { conclusions: 'x' }, facts: mHeldFacts } });
      for (const event of history) expect(idsConcerned(planEvents, event, 'plan')[0]).toBe(M);
      for (const event of history) expect(idsConcerned(planEvents, event, 'network')).toEqual([MURYGINO.district3]);
      expect(idsConcerned(planEvents, history[1], 'institution')).toEqual([MURYGINO.murygino]);
      const closed = history.find((e) => e.type === 'PlanClosed')!;
      expect(idsConcerned(planEvents, closed, 'event')).toEqual(['ev-1', 'ev-2', 'ev-3']);
      expect(planEvents.PlanApproved.effectiveOn((mApproved as Extract<PlanEvent, { type: 'PlanApproved' }>).data)).toBe('2020-08-28');
      expect(describeEvent(planEvents, mDrafted)).toEqual({ uk: 'Складено проєкт плану на 2020/2021 навчальний рік', ru: 'Составлен проект плана на 2020/2021 учебный год', en: 'Plan for the 2020/2021 academic year drafted' });
      expect(describeEvent(planEvents, history[1]).ru).toMatch(/^В план добавлено: семинар «Организация/);
    });
  });
});

const amendmentApproval: PlanApproval = { approvedOn: '2021-01-15', approvedBy: { personId: null, body: 'Совет руководителей округа' }, decisionNumber: 'протокол № 3' };
function amend(overrides: Partial<{ reason: string; approval: PlanApproval; content: object; addItems: PlanItemInput[]; changeItems: { planItemId: string; changes: object }[]; removeItemIds: string[] }>) {
  return {
    type: 'AmendPlan' as const,
    data: { planId: M, reason: 'Решение совета руководителей', approval: amendmentApproval, content: {}, addItems: [], changeItems: [], removeItemIds: [], today: '2021-01-20', facts: muryginoFacts(), ...overrides },
  };
}
