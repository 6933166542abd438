/**
 * The plans the three sources describe, as the demo loader records them through the plans API.
 * Institutions, networks and events are named by the data set's keys (demo-data.json); texts are
 * the sources' own. The planning module's spec fixtures hold the same facts; the demo keeps its
 * own copy, as it does for everything else it loads.
 */

export interface DemoPlanItem {
  /** The item's key: part of its Idempotency-Key. */
  key: string;
  kind: string;
  topic: string;
  description?: string;
  /** The plan's academic year ("during the year") or a month "YYYY-MM". */
  when: string;
  hosts: string[];
  audience: string[];
  /** The data set's events that realised it (linked with POST /events/{id}/plan-items). */
  heldBy: string[];
}

export interface DemoPlan {
  key: string;
  source: string;
  network: string;
  academicYear: string;
  theme?: string;
  goal?: string;
  tasks: string[];
  activityKinds: string[];
  projects: { name: string; partners: string[]; items: string[] }[];
  agreements: { number: string; signedOn: string; parties: string[]; subject: string; validUntil: string }[];
  items: DemoPlanItem[];
  approval: { approvedOn: string; body: string; decisionNumber?: string; assumed: string };
  /** Absent: the plan stays approved (the source is the plan for the year and its report). */
  closing?: {
    closedOn: string;
    grade: string;
    comment?: string;
    conclusions?: string;
    problems: string[];
    sections: { title: string; text: string }[];
    nextYear: { goal?: string; tasks: string[] };
  };
}

export const DEMO_PLANS: DemoPlan[] = [
  {
    key: 'murygino-district-3-2020-2021',
    source: 'murygino-2020-2021',
    network: 'murygino-district-3',
    academicYear: '2020/2021',
    theme: 'Качество образования и воспитания в условиях очного, дистанционного и электронного обучения',
    goal: 'создание и поддержка единой системы учебной, воспитательной и методической работы; создание единого образовательного пространства для реализации федеральных государственных образовательных стандартов с учетом возможностей образовательных организаций округа',
    tasks: [
      'создание единой информационно-образовательной среды для обеспечения образовательной деятельности входящих в округ школ',
      'организация сетевого взаимодействия образовательных учреждений, позволяющего усилить возможности педагогических коллективов',
      'создание организационно-педагогических и методических условий преемственности содержания образования',
      'поддержка одаренных детей через проведение интеллектуальных марафонов, конкурсов, олимпиад',
      'обмен опытом образовательных учреждений округа в условиях реализации ФГОС',
    ],
    activityKinds: [
      'проведение совместных мероприятий',
      'проведение методических мероприятий в целях повышения квалификации педагогов',
      'проведение научно-педагогических и социологических исследований образовательных достижений школьников и достигнутых показателей социализации',
      'составление и опубликование творческих отчетов о деятельности округа',
    ],
    projects: [],
    agreements: [],
    items: [
      {
        key: 'seminar-of-heads',
        kind: 'seminar',
        topic: 'Организация индивидуальной проектной деятельности обучающихся на уровнях основного общего образования и среднего общего образовании',
        description: 'Семинар руководителей образовательных организаций района, ZOOM',
        when: '2020/2021',
        hosts: ['murygino-murygino-ss'],
        audience: ['heads'],
        heldBy: ['murygino-seminar-of-heads'],
      },
      {
        key: 'seminar-for-district-1',
        kind: 'seminar',
        topic: 'Гражданско-патриотическое воспитание на основе краеведческого материала',
        description: 'Семинар для школ образовательного округа № 1, ZOOM',
        when: '2020/2021',
        hosts: ['murygino-ryabtsevo-os'],
        audience: ['teachers'],
        heldBy: ['murygino-seminar-for-district-1'],
      },
      {
        key: 'practice-oriented-seminar',
        kind: 'practice-oriented-seminar',
        topic: 'Развитие навыков самостоятельной работы обучающихся в условиях очного и дистанционного обучения на уроках естественно-математического цикла',
        when: '2020/2021',
        hosts: ['murygino-peresna-ss'],
        audience: ['teachers'],
        heldBy: ['murygino-practice-oriented-seminar'],
      },
    ],
    approval: { approvedOn: '2020-09-01', body: 'совет руководителей округа', assumed: 'the source does not say who approved the plan or when' },
  },
  {
    key: 'remontnoye-central-district-2022-2023',
    source: 'remontnoye-2022-2023',
    network: 'remontnoye-central-district',
    academicYear: '2022/2023',
    goal: 'содействие развитию инновационного потенциала образовательных организаций округа, создание эффективных механизмов и условий для развития профессиональной компетентности педагогических кадров',
    tasks: [
      'ориентация педагогических кадров на принятие новых смыслов деятельности в современных условиях, изменение стиля традиционного педагогического мышления',
      'оказание поддержки педагогическим работникам и руководителям образовательных учреждений в инновационной деятельности, в подготовке работников образования к аттестации',
      'внедрение сетевой организации методической работы за счет целенаправленного привлечения образовательных, информационных, методических, инновационных, кадровых, консультационных ресурсов',
      'обобщение и распространение в рамках округа передового педагогического и управленческого опыта',
    ],
    activityKinds: [],
    projects: [
      { name: 'Преемственность дошкольного и начального общего образования', partners: [], items: [] },
      { name: 'Система организации научной деятельности учащихся в рамках реализации ФГОС', partners: [], items: ['research-conference'] },
    ],
    agreements: [
      { number: '1', signedOn: '2022-09-01', parties: ['remontnoye-gymnasium-1', 'remontnoye-kievka-sosh'], subject: 'О сетевом взаимодействии', validUntil: '2023-08-31' },
      { number: '2', signedOn: '2022-09-01', parties: ['remontnoye-gymnasium-1', 'remontnoye-valuevka-sosh'], subject: 'О сетевом взаимодействии', validUntil: '2023-08-31' },
    ],
    items: [
      {
        key: 'research-conference',
        kind: 'research-practical-conference',
        topic: 'Научно-практическая конференция в рамках округа',
        when: '2022/2023',
        hosts: ['remontnoye-gymnasium-1'],
        audience: ['pupils'],
        heldBy: ['remontnoye-research-conference'],
      },
      {
        key: 'november-seminar',
        kind: 'seminar',
        topic: 'Семинар',
        when: '2022-11',
        hosts: [],
        audience: ['teachers'],
        heldBy: ['remontnoye-november-seminar'],
      },
    ],
    approval: { approvedOn: '2022-09-01', body: 'совет округа', assumed: 'the source does not say who approved the plan or when' },
    closing: {
      closedOn: '2023-06-30',
      grade: 'satisfactory',
      problems: [],
      sections: [],
      nextYear: {
        goal: 'разработать и апробировать эффективную модель сетевого взаимодействия, обеспечивающую высокое качество образования и развитие ключевых компетенций обучающихся',
        tasks: [
          'Апробировать механизмы, методы и формы сетевого взаимодействия между субъектами образовательных отношений',
          'Расширить возможности для обобщения и тиражирования педагогического опыта в условиях сетевого взаимодействия с образовательными организациями',
        ],
      },
    },
  },
  {
    key: 'bakhmut-district-nvk-11-2019-2020',
    source: 'bakhmut-2019-2020',
    network: 'bakhmut-district-nvk-11',
    academicYear: '2019/2020',
    goal: 'створення єдиного освітнього простору, системи взаємодії закладів щодо підвищення якості освітніх послуг, збереження учнівського контингенту',
    tasks: [],
    activityKinds: [],
    projects: [],
    agreements: [],
    items: [],
    approval: { approvedOn: '2019-09-01', body: 'рада освітнього округу', assumed: 'the source gives only the closing; the plan itself is not in it' },
    closing: {
      closedOn: '2020-06-30',
      grade: 'sufficient',
      comment: 'потребує удосконалення',
      conclusions: 'робота закладів освіти на спільному освітньому середовищі відповідає достатньому рівню, потребує удосконалення',
      problems: ['конкурування учасників освітнього округу за контингент учнів та педагогічних працівників'],
      sections: [
        {
          title: 'Співпраця із закладами освіти, які не є членами освітнього округу',
          text: 'На базі ЗОШ № 7 проходять практику студенти Артемівського педагогічного училища, Горлівського університету іноземних мов.',
        },
      ],
      nextYear: {
        tasks: [
          'Продовжити співпрацю щодо наступності дошкільної освіти та школи, базової та профільної школи',
          'Запровадження інноваційних форм роботи на освітньому окрузі, спрямованих на підвищення якості освітніх послуг та кадрове забезпечення закладів',
        ],
      },
    },
  },
];
