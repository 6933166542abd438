import { Actor, RecordedEvent, academicYearPeriod } from '@app/kernel';
import { EventEvent, EventPlanned, When, eventStream, inAcademicYear, inMonth, onDay } from '@app/events';
import { recorded } from '@app/events/event-calendar/recorded-events.fixtures';
import { PlanApproval, PlanEvent, PlanItem, planStream } from '../plan/plan.decider';
import { MURYGINO, MURYGINO_GOAL, MURYGINO_PLAN, MURYGINO_SEMINARS, MURYGINO_THEME } from '../plan/plan.fixtures';

/*
 * Recorded lives of a plan and of the events that realise it, for the read models' specs:
 * Murygino district No. 3's 2020/2021 plan with its three seminars, amended to add a fourth,
 * closed; its events held, linked, postponed, cancelled; one held that no item foresaw, one of
 * another network.
 */

const HEAD: Actor = { id: 'head-3', role: 'network-head' };
const D = MURYGINO.department;
const NET = MURYGINO.district3;

export const itemOf = (i: number): PlanItem => ({ ...MURYGINO_SEMINARS[i], outsideHostIds: [], carriedOverFrom: null });
export const FOURTH_ITEM: PlanItem = { ...itemOf(2), planItemId: 'm-item-4', topic: 'Неделя естественно-математических наук', kind: 'subject-week', when: inMonth('2021-04') };
const approval = (approvedOn: string, decisionNumber: string): PlanApproval => ({ approvedOn, approvedBy: { personId: null, body: 'совет руководителей' }, decisionNumber });

/** The plan: drafted, an item's topic changed, approved on 1 September, amended in January, closed in June. */
export const muryginoPlanLife = (): Array<RecordedEvent<PlanEvent>> =>
  recorded<PlanEvent>(
    planStream(MURYGINO_PLAN),
    [
      {
        event: {
          type: 'PlanDrafted',
          data: {
            planId: MURYGINO_PLAN,
            department: D,
            networkId: NET,
            period: academicYearPeriod('2020/2021'),
            continuesPlanId: null,
            content: { theme: MURYGINO_THEME, goal: null, tasks: [], activityKinds: [], projects: [], agreements: [] },
            items: [itemOf(0), itemOf(1), itemOf(2)],
          },
        },
        at: '2020-08-20T08:00:00.000Z',
        actor: HEAD,
      },
      { event: { type: 'PlanContentEdited', data: { planId: MURYGINO_PLAN, networkId: NET, changes: { goal: MURYGINO_GOAL }, previous: { goal: null } } }, at: '2020-08-25T08:00:00.000Z', actor: HEAD },
      { event: { type: 'PlanApproved', data: { planId: MURYGINO_PLAN, networkId: NET, revision: 1, approval: approval('2020-09-01', 'протокол № 1') } }, at: '2020-09-02T08:00:00.000Z', effectiveAt: '2020-09-01' },
      {
        event: {
          type: 'PlanAmended',
          data: {
            planId: MURYGINO_PLAN,
            networkId: NET,
            revision: 2,
            reason: 'Предметная неделя по решению совета',
            approval: approval('2021-01-15', 'протокол № 3'),
            content: { changes: {}, previous: {} },
            addedItems: [FOURTH_ITEM],
            changedItems: [{ planItemId: 'm-item-3', changes: { when: inMonth('2021-03') }, previous: { when: inAcademicYear('2020/2021') } }],
            removedItems: [],
          },
        },
        at: '2021-01-16T08:00:00.000Z',
        effectiveAt: '2021-01-15',
        reason: 'Предметная неделя по решению совета',
      },
      {
        event: {
          type: 'PlanClosed',
          data: {
            planId: MURYGINO_PLAN,
            networkId: NET,
            closedOn: '2021-06-20',
            assessment: { grade: 'satisfactory', label: { uk: 'задовільно', ru: 'удовлетворительно', en: 'satisfactory' }, comment: null },
            conclusions: 'Семинары проведены',
            problems: [],
            taskResults: [],
            sections: [],
            nextYear: { goal: null, tasks: [] },
            itemResolutions: [
              { planItemId: 'm-item-1', resolution: 'held', eventIds: ['ev-1'] },
              { planItemId: 'm-item-2', resolution: 'held', eventIds: ['ev-2'] },
              { planItemId: 'm-item-3', resolution: 'cancelled', reason: 'Карантин' },
              { planItemId: 'm-item-4', resolution: 'carried-over', reason: null },
            ],
          },
        },
        at: '2021-06-21T08:00:00.000Z',
        effectiveAt: '2021-06-20',
      },
    ],
    300,
    D,
    10,
  );

const planned = (eventId: string, planItemIds: string[], when: When, networkIds: string[] = [NET]): EventPlanned => ({
  type: 'EventPlanned',
  data: {
    eventId,
    department: D,
    kind: 'seminar',
    topic: `Семинар ${eventId}`,
    description: null,
    networkIds,
    audienceNetworkIds: [],
    hostIds: [MURYGINO.murygino],
    format: { mode: 'online', platform: 'ZOOM', link: null },
    level: 'municipal',
    audience: ['teachers'],
    people: [],
    seriesId: null,
    when,
    planItemIds,
    outsideHostIds: [],
  },
});
const held = (eventId: string, when: When, networkIds: string[] = [NET]): EventEvent => ({
  type: 'EventHeld',
  data: {
    eventId,
    networkIds,
    hostIds: [MURYGINO.murygino, MURYGINO.ryabtsevo],
    when,
    participation: { counts: { teachers: 12 }, institutionIds: [] },
    outcome: null,
    materials: [],
    publications: [],
    outsideHostIds: [],
    outsideInstitutionIds: [],
  },
});

/** The events: ev-1 realises item 1 and is held in October; ev-2 is linked to item 2 later, postponed, held in February; ev-3 realises item 3 and is cancelled; ev-4 is held and no item foresaw it; ev-5 is another network's. */
export const muryginoEventLives = (): Array<RecordedEvent<EventEvent>> => [
  ...recorded<EventEvent>(
    eventStream('ev-1'),
    [
      { event: planned('ev-1', ['m-item-1'], inAcademicYear('2020/2021')), at: '2020-09-10T08:00:00.000Z' },
      { event: held('ev-1', onDay('2020-10-15')), at: '2020-10-16T08:00:00.000Z', effectiveAt: '2020-10-15' },
    ],
    301,
    D,
    10,
  ),
  ...recorded<EventEvent>(
    eventStream('ev-2'),
    [
      { event: planned('ev-2', [], inMonth('2020-11')), at: '2020-09-11T08:00:00.000Z' },
      { event: { type: 'EventLinkedToPlanItem', data: { eventId: 'ev-2', networkIds: [NET], planItemId: 'm-item-2', reason: null } }, at: '2020-10-01T08:00:00.000Z' },
      { event: { type: 'EventPostponed', data: { eventId: 'ev-2', networkIds: [NET], when: inMonth('2021-02'), previousWhen: inMonth('2020-11'), reason: 'Карантин', outsideHostIds: [] } }, at: '2020-11-01T08:00:00.000Z', reason: 'Карантин' },
      { event: held('ev-2', onDay('2021-02-10')), at: '2021-02-11T08:00:00.000Z', effectiveAt: '2021-02-10' },
    ],
    302,
    D,
    10,
  ),
  ...recorded<EventEvent>(
    eventStream('ev-3'),
    [
      { event: planned('ev-3', ['m-item-3'], inMonth('2021-03')), at: '2020-09-12T08:00:00.000Z' },
      { event: { type: 'EventCancelled', data: { eventId: 'ev-3', networkIds: [NET], reason: 'Карантин' } }, at: '2021-03-01T08:00:00.000Z', reason: 'Карантин' },
    ],
    303,
    D,
    10,
  ),
  ...recorded<EventEvent>(
    eventStream('ev-4'),
    [
      { event: planned('ev-4', [], onDay('2021-04-20')), at: '2021-04-01T08:00:00.000Z' },
      { event: held('ev-4', onDay('2021-04-20')), at: '2021-04-21T08:00:00.000Z', effectiveAt: '2021-04-20' },
    ],
    304,
    D,
    10,
  ),
  ...recorded<EventEvent>(
    eventStream('ev-5'),
    [
      { event: planned('ev-5', [], onDay('2021-04-22'), ['okrug-1']), at: '2021-04-02T08:00:00.000Z' },
      { event: held('ev-5', onDay('2021-04-22'), ['okrug-1']), at: '2021-04-23T08:00:00.000Z', effectiveAt: '2021-04-22' },
    ],
    305,
    D,
    10,
  ),
];

/** The plan's and the events' lives as the log holds them, in position order. */
export const muryginoLog = (): Array<RecordedEvent<PlanEvent | EventEvent>> => [...muryginoPlanLife(), ...muryginoEventLives()].sort((a, b) => a.position - b.position);
