import { academicYearPeriod, calendarYearPeriod } from '@app/kernel';
import { EventKind, When, inAcademicYear, inMonth, onDay, onDays } from '@app/events';
import type { PlanClosing } from '@app/planning';
import type { AnnualAnalysisFacts, HeldEventFact } from './annual-analysis-facts';

/*
 * Facts of annual analyses written by hand, for the composer's specs: a Ukrainian educational
 * district in 2020/2021 (invented, not one of the seeds) with a closed plan, events of every
 * precision, changes of its composition and an outside partner; a council of heads that reports
 * by calendar year; a network with nothing recorded.
 */

export const ID = {
  network: '0190a000-0000-7000-8000-000000000001',
  previousNetwork: '0190a000-0000-7000-8000-000000000002',
  audienceNetwork: '0190a000-0000-7000-8000-000000000003',
  council: '0190a000-0000-7000-8000-000000000004',
  lyceum: '0190a000-0000-7000-8000-0000000000a1',
  school12: '0190a000-0000-7000-8000-0000000000a2',
  school3: '0190a000-0000-7000-8000-0000000000a3',
  kindergarten: '0190a000-0000-7000-8000-0000000000a4',
  university: '0190a000-0000-7000-8000-0000000000a5',
  school9: '0190a000-0000-7000-8000-0000000000a6',
  head: '0190a000-0000-7000-8000-0000000000b1',
  plan: '0190a000-0000-7000-8000-0000000000c1',
  task1: '0190a000-0000-7000-8000-0000000000d1',
  task2: '0190a000-0000-7000-8000-0000000000d2',
  item1: '0190a000-0000-7000-8000-0000000000e1',
  item2: '0190a000-0000-7000-8000-0000000000e2',
  item3: '0190a000-0000-7000-8000-0000000000e3',
  project: '0190a000-0000-7000-8000-0000000000f1',
  agreement: '0190a000-0000-7000-8000-0000000000f2',
} as const;

export const eventId = (n: number): string => `0190a000-0000-7000-8000-0000000010${String(n).padStart(2, '0')}`;

/** A held event of the district, in person with no one counted unless told otherwise. */
export const heldEvent = (n: number, kind: EventKind, topic: string, when: When, over: Partial<HeldEventFact> = {}): HeldEventFact => ({
  eventId: eventId(n),
  kind,
  topic,
  description: null,
  when,
  format: { mode: 'in-person', platform: null, link: null },
  level: 'network',
  audience: [],
  audienceNetworkIds: [],
  hostIds: [],
  outsideHostIds: [],
  planItemIds: [],
  seriesId: null,
  counts: {},
  participantIds: [],
  outsideParticipantIds: [],
  outcome: null,
  publications: [],
  ...over,
});

const SITE = 'https://lyceum4.example.org/okrug';

export const closing: PlanClosing = {
  assessment: { grade: 'sufficient', label: { uk: 'достатній рівень', ru: 'достаточный уровень', en: 'sufficient' }, comment: 'потребує удосконалення' },
  conclusions: 'Співпраця закладів округу сприяла підвищенню якості освітніх послуг.',
  problems: ['недостатнє забезпечення закладів швидкісним інтернетом'],
  taskResults: [
    { taskId: ID.task1, result: 'done', reason: null },
    { taskId: ID.task2, result: 'partly-done', reason: 'карантинні обмеження' },
  ],
  sections: [{ title: 'Ресурсне забезпечення', text: 'Заклади округу спільно використовують спортивний зал ліцею.' }],
  nextYear: { goal: 'Розбудова мережі дистанційного навчання', tasks: [{ taskId: 'n1', text: 'Провести спільну олімпіаду', expectedResult: null }] },
  itemResolutions: [],
};

/** The district of 2020/2021, closed: the facts every language is composed from. */
export const districtFacts = (): AnnualAnalysisFacts => ({
  department: 'sample-city',
  period: academicYearPeriod('2020/2021'),
  days: { from: '2020-09-01', to: '2021-08-31' },
  yearStart: { month: 9, day: 1 },
  basis: { position: 4242, asOf: null, gatheredOn: '2021-10-25' },
  network: {
    networkId: ID.network,
    name: 'Освітній округ № 2',
    kind: 'educational-district',
    number: '2',
    reportingPeriod: 'academic-year',
    status: 'active',
    dissolvedOn: null,
  },
  composition: {
    on: '2021-08-31',
    anchor: { institutionId: ID.lyceum, since: '2019-09-01' },
    head: { personId: ID.head, position: 'Керівник округу, директор Ліцею № 4', since: '2019-09-01', name: 'Н. В. Коваль', erased: false },
    members: [
      { institutionId: ID.lyceum, role: 'anchor', since: '2019-09-01' },
      { institutionId: ID.school12, role: 'member', since: '2021-01-11' },
      { institutionId: ID.school3, role: 'member', since: '2019-09-01' },
      { institutionId: ID.kindergarten, role: 'partner', since: '2019-09-01' },
    ],
  },
  changes: [
    { change: 'moved-out', on: '2020-09-01', institutionId: ID.school9, role: 'member', otherNetworkId: ID.previousNetwork, by: 'transfer', reason: 'За рішенням управління освіти про новий розподіл округів', recordedAt: '2020-08-20T09:00:00Z' },
    { change: 'joined', on: '2021-01-11', institutionId: ID.school12, role: 'member', otherNetworkId: null, by: null, reason: 'За ініціативою закладу', recordedAt: '2021-01-05T09:00:00Z' },
    { change: 'role-changed', on: '2021-02-01', institutionId: ID.kindergarten, role: 'partner', otherNetworkId: null, by: null, reason: null, recordedAt: '2021-01-20T09:00:00Z' },
  ],
  plan: {
    planId: ID.plan,
    status: 'closed',
    revision: 1,
    content: {
      theme: 'Формування ключових компетентностей учнів в умовах змішаного навчання',
      goal: 'Створення єдиного освітнього простору округу',
      tasks: [
        { taskId: ID.task1, text: 'Організувати спільні методичні заходи', expectedResult: null },
        { taskId: ID.task2, text: 'Запровадити дистанційні курси для учнів', expectedResult: 'курси на платформі округу' },
      ],
      activityKinds: ['проведення спільних заходів'],
      projects: [{ projectId: ID.project, name: 'Наступність', goal: 'плавний перехід дітей зі ЗДО до школи', partnerInstitutionIds: [ID.kindergarten], planItemIds: [ID.item1], eventIds: [] }],
      agreements: [{ agreementId: ID.agreement, number: '7', signedOn: '2020-09-01', partyInstitutionIds: [ID.lyceum, ID.university], subject: 'Про співпрацю', validUntil: '2023-08-31' }],
    },
    items: [
      { planItemId: ID.item1, kind: 'seminar', topic: 'Формувальне оцінювання', description: null, when: inMonth('2020-10'), hostIds: [ID.lyceum], responsiblePersonId: null, audience: ['teachers'], seriesId: null, outsideHostIds: [], carriedOverFrom: null },
      { planItemId: ID.item2, kind: 'open-door-day', topic: 'День відкритих дверей ліцею', description: null, when: inMonth('2021-04'), hostIds: [ID.lyceum], responsiblePersonId: null, audience: ['parents'], seriesId: null, outsideHostIds: [], carriedOverFrom: null },
      { planItemId: ID.item3, kind: 'contest', topic: 'Учнівські наукові проєкти', description: null, when: inAcademicYear('2020/2021'), hostIds: [], responsiblePersonId: null, audience: ['pupils'], seriesId: null, outsideHostIds: [], carriedOverFrom: null },
    ],
    closedOn: '2021-06-30',
    closing,
  },
  fulfilment: [
    { planItemId: ID.item1, kind: 'seminar', topic: 'Формувальне оцінювання', plannedWhen: inMonth('2020-10'), status: 'held', reason: null, heldEventIds: [eventId(1)] },
    { planItemId: ID.item2, kind: 'open-door-day', topic: 'День відкритих дверей ліцею', plannedWhen: inMonth('2021-04'), status: 'cancelled', reason: 'карантин', heldEventIds: [] },
    { planItemId: ID.item3, kind: 'contest', topic: 'Учнівські наукові проєкти', plannedWhen: inAcademicYear('2020/2021'), status: 'carried-over', reason: null, heldEventIds: [] },
  ],
  eventsHeld: [
    heldEvent(1, 'seminar', 'Формувальне оцінювання', onDay('2020-10-15', '14:00', '16:00'), {
      format: { mode: 'online', platform: 'Zoom', link: null },
      audience: ['teachers'],
      hostIds: [ID.lyceum],
      planItemIds: [ID.item1],
      counts: { teachers: 23 },
      participantIds: [ID.lyceum, ID.school3],
      publications: [{ url: SITE, title: 'Сайт ліцею' }],
    }),
    heldEvent(2, 'practice-oriented-seminar', 'Наступність початкової та базової школи', onDays('2021-03-15', '2021-03-17'), {
      hostIds: [ID.school12],
      audienceNetworkIds: [ID.audienceNetwork],
      counts: { teachers: 3, pupils: 21 },
      publications: [{ url: SITE, title: null }],
    }),
    heldEvent(3, 'seminar', 'Цифрові інструменти вчителя', inMonth('2021-03'), {
      format: { mode: 'hybrid', platform: 'Google Meet', link: null },
      hostIds: [ID.university],
      outsideHostIds: [ID.university],
    }),
    heldEvent(4, 'master-class', 'Майстер-клас з робототехніки', inAcademicYear('2020/2021'), {
      hostIds: [ID.school3],
      participantIds: [ID.school3, ID.university],
      outsideParticipantIds: [ID.university],
      outcome: 'Учні підготували три проєкти на міський конкурс.',
    }),
  ],
  otherEvents: {},
  participation: {
    events: 4,
    participants: 47,
    byCategory: [
      { category: 'pupils', count: 21 },
      { category: 'teachers', count: 26 },
    ],
    byKind: [
      { kind: 'seminar', events: 2 },
      { kind: 'practice-oriented-seminar', events: 1 },
      { kind: 'master-class', events: 1 },
    ],
  },
  institutions: {
    [ID.lyceum]: { shortName: 'Ліцей № 4', fullName: 'Ліцей № 4 міської ради', kind: 'lyceum' },
    [ID.school12]: { shortName: 'ЗЗСО № 12', fullName: 'Заклад загальної середньої освіти № 12', kind: 'general-school' },
    [ID.school3]: { shortName: 'Гімназія № 3', fullName: 'Гімназія № 3 міської ради', kind: 'gymnasium' },
    [ID.kindergarten]: { shortName: 'ЗДО № 7', fullName: 'Заклад дошкільної освіти № 7', kind: 'kindergarten' },
    [ID.university]: { shortName: 'Педагогічний університет', fullName: 'Державний педагогічний університет', kind: 'university' },
    [ID.school9]: { shortName: 'ЗЗСО № 9', fullName: 'Заклад загальної середньої освіти № 9', kind: 'general-school' },
  },
  networks: {
    [ID.previousNetwork]: { name: 'Освітній округ № 1', kind: 'educational-district', number: '1' },
    [ID.audienceNetwork]: { name: 'Освітній округ № 3', kind: 'educational-district', number: '3' },
  },
});

/** A council of heads that reports by calendar year: 2021, approved, nothing closed yet, five seminars. */
export const councilFacts = (): AnnualAnalysisFacts => {
  const seminars = [1, 2, 3, 4, 5].map((n) => heldEvent(n, 'seminar', `Нарада керівників № ${n}`, inMonth(`2021-0${n}`), { hostIds: [ID.lyceum] }));
  return {
    department: 'sample-city',
    period: calendarYearPeriod(2021),
    days: { from: '2021-01-01', to: '2021-12-31' },
    yearStart: { month: 9, day: 1 },
    basis: { position: 77, asOf: null, gatheredOn: '2021-07-01' },
    network: { networkId: ID.council, name: 'Рада керівників закладів освіти', kind: 'council-of-heads', number: null, reportingPeriod: 'calendar-year', status: 'active', dissolvedOn: null },
    composition: { on: '2021-12-31', anchor: null, head: null, members: [{ institutionId: ID.lyceum, role: 'member', since: '2020-01-01' }] },
    changes: [],
    plan: null,
    fulfilment: [],
    eventsHeld: seminars,
    otherEvents: {},
    participation: { events: 5, participants: 0, byCategory: [], byKind: [{ kind: 'seminar', events: 5 }] },
    institutions: { [ID.lyceum]: { shortName: 'Ліцей № 4', fullName: 'Ліцей № 4 міської ради', kind: 'lyceum' } },
    networks: {},
  };
};

/** A network with nothing recorded for the period: no members, no head, no plan, no events. */
export const emptyFacts = (): AnnualAnalysisFacts => ({
  ...councilFacts(),
  network: { networkId: ID.network, name: 'Освітній округ № 8', kind: 'educational-district', number: '8', reportingPeriod: 'academic-year', status: 'active', dissolvedOn: null },
  period: academicYearPeriod('2021/2022'),
  days: { from: '2021-09-01', to: '2022-08-31' },
  composition: { on: '2022-08-31', anchor: null, head: null, members: [] },
  eventsHeld: [],
  participation: { events: 0, participants: 0, byCategory: [], byKind: [] },
  institutions: {},
});
