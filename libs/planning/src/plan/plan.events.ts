import {
  EntityRef,
  EventContracts,
  IsoDate,
  LocalText,
  ReportingPeriod,
  deterministicId,
  eventTypes,
  printReportingPeriodIn,
  reportingPeriodLabel,
  streamName,
} from '@app/kernel';
import { AudienceCategory, EVENT_KIND_LABELS, EventKind, When, printWhenIn } from '@app/events';
import { ItemResolutionKind, TaskResult } from './plan-vocabulary';

export * from './plan-vocabulary';

/**
 * The id of a network's plan for a period, derived from the department, the network and the
 * period: one plan per network and period is then a fact of the store, not of a read model.
 * Two drafts of the same plan land on the same stream (`Plan-<id>`), and the second finds it
 * drafted (`plan-already-drafted`), however many writers race: the append of the loser fails
 * on the stream's revision and is decided again.
 */
export const planIdOf = (department: string, networkId: string, period: ReportingPeriod): string =>
  deterministicId('plan', department, networkId, reportingPeriodLabel(period));

/** Stream of one plan. */
export const planStream = (planId: string): string => streamName('Plan', planId);

/** The id a carried-over item gets in next year's plan: derived, so drafting again gives the same. */
export const carriedOverItemIdOf = (planId: string, fromPlanItemId: string): string => deterministicId('plan-item', planId, fromPlanItemId);

// ---- what a plan holds ---------------------------------------------------------------------

/** A task of the year ("организация сетевого взаимодействия..."), in the plan's order. */
export interface PlanTask {
  taskId: string;
  text: string;
  expectedResult: string | null;
}

/** A project of several events ("Преемственность дошкольного и начального общего образования"). */
export interface NetworkProject {
  projectId: string;
  name: string;
  goal: string | null;
  /** Institutions that take part besides the network's members (registered institutions). */
  partnerInstitutionIds: string[];
  /** The plan's items that belong to it. */
  planItemIds: string[];
  /** Events of the events module that belong to it (recorded ones). */
  eventIds: string[];
}

/** A cooperation agreement ("заключены договоры о взаимодействии"); the parties are registered institutions. */
export interface CooperationAgreement {
  agreementId: string;
  number: string | null;
  signedOn: IsoDate | null;
  partyInstitutionIds: string[];
  subject: string;
  validUntil: IsoDate | null;
}

/** The plan's text besides its planned events. */
export interface PlanContent {
  /** The methodological theme of the year. */
  theme: string | null;
  goal: string | null;
  tasks: PlanTask[];
  /** The kinds of activity the anchor carries out ("проведение совместных мероприятий"). */
  activityKinds: string[];
  projects: NetworkProject[];
  agreements: CooperationAgreement[];
}
export const PLAN_CONTENT_FIELDS = ['theme', 'goal', 'tasks', 'activityKinds', 'projects', 'agreements'] as const;

export const EMPTY_CONTENT: PlanContent = Object.freeze({ theme: null, goal: null, tasks: [], activityKinds: [], projects: [], agreements: [] }) as PlanContent;

/** What a planned event says, as the department writes it. */
export interface PlanItemFields {
  kind: EventKind;
  topic: string;
  description: string | null;
  /** A date, a month, or "during the year" (the plan's academic or calendar year); within the plan's period. */
  when: When;
  /** Where or by whom it is held: registered institutions, members or not. */
  hostIds: string[];
  /** The person responsible, by id: the name is in the personal-data vault. */
  responsiblePersonId: string | null;
  audience: AudienceCategory[];
  /** The recurring event it is one of (events module), if any. */
  seriesId: string | null;
}
export const PLAN_ITEM_FIELDS = ['kind', 'topic', 'description', 'when', 'hostIds', 'responsiblePersonId', 'audience', 'seriesId'] as const;

/** A planned event as recorded: its fields, the outside-host verdict and where it was carried over from. */
export interface PlanItem extends PlanItemFields {
  planItemId: string;
  /** The hosts that were not members of the plan's network on the item's date (its first possible day): outside hosts, accepted and marked. */
  outsideHostIds: string[];
  /** The item of last year's plan it continues, when it was carried over. */
  carriedOverFrom: { planId: string; planItemId: string } | null;
}

/** Who approved the plan (or an amendment), when, and by which decision. */
export interface PlanApproval {
  approvedOn: IsoDate;
  /** A person by id (a head of the department), a body by name ("педагогічна рада", "совет руководителей"), or both. */
  approvedBy: { personId: string | null; body: string | null };
  /** The decision, order or protocol ("протокол № 1"). */
  decisionNumber: string | null;
}

export interface Assessment {
  grade: string;
  /** The grade's words on the scale when it was chosen. */
  label: LocalText;
  /** What the department adds ("потребує удосконалення"). */
  comment: string | null;
}

export interface TaskOutcome {
  taskId: string;
  result: TaskResult;
  /** Why it was done only partly or not at all (required then). */
  reason: string | null;
}

/** What became of a planned event. */
export type ItemResolution =
  | { planItemId: string; resolution: Extract<ItemResolutionKind, 'held'>; eventIds: string[] }
  | { planItemId: string; resolution: Extract<ItemResolutionKind, 'cancelled'>; reason: string }
  | { planItemId: string; resolution: Extract<ItemResolutionKind, 'carried-over'>; reason: string | null };

/** A section the department writes for its analysis ("Співпраця із закладами, які не є членами округу"). */
export interface PlanSection {
  title: string;
  text: string;
}

/** What closing a plan records: the year's assessment and what follows from it. */
export interface PlanClosing {
  assessment: Assessment;
  conclusions: string | null;
  problems: string[];
  taskResults: TaskOutcome[];
  sections: PlanSection[];
  /** Next year's goal ("перспективная цель") and tasks: next year's plan starts from them. */
  nextYear: { goal: string | null; tasks: PlanTask[] };
  itemResolutions: ItemResolution[];
}
export const PLAN_CLOSING_FIELDS = ['assessment', 'conclusions', 'problems', 'taskResults', 'sections', 'nextYear', 'itemResolutions'] as const;

/** The changes of an item, with its values before. */
export interface PlanItemChange {
  planItemId: string;
  changes: Partial<PlanItemFields & { outsideHostIds: string[] }>;
  previous: Partial<PlanItemFields & { outsideHostIds: string[] }>;
}

/** An item taken out, and the projects it was taken out of. */
export interface PlanItemRemoval {
  planItemId: string;
  projectIds: string[];
}

// ---- events ----------------------------------------------------------------------------------

/*
 * Every event of a plan's stream names the plan's network, so a network's history finds it
 * without reading the stream.
 */

export type PlanDrafted = {
  type: 'PlanDrafted';
  data: {
    planId: string;
    department: string;
    networkId: string;
    period: ReportingPeriod;
    /** Last year's plan it continues: its next-year goal and tasks and its carried-over items are this draft's start. */
    continuesPlanId: string | null;
    content: PlanContent;
    items: PlanItem[];
  };
};
export type PlanContentEdited = {
  type: 'PlanContentEdited';
  data: { planId: string; networkId: string; changes: Partial<PlanContent>; previous: Partial<PlanContent> };
};
export type PlanItemAdded = { type: 'PlanItemAdded'; data: { planId: string; networkId: string; item: PlanItem } };
export type PlanItemChanged = { type: 'PlanItemChanged'; data: { planId: string; networkId: string } & PlanItemChange };
export type PlanItemRemoved = { type: 'PlanItemRemoved'; data: { planId: string; networkId: string } & PlanItemRemoval };
/** The draft approved: revision 1 of the plan's approved text. */
export type PlanApproved = { type: 'PlanApproved'; data: { planId: string; networkId: string; revision: number; approval: PlanApproval } };
/** An approved plan changed: a new revision, with its reason and approval, and every change it made. */
export type PlanAmended = {
  type: 'PlanAmended';
  data: {
    planId: string;
    networkId: string;
    revision: number;
    reason: string;
    approval: PlanApproval;
    content: { changes: Partial<PlanContent>; previous: Partial<PlanContent> };
    addedItems: PlanItem[];
    changedItems: PlanItemChange[];
    removedItems: PlanItemRemoval[];
  };
};
export type PlanClosed = { type: 'PlanClosed'; data: { planId: string; networkId: string; closedOn: IsoDate } & PlanClosing };
/** A closed plan corrected: its closing or its text, always with a reason; the values replaced in `previous`. */
export type PlanCorrected = {
  type: 'PlanCorrected';
  data: { planId: string; networkId: string; reason: string; corrections: Partial<PlanClosing & PlanContent>; previous: Partial<PlanClosing & PlanContent> };
};

/** Every event of a plan's stream (`Plan-<plan id>`). */
export type PlanEvent =
  | PlanDrafted
  | PlanContentEdited
  | PlanItemAdded
  | PlanItemChanged
  | PlanItemRemoved
  | PlanApproved
  | PlanAmended
  | PlanClosed
  | PlanCorrected;

// ---- contracts -------------------------------------------------------------------------------

const ref = (kind: EntityRef['kind']) => (id: string): EntityRef => ({ kind, id });
const plan = ref('plan');
const planItem = ref('plan-item');
const network = ref('network');
const institution = ref('institution');
const person = ref('person');
const event = ref('event');
const series = ref('event-series');

/** The refs, each once, in the order first named. */
const unique = (refs: EntityRef[]): EntityRef[] => {
  const seen = new Set<string>();
  return refs.filter((r) => (seen.has(`${r.kind}:${r.id}`) ? false : (seen.add(`${r.kind}:${r.id}`), true)));
};

/** Everything a plan's text names. */
const namedByContent = (content: Partial<PlanContent>): EntityRef[] => [
  ...(content.projects ?? []).flatMap((p) => [...p.partnerInstitutionIds.map(institution), ...p.planItemIds.map(planItem), ...p.eventIds.map(event)]),
  ...(content.agreements ?? []).flatMap((a) => a.partyInstitutionIds.map(institution)),
];
/** Everything (a part of) an item names. */
const namedByItem = (item: Partial<PlanItem>): EntityRef[] => [
  ...(item.planItemId ? [planItem(item.planItemId)] : []),
  ...(item.hostIds ?? []).map(institution),
  ...(item.responsiblePersonId ? [person(item.responsiblePersonId)] : []),
  ...(item.seriesId ? [series(item.seriesId)] : []),
  ...(item.carriedOverFrom ? [plan(item.carriedOverFrom.planId), planItem(item.carriedOverFrom.planItemId)] : []),
];
const namedByChange = (change: PlanItemChange): EntityRef[] => [planItem(change.planItemId), ...namedByItem(change.changes), ...namedByItem(change.previous)];
const namedByApproval = (approval: PlanApproval): EntityRef[] => (approval.approvedBy.personId ? [person(approval.approvedBy.personId)] : []);
const namedByClosing = (closing: Partial<PlanClosing>): EntityRef[] =>
  (closing.itemResolutions ?? []).flatMap((r) => [planItem(r.planItemId), ...(r.resolution === 'held' ? r.eventIds.map(event) : [])]);

const fieldsOf = (changes: object): string => Object.keys(changes).join(', ');
const kindText = (kind: EventKind): LocalText => EVENT_KIND_LABELS[kind];

/** What the platform knows of each event of a plan's stream. */
export const planEvents: EventContracts<PlanEvent> = {
  PlanDrafted: {
    effectiveOn: () => null,
    concerns: (d) =>
      unique([
        plan(d.planId),
        network(d.networkId),
        ...(d.continuesPlanId ? [plan(d.continuesPlanId)] : []),
        ...namedByContent(d.content),
        ...d.items.flatMap(namedByItem),
      ]),
    describe: (d) => {
      const period = printReportingPeriodIn(d.period);
      return d.continuesPlanId
        ? {
            uk: `Складено проєкт плану на ${period.uk} на основі завдань минулого року`,
            ru: `Составлен проект плана на ${period.ru} по задачам прошлого года`,
            en: `Plan for ${period.en} drafted from last year's tasks`,
          }
        : { uk: `Складено проєкт плану на ${period.uk}`, ru: `Составлен проект плана на ${period.ru}`, en: `Plan for ${period.en} drafted` };
    },
  },
  PlanContentEdited: {
    effectiveOn: () => null,
    concerns: (d) => unique([plan(d.planId), network(d.networkId), ...namedByContent(d.changes), ...namedByContent(d.previous)]),
    describe: (d) => ({ uk: `Змінено проєкт плану: ${fieldsOf(d.changes)}`, ru: `Изменён проект плана: ${fieldsOf(d.changes)}`, en: `Draft plan edited: ${fieldsOf(d.changes)}` }),
  },
  PlanItemAdded: {
    effectiveOn: () => null,
    concerns: (d) => unique([plan(d.planId), network(d.networkId), ...namedByItem(d.item)]),
    describe: (d) => {
      const kind = kindText(d.item.kind);
      const when = printWhenIn(d.item.when);
      return {
        uk: `До плану додано: ${kind.uk} «${d.item.topic}», ${when.uk}`,
        ru: `В план добавлено: ${kind.ru} «${d.item.topic}», ${when.ru}`,
        en: `Added to the plan: ${kind.en} «${d.item.topic}», ${when.en}`,
      };
    },
  },
  PlanItemChanged: {
    effectiveOn: () => null,
    concerns: (d) => unique([plan(d.planId), network(d.networkId), ...namedByChange(d)]),
    describe: (d) => ({
      uk: `Змінено захід плану: ${fieldsOf(d.changes)}`,
      ru: `Изменено мероприятие плана: ${fieldsOf(d.changes)}`,
      en: `Planned event changed: ${fieldsOf(d.changes)}`,
    }),
  },
  PlanItemRemoved: {
    effectiveOn: () => null,
    concerns: (d) => unique([plan(d.planId), network(d.networkId), planItem(d.planItemId)]),
    describe: () => ({ uk: 'Захід вилучено з проєкту плану', ru: 'Мероприятие исключено из проекта плана', en: 'Planned event removed from the draft' }),
  },
  PlanApproved: {
    effectiveOn: (d) => d.approval.approvedOn,
    concerns: (d) => unique([plan(d.planId), network(d.networkId), ...namedByApproval(d.approval)]),
    describe: (d) => {
      const no = d.approval.decisionNumber ? ` (${d.approval.decisionNumber})` : '';
      return { uk: `План затверджено${no}`, ru: `План утверждён${no}`, en: `Plan approved${no}` };
    },
  },
  PlanAmended: {
    effectiveOn: (d) => d.approval.approvedOn,
    concerns: (d) =>
      unique([
        plan(d.planId),
        network(d.networkId),
        ...namedByApproval(d.approval),
        ...namedByContent(d.content.changes),
        ...namedByContent(d.content.previous),
        ...d.addedItems.flatMap(namedByItem),
        ...d.changedItems.flatMap(namedByChange),
        ...d.removedItems.map((r) => planItem(r.planItemId)),
      ]),
    describe: (d) => ({
      uk: `До плану внесено зміни (редакція ${d.revision})`,
      ru: `В план внесены изменения (редакция ${d.revision})`,
      en: `Plan amended (revision ${d.revision})`,
    }),
  },
  PlanClosed: {
    effectiveOn: (d) => d.closedOn,
    concerns: (d) => unique([plan(d.planId), network(d.networkId), ...namedByClosing(d)]),
    describe: (d) => {
      const { label } = d.assessment;
      return { uk: `Підбито підсумки року: ${label.uk}`, ru: `Подведены итоги года: ${label.ru}`, en: `Year closed: ${label.en}` };
    },
  },
  PlanCorrected: {
    effectiveOn: () => null,
    concerns: (d) =>
      unique([plan(d.planId), network(d.networkId), ...namedByContent(d.corrections), ...namedByContent(d.previous), ...namedByClosing(d.corrections), ...namedByClosing(d.previous)]),
    describe: (d) => ({
      uk: `Виправлено план після підбиття підсумків: ${fieldsOf(d.corrections)}`,
      ru: `Исправлен план после подведения итогов: ${fieldsOf(d.corrections)}`,
      en: `Closed plan corrected: ${fieldsOf(d.corrections)}`,
    }),
  },
};

export const PLAN_EVENT_TYPES = eventTypes(planEvents);
