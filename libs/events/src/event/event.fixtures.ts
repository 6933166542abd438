import { EventFacts, MembershipFacts, NetworkFacts } from './event-facts';
import { When, inAcademicYear, inMonth } from './when';
import { EventDetails, EventPlanned, PlanEvent } from './event.decider';

/*
 * Events from the annual analyses the departments filed: Murygino's school district No. 3 in
 * 2020/2021, Bakhmut's district of НВК № 11 in 2019/2020, Remontnoye's central district in
 * 2022/2023. Ids are short and readable; names are the documents' own.
 */

export const MURYGINO = {
  department: 'pochinok',
  district3: 'okrug-3',
  district1: 'okrug-1',
  murygino: 'murygino-ss', // МБОУ Мурыгинская СШ, the anchor
  ryabtsevo: 'ryabtsevo-os', // МБОУ Рябцевская ОШ
  peresnya: 'peresnya-ss', // МБОУ Переснянская СШ
  losnya: 'losnya-ss', // МБОУ Лосненская СШ
  kindergarten21: 'mbdou-21', // МБ ДОУ детский сад № 21
  website: 'http://murigino-poch.gov67.ru/leftmenu/setevoe-vzaimodejstvie-1-obrazovatelnyj-okrug-oo-mo-pochinko/',
} as const;

export const BAKHMUT = {
  department: 'bakhmut',
  district11: 'd-11',
  nvk11: 'nvk-11', // НВК № 11, the anchor
  school7: 'school-7', // ЗОШ № 7
  school1: 'school-1', // ЗОШ № 1: joint meetings, not a member
  dnz25: 'dnz-25', // ДНЗ № 25: not a member
  dnz36: 'dnz-36', // ДНЗ № 36: not a member
  university: 'gorlivka-university', // Горлівський університет іноземних мов: a partner, not a member
} as const;

export const REMONTNOYE = {
  department: 'remontnoye',
  central: 'central',
  gymnasium: 'gymnasium-1', // МБОУ Ремонтненская гимназия № 1, the anchor
  kievka: 'kievka-sosh', // Киевская СОШ
  valuevka: 'valuevka-sosh', // Валуевская СОШ
} as const;

const stay = (networkId: string, institutionId: string, from: string, to: string | null = null): MembershipFacts => ({ networkId, institutionId, from, to });

/** What a prepare step finds for Murygino's events (district 1 named as an audience). */
export const muryginoFacts = (overrides: Partial<EventFacts> = {}): EventFacts => ({
  networks: [
    { networkId: MURYGINO.district3, dissolvedOn: null },
    { networkId: MURYGINO.district1, dissolvedOn: null },
  ],
  registeredInstitutionIds: [MURYGINO.murygino, MURYGINO.ryabtsevo, MURYGINO.peresnya, MURYGINO.losnya, MURYGINO.kindergarten21],
  memberships: [
    stay(MURYGINO.district3, MURYGINO.murygino, '2019-09-01'),
    stay(MURYGINO.district3, MURYGINO.ryabtsevo, '2019-09-01'),
    stay(MURYGINO.district3, MURYGINO.peresnya, '2019-09-01'),
    stay(MURYGINO.district3, MURYGINO.losnya, '2019-09-01'),
    stay(MURYGINO.district3, MURYGINO.kindergarten21, '2019-09-01'),
  ],
  series: null,
  yearStart: { month: 9, day: 1 },
  ...overrides,
});

/** Bakhmut after the 2019 redistribution: ЗОШ № 7 joined the district of НВК № 11 on 1 September 2019. */
export const bakhmutFacts = (overrides: Partial<EventFacts> = {}): EventFacts => ({
  networks: [{ networkId: BAKHMUT.district11, dissolvedOn: null } satisfies NetworkFacts],
  registeredInstitutionIds: Object.values(BAKHMUT).filter((id) => id !== BAKHMUT.department && id !== BAKHMUT.district11),
  memberships: [stay(BAKHMUT.district11, BAKHMUT.nvk11, '2017-09-01'), stay(BAKHMUT.district11, BAKHMUT.school7, '2019-09-01')],
  series: null,
  yearStart: { month: 9, day: 1 },
  ...overrides,
});

export const remontnoyeFacts = (overrides: Partial<EventFacts> = {}): EventFacts => ({
  networks: [{ networkId: REMONTNOYE.central, dissolvedOn: null }],
  registeredInstitutionIds: [REMONTNOYE.gymnasium, REMONTNOYE.kievka, REMONTNOYE.valuevka],
  memberships: [
    stay(REMONTNOYE.central, REMONTNOYE.gymnasium, '2022-09-01'),
    stay(REMONTNOYE.central, REMONTNOYE.kievka, '2022-09-01'),
    stay(REMONTNOYE.central, REMONTNOYE.valuevka, '2022-09-01'),
  ],
  series: null,
  yearStart: { month: 9, day: 1 },
  ...overrides,
});

const details = (overrides: Partial<EventDetails>): EventDetails => ({
  kind: 'seminar',
  topic: '',
  description: null,
  networkIds: [],
  audienceNetworkIds: [],
  hostIds: [],
  format: { mode: 'in-person', platform: null, link: null },
  level: 'network',
  audience: [],
  people: [],
  seriesId: null,
  ...overrides,
});

/** "Семинар руководителей образовательных организаций района ... ZOOM на базе МБОУ Мурыгинской СШ". */
export const muryginoHeadsSeminar = (when: When = inAcademicYear('2020/2021')): PlanEvent => ({
  type: 'PlanEvent',
  data: {
    eventId: 'ev-murygino-1',
    department: MURYGINO.department,
    when,
    planItemIds: [],
    today: '2020-09-15',
    facts: muryginoFacts(),
    ...details({
      topic:
        'Организация индивидуальной проектной деятельности обучающихся на уровнях основного общего образования и среднего общего образовании',
      networkIds: [MURYGINO.district3],
      hostIds: [MURYGINO.murygino],
      format: { mode: 'online', platform: 'ZOOM', link: null },
      level: 'municipal',
      audience: ['heads'],
    }),
  },
});

/** "Семинар для школ образовательного округа №1 ... ZOOM ... на базе МБОУ Рябцевской ОШ". */
export const muryginoSeminarForDistrict1 = (): PlanEvent => ({
  type: 'PlanEvent',
  data: {
    eventId: 'ev-murygino-2',
    department: MURYGINO.department,
    when: inAcademicYear('2020/2021'),
    planItemIds: [],
    today: '2020-09-15',
    facts: muryginoFacts(),
    ...details({
      topic: 'Гражданско-патриотическое воспитание на основе краеведческого материала',
      networkIds: [MURYGINO.district3],
      audienceNetworkIds: [MURYGINO.district1],
      hostIds: [MURYGINO.ryabtsevo],
      format: { mode: 'online', platform: 'ZOOM', link: null },
      audience: ['teachers'],
    }),
  },
});

/** "За участю дошкільних навчальних закладів №25, 36 проведено педконсиліум з адаптації першокласників". */
export const bakhmutConsilium = (): PlanEvent => ({
  type: 'PlanEvent',
  data: {
    eventId: 'ev-bakhmut-consilium',
    department: BAKHMUT.department,
    when: inAcademicYear('2019/2020'),
    planItemIds: [],
    today: '2019-09-10',
    facts: bakhmutFacts(),
    ...details({
      kind: 'pedagogical-council',
      topic: 'Адаптація першокласників',
      networkIds: [BAKHMUT.district11],
      hostIds: [BAKHMUT.school7],
      audience: ['teachers', 'preschoolers'],
    }),
  },
});

/** "В ... семинаре в ноябре приняли участие педагоги ... гимназии, Киевской СОШ, Валуевской СОШ." */
export const remontnoyeNovemberSeminar = (): PlanEvent => ({
  type: 'PlanEvent',
  data: {
    eventId: 'ev-remontnoye-seminar',
    department: REMONTNOYE.department,
    when: inMonth('2022-11'),
    planItemIds: [],
    today: '2022-09-20',
    facts: remontnoyeFacts(),
    ...details({ topic: 'Семинар педагогов округа', networkIds: [REMONTNOYE.central], hostIds: [REMONTNOYE.gymnasium], audience: ['teachers'] }),
  },
});

/** The event a plan command records (with its hosts all members). */
export const plannedFrom = (command: PlanEvent, outsideHostIds: string[] = []): EventPlanned => {
  const { today: _today, facts: _facts, ...data } = command.data;
  return { type: 'EventPlanned', data: { ...data, outsideHostIds } };
};
