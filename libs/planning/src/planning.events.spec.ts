import { UpcasterRegistry, describeEvent, effectiveOnOf, eventTypes, fold, idsConcerned, metadataExtrasOf } from '@app/kernel';
import { eventsEvents, inMonth } from '@app/events';
import { identityEvents } from '@app/identity';
import { networksEvents } from '@app/networks';
import { personEvents } from '@app/personal-data';
import { assessmentScaleDecider } from './assessment-scale/assessment-scale.decider';
import { PlanCommand, PlanEvent, planDecider } from './plan/plan.decider';
import { MURYGINO, MURYGINO_PLAN, MURYGINO_SEMINARS, draftOf, muryginoFacts } from './plan/plan.fixtures';
import { PlanningEvent, planningEvents } from './planning.events';

/** One plan's whole life, decided: an event of every type. */
const facts = muryginoFacts({ realisingEvents: [{ eventId: 'ev-1', status: 'held', planItemIds: ['m-item-1'] }] });
const approval = { approvedOn: '2020-08-28', approvedBy: { personId: 'p-head', body: null }, decisionNumber: 'наказ № 12' };
const commands: PlanCommand[] = [
  draftOf(MURYGINO.department, MURYGINO.district3, MURYGINO.period, facts, '2020-08-20'),
  { type: 'EditPlanContent', data: { planId: MURYGINO_PLAN, changes: { theme: 'Тема' }, facts } },
  { type: 'AddPlanItem', data: { planId: MURYGINO_PLAN, item: MURYGINO_SEMINARS[0], facts } },
  { type: 'AddPlanItem', data: { planId: MURYGINO_PLAN, item: MURYGINO_SEMINARS[1], facts } },
  { type: 'ChangePlanItem', data: { planId: MURYGINO_PLAN, planItemId: 'm-item-1', changes: { responsiblePersonId: 'p-lakhina' }, facts } },
  { type: 'RemovePlanItem', data: { planId: MURYGINO_PLAN, planItemId: 'm-item-2' } },
  { type: 'ApprovePlan', data: { planId: MURYGINO_PLAN, approval, today: '2020-08-28' } },
  {
    type: 'AmendPlan',
    data: { planId: MURYGINO_PLAN, reason: 'Карантин', approval: { ...approval, approvedOn: '2021-01-10' }, content: {}, addItems: [], changeItems: [{ planItemId: 'm-item-1', changes: { when: inMonth('2021-03') } }], removeItemIds: [], today: '2021-01-10', facts },
  },
  {
    type: 'ClosePlan',
    data: {
      planId: MURYGINO_PLAN,
      closedOn: '2021-06-30',
      today: '2021-06-30',
      facts,
      assessment: { grade: 'satisfactory', comment: null },
      conclusions: 'Вывод',
      problems: [],
      taskResults: [],
      sections: [],
      nextYear: { goal: null, tasks: [] },
      itemResolutions: [{ planItemId: 'm-item-1', resolution: 'held', eventIds: ['ev-1'] }],
    },
  },
  { type: 'CorrectPlan', data: { planId: MURYGINO_PLAN, reason: 'Опечатка', corrections: { conclusions: 'Вывод: удовлетворительно' }, facts } },
];
const planSamples = commands.reduce<PlanEvent[]>((history, command) => [...history, ...planDecider.decide(command, fold(planDecider, history))], []);
/** And a department's assessment scale, set. */
const scaleSamples = assessmentScaleDecider.decide(
  { type: 'SetAssessmentScale', data: { department: MURYGINO.department, grades: [{ grade: 'satisfactory', label: { uk: 'задовільно', ru: 'удовлетворительно', en: 'satisfactory' } }, { grade: 'unsatisfactory', label: { uk: 'незадовільно', ru: 'неудовлетворительно', en: 'unsatisfactory' } }] } },
  fold(assessmentScaleDecider, []),
);
const samples: PlanningEvent[] = [...planSamples, ...scaleSamples];

describe('the planning module’s event contracts', () => {
  it('join the other modules’ in one registry: no event type has two contracts', () => {
    expect(() => UpcasterRegistry.of(networksEvents, identityEvents, personEvents, eventsEvents, planningEvents)).not.toThrow();
  });

  it('has a sample of every type here', () => {
    expect([...new Set(samples.map((e) => e.type))].sort()).toEqual(eventTypes(planningEvents).sort());
  });

  it('take effect on the approval and closing dates, and carry the reasons of amendments and corrections', () => {
    expect(samples.map((e) => effectiveOnOf(planningEvents, e))).toEqual([null, null, null, null, null, null, '2020-08-28', '2021-01-10', '2021-06-30', null, null]);
    expect(samples.map((e) => metadataExtrasOf(planningEvents, e).reason ?? null)).toEqual([null, null, null, null, null, null, null, 'Карантин', null, 'Опечатка', null]);
  });

  it('name the people of a plan by id only: the responsible person, who approved', () => {
    expect(samples.flatMap((e) => idsConcerned(planningEvents, e, 'person'))).toEqual(['p-lakhina', 'p-head', 'p-head']);
    expect(samples.flatMap((e) => idsConcerned(planningEvents, e, 'plan-item'))).toEqual(['m-item-1', 'm-item-2', 'm-item-1', 'm-item-2', 'm-item-1', 'm-item-1']);
  });

  it('describe every event in Ukrainian, Russian and English', () => {
    for (const event of samples) {
      const text = describeEvent(planningEvents, event);
      expect({ type: event.type, empty: [text.uk, text.ru, text.en].filter((t) => !t.trim()) }).toEqual({ type: event.type, empty: [] });
    }
    expect(samples.map((e) => describeEvent(planningEvents, e).uk)).toEqual([
      'Складено проєкт плану на 2020/2021 навчальний рік',
      'Змінено проєкт плану: theme',
      expect.stringMatching(/^До плану додано: семінар «Организация индивидуальной проектной деятельности.*», протягом 2020\/2021 н\. р\.$/),
      expect.stringMatching(/^До плану додано: семінар «Гражданско-патриотическое/),
      'Змінено захід плану: responsiblePersonId',
      'Захід вилучено з проєкту плану',
      'План затверджено (наказ № 12)',
      'До плану внесено зміни (редакція 2)',
      'Підбито підсумки року: задовільно',
      'Виправлено план після підбиття підсумків: conclusions',
      'Встановлено шкалу оцінювання: задовільно, незадовільно',
    ]);
  });
});
