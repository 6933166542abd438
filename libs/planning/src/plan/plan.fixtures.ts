import { AcademicYearStart, academicYearPeriod } from '@app/kernel';
import { inAcademicYear, inMonth } from '@app/events';
import { NO_PLAN_FACTS, PlanFacts } from './plan-facts';
import { DraftPlan, PlanItemInput, PlanTask, planIdOf } from './plan.decider';
import { DEFAULT_ASSESSMENT_SCALE } from './plan-vocabulary';

/*
 * Plans from the annual analyses the departments filed: Murygino's school district No. 3 in
 * 2020/2021, Remontnoye's central district in 2022/2023, Bakhmut's district of НВК № 11 in
 * 2019/2020. Ids are short and readable; texts are the documents' own.
 */

const SEPTEMBER: AcademicYearStart = { month: 9, day: 1 };

export const MURYGINO = {
  department: 'pochinok',
  district3: 'okrug-3',
  murygino: 'murygino-ss', // МБОУ Мурыгинская СШ, the base school
  ryabtsevo: 'ryabtsevo-os', // МБОУ Рябцевская ОШ
  peresnya: 'peresnya-ss', // МБОУ Переснянская СШ
  losnya: 'losnya-ss', // МБОУ Лосненская СШ
  period: academicYearPeriod('2020/2021'),
} as const;
export const MURYGINO_PLAN = planIdOf(MURYGINO.department, MURYGINO.district3, MURYGINO.period);

export const REMONTNOYE = {
  department: 'remontnoye',
  central: 'central',
  gymnasium: 'gymnasium-1', // МБОУ Ремонтненская гимназия № 1, the anchor
  kievka: 'kievka-sosh', // Киевская СОШ
  valuevka: 'valuevka-sosh', // Валуевская СОШ
  kindergarten: 'ds-solnyshko', // a kindergarten of the continuity project
  period: academicYearPeriod('2022/2023'),
} as const;
export const REMONTNOYE_PLAN = planIdOf(REMONTNOYE.department, REMONTNOYE.central, REMONTNOYE.period);

export const BAKHMUT = {
  department: 'bakhmut',
  district11: 'd-11',
  nvk11: 'nvk-11', // НВК № 11, the anchor
  school7: 'school-7', // ЗОШ № 7
  school1: 'school-1', // ЗОШ № 1: joint meetings, not a member
  university: 'gorlivka-university', // Горлівський університет іноземних мов: a partner, not a member
  period: academicYearPeriod('2019/2020'),
} as const;
export const BAKHMUT_PLAN = planIdOf(BAKHMUT.department, BAKHMUT.district11, BAKHMUT.period);

const stay = (networkId: string, institutionId: string, from: string, to: string | null = null) => ({ networkId, institutionId, from, to });

export const muryginoFacts = (overrides: Partial<PlanFacts> = {}): PlanFacts => ({
  ...NO_PLAN_FACTS,
  network: { networkId: MURYGINO.district3, dissolvedOn: null, reportingPeriod: 'academic-year' },
  registeredInstitutionIds: [MURYGINO.murygino, MURYGINO.ryabtsevo, MURYGINO.peresnya, MURYGINO.losnya],
  memberships: [MURYGINO.murygino, MURYGINO.ryabtsevo, MURYGINO.peresnya, MURYGINO.losnya].map((id) => stay(MURYGINO.district3, id, '2019-09-01')),
  yearStart: SEPTEMBER,
  assessmentScale: DEFAULT_ASSESSMENT_SCALE,
  ...overrides,
});

export const remontnoyeFacts = (overrides: Partial<PlanFacts> = {}): PlanFacts => ({
  ...NO_PLAN_FACTS,
  network: { networkId: REMONTNOYE.central, dissolvedOn: null, reportingPeriod: 'academic-year' },
  registeredInstitutionIds: [REMONTNOYE.gymnasium, REMONTNOYE.kievka, REMONTNOYE.valuevka, REMONTNOYE.kindergarten],
  memberships: [REMONTNOYE.gymnasium, REMONTNOYE.kievka, REMONTNOYE.valuevka].map((id) => stay(REMONTNOYE.central, id, '2022-09-01')),
  yearStart: SEPTEMBER,
  ...overrides,
});

export const bakhmutFacts = (overrides: Partial<PlanFacts> = {}): PlanFacts => ({
  ...NO_PLAN_FACTS,
  network: { networkId: BAKHMUT.district11, dissolvedOn: null, reportingPeriod: 'academic-year' },
  registeredInstitutionIds: [BAKHMUT.nvk11, BAKHMUT.school7, BAKHMUT.school1, BAKHMUT.university],
  memberships: [stay(BAKHMUT.district11, BAKHMUT.nvk11, '2017-09-01'), stay(BAKHMUT.district11, BAKHMUT.school7, '2019-09-01')],
  yearStart: SEPTEMBER,
  ...overrides,
});

export const draftOf = (department: string, networkId: string, period: DraftPlan['data']['period'], facts: PlanFacts, today: string, continuesPlanId: string | null = null): DraftPlan => ({
  type: 'DraftPlan',
  data: { planId: planIdOf(department, networkId, period), department, networkId, period, continuesPlanId, today, facts },
});

// ---- Murygino, 2020/2021 ---------------------------------------------------------------------

export const MURYGINO_THEME = 'Качество образования и воспитания в условиях очного, дистанционного и электронного обучения';
export const MURYGINO_GOAL =
  'создание и поддержка единой системы учебной, воспитательной и методической работы; создание единого образовательного пространства для реализации федеральных государственных образовательных стандартов с учетом возможностей образовательных организаций округа';
export const MURYGINO_TASKS: PlanTask[] = [
  'создание единой информационно-образовательной среды для обеспечения образовательной деятельности входящих в округ школ',
  'организация сетевого взаимодействия образовательных учреждений, позволяющего усилить возможности педагогических коллективов',
  'создание организационно-педагогических и методических условий преемственности содержания образования',
  'поддержка одаренных детей через проведение интеллектуальных марафонов, конкурсов, олимпиад',
  'обмен опытом образовательных учреждений округа в условиях реализации ФГОС',
].map((text, i) => ({ taskId: `m-task-${i + 1}`, text, expectedResult: null }));
export const MURYGINO_ACTIVITY_KINDS = [
  'проведение совместных мероприятий',
  'проведение методических мероприятий в целях повышения квалификации педагогов',
  'проведение научно-педагогических и социологических исследований образовательных достижений школьников и достигнутых показателей социализации',
  'составление и опубликование творческих отчетов о деятельности округа',
];

/** "В 2020 – 2021 году запланированы и проведены": three seminars, dated to the year only. */
export const MURYGINO_SEMINARS: PlanItemInput[] = [
  {
    planItemId: 'm-item-1',
    kind: 'seminar',
    topic: 'Организация индивидуальной проектной деятельности обучающихся на уровнях основного общего образования и среднего общего образовании',
    description: 'Семинар руководителей образовательных организаций района, ZOOM',
    when: inAcademicYear('2020/2021'),
    hostIds: [MURYGINO.murygino],
    responsiblePersonId: null,
    audience: ['heads'],
    seriesId: null,
  },
  {
    planItemId: 'm-item-2',
    kind: 'seminar',
    topic: 'Гражданско-патриотическое воспитание на основе краеведческого материала',
    description: 'Семинар для школ образовательного округа № 1, ZOOM',
    when: inAcademicYear('2020/2021'),
    hostIds: [MURYGINO.ryabtsevo],
    responsiblePersonId: null,
    audience: ['teachers'],
    seriesId: null,
  },
  {
    planItemId: 'm-item-3',
    kind: 'practice-oriented-seminar',
    topic: 'Развитие навыков самостоятельной работы обучающихся в условиях очного и дистанционного обучения на уроках естественно-математического цикла',
    description: null,
    when: inAcademicYear('2020/2021'),
    hostIds: [MURYGINO.peresnya],
    responsiblePersonId: null,
    audience: ['teachers'],
    seriesId: null,
  },
];

// ---- Remontnoye, 2022/2023 -------------------------------------------------------------------

export const REMONTNOYE_GOAL =
  'содействие развитию инновационного потенциала образовательных организаций округа, создание эффективных механизмов и условий для развития профессиональной компетентности педагогических кадров';
export const REMONTNOYE_TASKS: PlanTask[] = [
  'ориентация педагогических кадров на принятие новых смыслов деятельности в современных условиях, изменение стиля традиционного педагогического мышления',
  'оказание поддержки педагогическим работникам и руководителям образовательных учреждений в инновационной деятельности, в подготовке работников образования к аттестации',
  'внедрение сетевой организации методической работы за счет целенаправленного привлечения образовательных, информационных, методических, инновационных, кадровых, консультационных ресурсов',
  'обобщение и распространение в рамках округа передового педагогического и управленческого опыта',
].map((text, i) => ({ taskId: `r-task-${i + 1}`, text, expectedResult: null }));
export const REMONTNOYE_PROJECTS = [
  { projectId: 'r-continuity', name: 'Преемственность дошкольного и начального общего образования', goal: null, partnerInstitutionIds: [REMONTNOYE.kindergarten], planItemIds: [], eventIds: [] },
  { projectId: 'r-research', name: 'Система организации научной деятельности учащихся в рамках реализации ФГОС', goal: null, partnerInstitutionIds: [], planItemIds: ['r-item-npk'], eventIds: [] },
];
/** "В начале учебного года ... заключены договоры о взаимодействии." */
export const REMONTNOYE_AGREEMENTS = [
  { agreementId: 'r-agreement-kievka', number: '1', signedOn: '2022-09-01', partyInstitutionIds: [REMONTNOYE.gymnasium, REMONTNOYE.kievka], subject: 'О сетевом взаимодействии', validUntil: '2023-08-31' },
  { agreementId: 'r-agreement-valuevka', number: '2', signedOn: '2022-09-01', partyInstitutionIds: [REMONTNOYE.gymnasium, REMONTNOYE.valuevka], subject: 'О сетевом взаимодействии', validUntil: '2023-08-31' },
];
export const REMONTNOYE_NPK: PlanItemInput = {
  planItemId: 'r-item-npk',
  kind: 'research-practical-conference',
  topic: 'НПК округа: отбор работ для муниципальной конференции',
  description: null,
  when: inAcademicYear('2022/2023'),
  hostIds: [REMONTNOYE.gymnasium],
  responsiblePersonId: 'person-npk-lead',
  audience: ['pupils', 'teachers'],
  seriesId: null,
};
export const REMONTNOYE_SEMINAR: PlanItemInput = {
  planItemId: 'r-item-seminar',
  kind: 'seminar',
  topic: 'Семинар педагогов округа',
  description: null,
  when: inMonth('2022-11'),
  hostIds: [REMONTNOYE.gymnasium],
  responsiblePersonId: null,
  audience: ['teachers'],
  seriesId: null,
};
export const REMONTNOYE_NEXT_GOAL =
  'разработать и апробировать эффективную модель сетевого взаимодействия, обеспечивающую высокое качество образования и развитие ключевых компетенций обучающихся';
export const REMONTNOYE_NEXT_TASKS: PlanTask[] = [
  'Апробировать механизмы, методы и формы сетевого взаимодействия между субъектами образовательных отношений',
  'Расширить возможности для обобщения и тиражирования педагогического опыта в условиях сетевого взаимодействия с образовательными организациями',
].map((text, i) => ({ taskId: `r-next-${i + 1}`, text, expectedResult: null }));

// ---- Bakhmut, 2019/2020 ----------------------------------------------------------------------

export const BAKHMUT_CONCLUSION = 'робота закладів освіти на спільному освітньому середовищі відповідає достатньому рівню, потребує удосконалення';
export const BAKHMUT_PROBLEM = 'конкурування учасників освітнього округу за контингент учнів та педагогічних працівників';
export const BAKHMUT_NEXT_TASKS: PlanTask[] = [
  'Продовжити співпрацю щодо наступності дошкільної освіти та школи, базової та профільної школи',
  'Запровадження інноваційних форм роботи на освітньому окрузі, спрямованих на підвищення якості освітніх послуг та кадрове забезпечення закладів',
].map((text, i) => ({ taskId: `b-next-${i + 1}`, text, expectedResult: null }));
export const BAKHMUT_SECTION = {
  title: 'Співпраця із закладами освіти, які не є членами освітнього округу',
  text: 'На базі ЗОШ № 7 проходять практику студенти Артемівського педагогічного училища, Горлівського університету іноземних мов.',
};
