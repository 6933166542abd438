import {
  Decider,
  FieldError,
  InvalidInput,
  IsoDate,
  ReportingPeriod,
  assertNever,
  daySpanOfReportingPeriod,
  isIsoDate,
  previousReportingPeriod,
  printReportingPeriod,
  reportingPeriodLabel,
  sameReportingPeriod,
  validReportingPeriod,
} from '@app/kernel';
import { AUDIENCE_CATEGORIES, EVENT_KINDS, duringThePeriod, isWithinPeriod, itemDayOf, itemWhenProblems } from './plan-dates';
import { PlanFacts, PreviousPlanFacts, assertRegistered, outsideOn, refuse, staleFacts } from './plan-facts';
import {
  Assessment,
  CooperationAgreement,
  EMPTY_CONTENT,
  ItemResolution,
  NetworkProject,
  PLAN_CLOSING_FIELDS,
  PLAN_CONTENT_FIELDS,
  PLAN_ITEM_FIELDS,
  PlanApproval,
  PlanClosing,
  PlanContent,
  PlanEvent,
  PlanItem,
  PlanItemChange,
  PlanItemFields,
  PlanItemRemoval,
  PlanSection,
  PlanStatus,
  PlanTask,
  TASK_RESULTS,
  TaskOutcome,
  carriedOverItemIdOf,
  planIdOf,
} from './plan.events';

/**
 * A network's plan for one period (an academic year, or a calendar year for a network that
 * reports so), from its draft to its closing:
 *
 *   draft (edited freely) ──approve──► approved (revision 1) ──amend, with a reason──► revision 2, 3…
 *                                           └──close (every item resolved, an assessment)──► closed ──correct, with a reason──► closed
 *
 * One plan per network and period: the plan's id is derived from the department, the network
 * and the period (`planIdOf`), so the stream holds the rule. What the rules need of networks,
 * institutions, series, events and last year's plan comes in the command ({@link PlanFacts}).
 *
 * A planned event's hosts are registered institutions, members or not: a host that is not a
 * member of the plan's network on the item's date (its first possible day) is accepted and
 * recorded as an outside host (`outsideHostIds`), as the events module does.
 */

export * from './plan.events';
export * from './plan-facts';

// ---- state -----------------------------------------------------------------------------------

/** The approved text of one revision: what the plan said from its approval until the next. */
export interface PlanRevision {
  revision: number;
  approval: PlanApproval;
  /** The amendment's reason; null for the first approval. */
  reason: string | null;
  content: PlanContent;
  items: PlanItem[];
}

export interface PlanRecord {
  status: PlanStatus;
  planId: string;
  department: string;
  networkId: string;
  period: ReportingPeriod;
  continuesPlanId: string | null;
  content: PlanContent;
  items: PlanItem[];
  /** The revision in force: 0 in draft, 1 once approved, one more per amendment. */
  revision: number;
  revisions: PlanRevision[];
  closedOn: IsoDate | null;
  closing: PlanClosing | null;
}

export type PlanState = { status: 'none' } | PlanRecord;

export const initialPlanState = (): PlanState => ({ status: 'none' });

const applyItemChange = (items: PlanItem[], change: PlanItemChange): PlanItem[] =>
  items.map((item) => (item.planItemId === change.planItemId ? { ...item, ...change.changes } : item));

const applyRemoval = (state: PlanRecord, removal: PlanItemRemoval): Pick<PlanRecord, 'items' | 'content'> => ({
  items: state.items.filter((item) => item.planItemId !== removal.planItemId),
  content: {
    ...state.content,
    projects: state.content.projects.map((p) => (removal.projectIds.includes(p.projectId) ? { ...p, planItemIds: p.planItemIds.filter((id) => id !== removal.planItemId) } : p)),
  },
});

const snapshot = (state: PlanRecord, approval: PlanApproval, reason: string | null): PlanRevision => ({
  revision: state.revision,
  approval,
  reason,
  content: state.content,
  items: state.items,
});

/** Splits a correction into what it changes of the text and of the closing. */
const splitCorrection = (corrections: Partial<PlanClosing & PlanContent>): { content: Partial<PlanContent>; closing: Partial<PlanClosing> } => {
  const content: Partial<PlanContent> = {};
  const closing: Partial<PlanClosing> = {};
  for (const f of PLAN_CONTENT_FIELDS) if (corrections[f] !== undefined) (content as Record<string, unknown>)[f] = corrections[f];
  for (const f of PLAN_CLOSING_FIELDS) if (corrections[f] !== undefined) (closing as Record<string, unknown>)[f] = corrections[f];
  return { content, closing };
};

export const evolvePlan = (state: PlanState, event: PlanEvent): PlanState => {
  if (event.type === 'PlanDrafted') {
    const { planId, department, networkId, period, continuesPlanId, content, items } = event.data;
    return { status: 'draft', planId, department, networkId, period, continuesPlanId, content, items, revision: 0, revisions: [], closedOn: null, closing: null };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'PlanContentEdited':
      return { ...state, content: { ...state.content, ...event.data.changes } };
    case 'PlanItemAdded':
      return { ...state, items: [...state.items, event.data.item] };
    case 'PlanItemChanged':
      return { ...state, items: applyItemChange(state.items, event.data) };
    case 'PlanItemRemoved':
      return { ...state, ...applyRemoval(state, event.data) };
    case 'PlanApproved': {
      const approved: PlanRecord = { ...state, status: 'approved', revision: event.data.revision };
      return { ...approved, revisions: [...state.revisions, snapshot(approved, event.data.approval, null)] };
    }
    case 'PlanAmended': {
      const d = event.data;
      let next: PlanRecord = { ...state, content: { ...state.content, ...d.content.changes }, revision: d.revision };
      for (const removal of d.removedItems) next = { ...next, ...applyRemoval(next, removal) };
      for (const change of d.changedItems) next = { ...next, items: applyItemChange(next.items, change) };
      next = { ...next, items: [...next.items, ...d.addedItems] };
      return { ...next, revisions: [...state.revisions, snapshot(next, d.approval, d.reason)] };
    }
    case 'PlanClosed': {
      const { planId: _p, networkId: _n, closedOn, ...closing } = event.data;
      return { ...state, status: 'closed', closedOn, closing };
    }
    case 'PlanCorrected': {
      const { content, closing } = splitCorrection(event.data.corrections);
      return { ...state, content: { ...state.content, ...content }, closing: state.closing ? { ...state.closing, ...closing } : null };
    }
    default:
      return assertNever(event);
  }
};

/** The approved text of a revision (1: as first approved); undefined when the plan has no such revision. */
export const planRevision = (state: PlanState, revision: number): PlanRevision | undefined =>
  state.status === 'none' ? undefined : state.revisions.find((r) => r.revision === revision);

/** What next year's draft takes from this plan (its closing's goal and tasks, its carried-over items). */
export const previousPlanFactsOf = (state: PlanState): PreviousPlanFacts | null => {
  if (state.status === 'none') return null;
  const carried = new Set((state.closing?.itemResolutions ?? []).filter((r) => r.resolution === 'carried-over').map((r) => r.planItemId));
  return {
    planId: state.planId,
    networkId: state.networkId,
    period: state.period,
    status: state.status,
    nextYear: state.closing?.nextYear ?? { goal: null, tasks: [] },
    carriedOverItems: state.items.filter((item) => carried.has(item.planItemId)),
  };
};

// ---- commands --------------------------------------------------------------------------------

/*
 * `today` is the department's calendar date when the request arrived (the injected clock, in
 * the command context): a decider never reads a clock. Ids of new items, tasks, projects and
 * agreements come in the command (the handler mints them, from the Idempotency-Key when there is one).
 */

/** What a command gives of a planned event: its fields (the verdict and origin are the decider's). */
export type PlanItemInput = PlanItemFields & { planItemId: string };
/** The assessment as given: the grade of the department's scale, and a comment (the words come from the scale). */
export type AssessmentInput = { grade: string; comment: string | null };
export type PlanClosingInput = Omit<PlanClosing, 'assessment'> & { assessment: AssessmentInput };

export type DraftPlan = {
  type: 'DraftPlan';
  data: { planId: string; department: string; networkId: string; period: ReportingPeriod; continuesPlanId: string | null; today: IsoDate; facts: PlanFacts };
};
export type EditPlanContent = { type: 'EditPlanContent'; data: { planId: string; changes: Partial<PlanContent>; facts: PlanFacts } };
export type AddPlanItem = { type: 'AddPlanItem'; data: { planId: string; item: PlanItemInput; facts: PlanFacts } };
export type ChangePlanItem = { type: 'ChangePlanItem'; data: { planId: string; planItemId: string; changes: Partial<PlanItemFields>; facts: PlanFacts } };
export type RemovePlanItem = { type: 'RemovePlanItem'; data: { planId: string; planItemId: string } };
export type ApprovePlan = { type: 'ApprovePlan'; data: { planId: string; approval: PlanApproval; today: IsoDate } };
export type AmendPlan = {
  type: 'AmendPlan';
  data: {
    planId: string;
    reason: string;
    approval: PlanApproval;
    content: Partial<PlanContent>;
    addItems: PlanItemInput[];
    changeItems: { planItemId: string; changes: Partial<PlanItemFields> }[];
    removeItemIds: string[];
    today: IsoDate;
    facts: PlanFacts;
  };
};
export type ClosePlan = { type: 'ClosePlan'; data: { planId: string; closedOn: IsoDate; today: IsoDate; facts: PlanFacts } & PlanClosingInput };
export type CorrectPlan = {
  type: 'CorrectPlan';
  data: { planId: string; reason: string; corrections: Partial<PlanClosingInput & PlanContent>; facts: PlanFacts };
};

export type PlanCommand = DraftPlan | EditPlanContent | AddPlanItem | ChangePlanItem | RemovePlanItem | ApprovePlan | AmendPlan | ClosePlan | CorrectPlan;

// ---- input: the shape, field by field --------------------------------------------------------

type Problems = FieldError[];
const bad = (problems: Problems, field: string, message: string): void => {
  problems.push({ field, messages: [message] });
};
const throwIfAny = (problems: Problems, what: string): void => {
  if (problems.length) throw new InvalidInput(what, problems);
};

const trimmedOrNull = (text: unknown): string | null => (typeof text === 'string' ? text.trim() || null : null);
const requiredText = (value: unknown, field: string, problems: Problems): string => {
  const text = trimmedOrNull(value);
  if (!text) bad(problems, field, `${field.split('.').pop()} is required`);
  return text ?? '';
};
const oneOf = (list: readonly string[], value: unknown): boolean => typeof value === 'string' && list.includes(value);

/** Each once, in the order first given. */
const distinct = <T>(items: readonly T[], key: (item: T) => string = String): T[] => {
  const seen = new Set<string>();
  return items.filter((item) => (seen.has(key(item)) ? false : (seen.add(key(item)), true)));
};

const ids = (value: unknown, field: string, problems: Problems): string[] => {
  if (!Array.isArray(value) || !value.every((id) => typeof id === 'string' && id.trim())) {
    bad(problems, field, `${field.split('.').pop()} must be a list of ids`);
    return [];
  }
  return distinct(value.map((id: string) => id.trim()));
};
const texts = (value: unknown, field: string, problems: Problems): string[] => {
  if (!Array.isArray(value) || !value.every((t) => typeof t === 'string' && t.trim())) {
    bad(problems, field, `${field.split('.').pop()} must be a list of texts, none empty`);
    return [];
  }
  return distinct(value.map((t: string) => t.trim()));
};
const optionalDate = (value: unknown, field: string, problems: Problems): IsoDate | null => {
  if (value === null || value === undefined) return null;
  if (!isIsoDate(value)) bad(problems, field, `${field.split('.').pop()} must be a calendar date, YYYY-MM-DD, or null`);
  return isIsoDate(value) ? value : null;
};
/** A list of records with an id each: the list, each cleaned, ids distinct. */
const records = <T>(value: unknown, field: string, idField: string, problems: Problems, clean: (item: Record<string, unknown>, at: string) => T): T[] => {
  if (!Array.isArray(value)) {
    bad(problems, field, `${field.split('.').pop()} must be a list`);
    return [];
  }
  const seen = new Set<string>();
  return value.map((item: Record<string, unknown>, i) => {
    const at = `${field}[${i}]`;
    const id = trimmedOrNull(item?.[idField]);
    if (!id) bad(problems, `${at}.${idField}`, `${idField} is required`);
    else if (seen.has(id)) bad(problems, `${at}.${idField}`, `${idField} ${id} is given twice`);
    else seen.add(id);
    return clean({ ...(item ?? {}), [idField]: id ?? '' }, at);
  });
};

const cleanTasks = (value: unknown, field: string, problems: Problems): PlanTask[] =>
  records(value, field, 'taskId', problems, (t, at) => ({
    taskId: t.taskId as string,
    text: requiredText(t.text, `${at}.text`, problems),
    expectedResult: trimmedOrNull(t.expectedResult),
  }));

const cleanProjects = (value: unknown, problems: Problems): NetworkProject[] =>
  records(value, 'projects', 'projectId', problems, (p, at) => ({
    projectId: p.projectId as string,
    name: requiredText(p.name, `${at}.name`, problems),
    goal: trimmedOrNull(p.goal),
    partnerInstitutionIds: ids(p.partnerInstitutionIds ?? [], `${at}.partnerInstitutionIds`, problems),
    planItemIds: ids(p.planItemIds ?? [], `${at}.planItemIds`, problems),
    eventIds: ids(p.eventIds ?? [], `${at}.eventIds`, problems),
  }));

const cleanAgreements = (value: unknown, problems: Problems): CooperationAgreement[] =>
  records(value, 'agreements', 'agreementId', problems, (a, at) => {
    const signedOn = optionalDate(a.signedOn, `${at}.signedOn`, problems);
    const validUntil = optionalDate(a.validUntil, `${at}.validUntil`, problems);
    if (signedOn && validUntil && validUntil < signedOn) bad(problems, `${at}.validUntil`, `validUntil (${validUntil}) is before signedOn (${signedOn})`);
    return {
      agreementId: a.agreementId as string,
      number: trimmedOrNull(a.number),
      signedOn,
      partyInstitutionIds: ids(a.partyInstitutionIds ?? [], `${at}.partyInstitutionIds`, problems),
      subject: requiredText(a.subject, `${at}.subject`, problems),
      validUntil,
    };
  });

/** The content fields given, checked and in their one written form. */
const cleanContent = (given: Partial<PlanContent>, problems: Problems): Partial<PlanContent> => {
  const out: Partial<PlanContent> = {};
  for (const field of PLAN_CONTENT_FIELDS) {
    const value: unknown = given[field];
    if (value === undefined) continue;
    switch (field) {
      case 'theme':
      case 'goal':
        out[field] = trimmedOrNull(value);
        break;
      case 'tasks':
        out.tasks = cleanTasks(value, 'tasks', problems);
        break;
      case 'activityKinds':
        out.activityKinds = texts(value, 'activityKinds', problems);
        break;
      case 'projects':
        out.projects = cleanProjects(value, problems);
        break;
      case 'agreements':
        out.agreements = cleanAgreements(value, problems);
        break;
    }
  }
  return out;
};

/** The item fields given, checked; `period` bounds the date. */
const cleanItemFields = (given: Partial<PlanItemFields>, fields: readonly (keyof PlanItemFields)[], prefix: string, problems: Problems): Partial<PlanItemFields> => {
  const out: Partial<PlanItemFields> = {};
  const at = (f: string) => (prefix ? `${prefix}.${f}` : f);
  for (const field of fields) {
    const value: unknown = given[field];
    switch (field) {
      case 'kind':
        if (!oneOf(EVENT_KINDS, value)) bad(problems, at(field), `kind must be one of ${EVENT_KINDS.join(', ')}`);
        else out.kind = value as PlanItemFields['kind'];
        break;
      case 'topic':
        out.topic = requiredText(value, at(field), problems);
        break;
      case 'description':
        out.description = trimmedOrNull(value);
        break;
      case 'when': {
        const { when, problems: whenProblems } = itemWhenProblems(value, at('when'));
        problems.push(...whenProblems);
        if (when) out.when = when;
        break;
      }
      case 'hostIds':
        out.hostIds = ids(value, at(field), problems);
        break;
      case 'responsiblePersonId':
        out.responsiblePersonId = trimmedOrNull(value);
        break;
      case 'audience':
        if (!Array.isArray(value) || !value.every((c) => oneOf(AUDIENCE_CATEGORIES, c))) bad(problems, at(field), `audience must be a list of ${AUDIENCE_CATEGORIES.join(', ')}`);
        else out.audience = distinct(value as PlanItemFields['audience']);
        break;
      case 'seriesId':
        out.seriesId = trimmedOrNull(value);
        break;
    }
  }
  return out;
};

const cleanApproval = (given: PlanApproval | undefined, problems: Problems): PlanApproval => {
  const approvedOn = given?.approvedOn;
  if (!isIsoDate(approvedOn)) bad(problems, 'approval.approvedOn', 'approvedOn must be a calendar date, YYYY-MM-DD');
  const personId = trimmedOrNull(given?.approvedBy?.personId);
  const body = trimmedOrNull(given?.approvedBy?.body);
  if (!personId && !body) bad(problems, 'approval.approvedBy', 'approvedBy names a person (personId), a body (body), or both');
  const approval: PlanApproval = { approvedOn: isIsoDate(approvedOn) ? approvedOn : '', approvedBy: { personId, body }, decisionNumber: trimmedOrNull(given?.decisionNumber) };
  return approval;
};

/** An approval is recorded once it happened: not after today. */
const assertNotInFuture = (day: IsoDate, today: IsoDate, what: string): void => {
  if (day > today) refuse('date-in-future', `${what} ${day} is after today (${today})`);
};

// ---- rules -----------------------------------------------------------------------------------

const existing = (state: PlanState, planId: string): PlanRecord => {
  if (state.status === 'none') return refuse('plan-not-drafted', `plan ${planId} is not recorded`);
  return state;
};

/** Only a draft is edited freely; an approved plan changes by an amendment, a closed one by a correction. */
const draft = (state: PlanState, planId: string): PlanRecord => {
  const plan = existing(state, planId);
  if (plan.status === 'approved') refuse('plan-approved', 'the plan is approved: it changes only by an amendment with a reason');
  if (plan.status === 'closed') refuse('plan-closed', 'the plan is closed: it is never edited, only corrected with a reason');
  return plan;
};

const approved = (state: PlanState, planId: string, what: string): PlanRecord => {
  const plan = existing(state, planId);
  if (plan.status === 'draft') refuse('plan-not-approved', `the plan is a draft: ${what} comes after its approval (a draft is edited freely)`);
  if (plan.status === 'closed') refuse('plan-closed', 'the plan is closed: it is never edited, only corrected with a reason');
  return plan;
};

const requireReason = (reason: string | null | undefined, what: string): string => {
  const trimmed = trimmedOrNull(reason);
  if (!trimmed) return refuse('reason-required', `${what} needs a reason`);
  return trimmed;
};

const lastApproval = (plan: PlanRecord): IsoDate | null => plan.revisions.at(-1)?.approval.approvedOn ?? null;

const hostsKnown = (plan: PlanRecord): string[] => plan.items.flatMap((i) => i.hostIds);

/**
 * A planned event as it will be recorded: within the plan's period, hosts registered (outside
 * ones marked), its series established, of its kind and shared with the network.
 */
const itemAsRecorded = (plan: Pick<PlanRecord, 'networkId' | 'period'>, fields: PlanItemFields, base: Pick<PlanItem, 'planItemId' | 'carriedOverFrom'>, facts: PlanFacts, known: string[]): PlanItem => {
  if (!isWithinPeriod(fields.when, plan.period, facts.yearStart)) {
    refuse('item-outside-period', `a planned event of ${reportingPeriodLabel(plan.period)} takes place within it; «${fields.topic}» does not`);
  }
  assertRegistered(facts, fields.hostIds, 'host', known);
  if (fields.seriesId) {
    const series = facts.series.find((s) => s.seriesId === fields.seriesId);
    if (!series) refuse('series-not-established', `series ${fields.seriesId} is not established in this department`);
    else if (series.kind !== fields.kind) refuse('series-kind-mismatch', `series ${fields.seriesId} is of kind ${series.kind}, not ${fields.kind}`);
    else if (!series.networkIds.includes(plan.networkId)) refuse('series-network-mismatch', `series ${fields.seriesId} is not one of the plan's network`);
  }
  const day = itemDayOf(fields.when, plan.period, facts.yearStart);
  return { planItemId: base.planItemId, ...fields, outsideHostIds: outsideOn(facts, fields.hostIds, plan.networkId, day), carriedOverFrom: base.carriedOverFrom };
};

/** The item with the changes applied, checked again as a whole, and what changed from what. */
const changedItem = (plan: PlanRecord, item: PlanItem, changes: Partial<PlanItemFields>, facts: PlanFacts): PlanItemChange | null => {
  const { planItemId, outsideHostIds, carriedOverFrom, ...fields } = item;
  const next = itemAsRecorded(plan, { ...fields, ...changes }, { planItemId, carriedOverFrom }, facts, hostsKnown(plan));
  const diff: PlanItemChange = { planItemId, changes: {}, previous: {} };
  for (const f of [...PLAN_ITEM_FIELDS, 'outsideHostIds'] as const) {
    if (JSON.stringify(next[f]) !== JSON.stringify(item[f])) {
      (diff.changes as Record<string, unknown>)[f] = next[f];
      (diff.previous as Record<string, unknown>)[f] = item[f];
    }
  }
  return Object.keys(diff.changes).length ? diff : null;
};

/** The content's rules on the plan as it will be: partners and parties registered, projects' items the plan's, their events recorded. */
const assertContent = (content: PlanContent, items: PlanItem[], facts: PlanFacts, known: PlanContent): void => {
  const knownInstitutions = [...known.projects.flatMap((p) => p.partnerInstitutionIds), ...known.agreements.flatMap((a) => a.partyInstitutionIds)];
  for (const project of content.projects) {
    assertRegistered(facts, project.partnerInstitutionIds, 'partner institution', knownInstitutions);
    const unknownItem = project.planItemIds.find((id) => !items.some((i) => i.planItemId === id));
    if (unknownItem) refuse('plan-item-unknown', `project «${project.name}» names item ${unknownItem}, which the plan does not have`);
    const knownEvents = known.projects.flatMap((p) => p.eventIds);
    const stale = project.eventIds.find((id) => !facts.recordedEventIds.includes(id) && knownEvents.includes(id));
    if (stale) staleFacts(`event ${stale}`);
    const unrecorded = project.eventIds.find((id) => !facts.recordedEventIds.includes(id));
    if (unrecorded) refuse('event-not-recorded', `project «${project.name}» names event ${unrecorded}, which the department has not recorded`);
  }
  for (const agreement of content.agreements) assertRegistered(facts, agreement.partyInstitutionIds, 'party', knownInstitutions);
};

/** The fields of `changes` whose values differ from `current`, with the values they replace. */
const diffOf = <T extends object>(current: T, changes: Partial<T>): { changes: Partial<T>; previous: Partial<T> } => {
  const out = { changes: {} as Partial<T>, previous: {} as Partial<T> };
  for (const key of Object.keys(changes) as (keyof T)[]) {
    if (JSON.stringify(changes[key]) === JSON.stringify(current[key])) continue;
    out.changes[key] = changes[key];
    out.previous[key] = current[key];
  }
  return out;
};

// ---- decisions -------------------------------------------------------------------------------

const draftPlan = (command: DraftPlan, state: PlanState): PlanEvent[] => {
  const d = command.data;
  if (state.status !== 'none') refuse('plan-already-drafted', `the network has a plan for ${reportingPeriodLabel(state.period)} already: one plan per network and period`);
  const period = validReportingPeriod(d.period);
  if (d.planId !== planIdOf(d.department, d.networkId, period)) {
    refuse('plan-id-mismatch', `a plan's id is derived from its department, network and period (planIdOf); ${d.planId} is not`);
  }
  const network = d.facts.network;
  if (!network || network.networkId !== d.networkId) return refuse('network-not-registered', `network ${d.networkId} is not registered in this department`);
  const { first } = daySpanOfReportingPeriod(period, d.facts.yearStart);
  if (network.dissolvedOn !== null && network.dissolvedOn <= first) {
    refuse('network-dissolved', `network ${d.networkId} was dissolved on ${network.dissolvedOn}, before ${printReportingPeriod(period, 'en')}: a dissolved network gets no new plan`);
  }
  if (network.reportingPeriod !== period.kind) {
    refuse('period-kind-mismatch', `network ${d.networkId} reports by ${network.reportingPeriod}; ${reportingPeriodLabel(period)} is not one`);
  }
  const plan = { networkId: d.networkId, period };
  let content: PlanContent = EMPTY_CONTENT;
  let items: PlanItem[] = [];
  if (d.continuesPlanId !== null) {
    const previous = d.facts.previousPlan;
    if (!previous || previous.planId !== d.continuesPlanId) return refuse('previous-plan-not-found', `plan ${d.continuesPlanId} is not recorded`);
    if (previous.networkId !== d.networkId || !sameReportingPeriod(previous.period, previousReportingPeriod(period))) {
      refuse('previous-plan-mismatch', `plan ${d.continuesPlanId} is not this network's plan for ${reportingPeriodLabel(previousReportingPeriod(period))}`);
    }
    if (previous.status !== 'closed') refuse('previous-plan-not-closed', `plan ${d.continuesPlanId} is not closed yet: next year's tasks come from its closing`);
    content = { ...EMPTY_CONTENT, goal: previous.nextYear.goal, tasks: previous.nextYear.tasks };
    items = previous.carriedOverItems.map((item) => {
      const { planItemId, outsideHostIds: _o, carriedOverFrom: _c, ...fields } = item;
      return itemAsRecorded(plan, { ...fields, when: duringThePeriod(period) }, { planItemId: carriedOverItemIdOf(d.planId, planItemId), carriedOverFrom: { planId: previous.planId, planItemId } }, d.facts, []);
    });
  }
  return [{ type: 'PlanDrafted', data: { planId: d.planId, department: d.department, networkId: d.networkId, period, continuesPlanId: d.continuesPlanId, content, items } }];
};

const editPlanContent = (command: EditPlanContent, state: PlanState): PlanEvent[] => {
  const plan = draft(state, command.data.planId);
  const problems: Problems = [];
  const changes = cleanContent(command.data.changes ?? {}, problems);
  throwIfAny(problems, 'the plan’s content is invalid');
  const diff = diffOf(plan.content, changes);
  if (!Object.keys(diff.changes).length) refuse('nothing-to-change', 'the plan already says that');
  assertContent({ ...plan.content, ...diff.changes }, plan.items, command.data.facts, plan.content);
  return [{ type: 'PlanContentEdited', data: { planId: plan.planId, networkId: plan.networkId, ...diff } }];
};

const newItem = (plan: PlanRecord, input: PlanItemInput, prefix: string, facts: PlanFacts, problems: Problems, takenIds: string[]): PlanItem | null => {
  const planItemId = trimmedOrNull(input?.planItemId);
  if (!planItemId) bad(problems, prefix ? `${prefix}.planItemId` : 'planItemId', 'planItemId is required');
  const fields = cleanItemFields(input ?? {}, PLAN_ITEM_FIELDS, prefix, problems);
  if (problems.length || !planItemId) return null;
  if (takenIds.includes(planItemId)) refuse('plan-item-exists', `the plan has an item ${planItemId} already`);
  return itemAsRecorded(plan, fields as PlanItemFields, { planItemId, carriedOverFrom: null }, facts, hostsKnown(plan));
};

const itemOf = (plan: PlanRecord, planItemId: string): PlanItem => {
  const item = plan.items.find((i) => i.planItemId === planItemId?.trim());
  if (!item) return refuse('plan-item-unknown', `the plan has no item ${planItemId}`);
  return item;
};

const addPlanItem = (command: AddPlanItem, state: PlanState): PlanEvent[] => {
  const plan = draft(state, command.data.planId);
  const problems: Problems = [];
  const item = newItem(plan, command.data.item, '', command.data.facts, problems, plan.items.map((i) => i.planItemId));
  throwIfAny(problems, 'the planned event is invalid');
  return [{ type: 'PlanItemAdded', data: { planId: plan.planId, networkId: plan.networkId, item: item! } }];
};

const givenItemFields = (changes: Partial<PlanItemFields>): (keyof PlanItemFields)[] => PLAN_ITEM_FIELDS.filter((f) => changes?.[f] !== undefined);

const changePlanItem = (command: ChangePlanItem, state: PlanState): PlanEvent[] => {
  const plan = draft(state, command.data.planId);
  const item = itemOf(plan, command.data.planItemId);
  const problems: Problems = [];
  const changes = cleanItemFields(command.data.changes ?? {}, givenItemFields(command.data.changes), '', problems);
  throwIfAny(problems, 'the planned event is invalid');
  const change = changedItem(plan, item, changes, command.data.facts);
  if (!change) return refuse('nothing-to-change', 'the planned event already says that');
  return [{ type: 'PlanItemChanged', data: { planId: plan.planId, networkId: plan.networkId, ...change } }];
};

const removalOf = (plan: Pick<PlanRecord, 'content'>, planItemId: string): PlanItemRemoval => ({
  planItemId,
  projectIds: plan.content.projects.filter((p) => p.planItemIds.includes(planItemId)).map((p) => p.projectId),
});

const removePlanItem = (command: RemovePlanItem, state: PlanState): PlanEvent[] => {
  const plan = draft(state, command.data.planId);
  const item = itemOf(plan, command.data.planItemId);
  return [{ type: 'PlanItemRemoved', data: { planId: plan.planId, networkId: plan.networkId, ...removalOf(plan, item.planItemId) } }];
};

const approvePlan = (command: ApprovePlan, state: PlanState): PlanEvent[] => {
  const plan = existing(state, command.data.planId);
  if (plan.status === 'approved') refuse('plan-already-approved', `the plan was approved (revision ${plan.revision}); it changes only by an amendment with a reason`);
  if (plan.status === 'closed') refuse('plan-closed', 'the plan is closed');
  const problems: Problems = [];
  const approval = cleanApproval(command.data.approval, problems);
  throwIfAny(problems, 'the approval is invalid');
  assertNotInFuture(approval.approvedOn, command.data.today, 'the approval date');
  return [{ type: 'PlanApproved', data: { planId: plan.planId, networkId: plan.networkId, revision: 1, approval } }];
};

const amendPlan = (command: AmendPlan, state: PlanState): PlanEvent[] => {
  const d = command.data;
  const plan = approved(state, d.planId, 'an amendment');
  const reason = requireReason(d.reason, 'an amendment');
  const problems: Problems = [];
  const approval = cleanApproval(d.approval, problems);
  const content = cleanContent(d.content ?? {}, problems);
  const removeIds = ids(d.removeItemIds ?? [], 'removeItemIds', problems);
  const changes = (d.changeItems ?? []).map((c, i) => ({
    planItemId: trimmedOrNull(c?.planItemId) ?? '',
    changes: cleanItemFields(c?.changes ?? {}, givenItemFields(c?.changes ?? {}), `changeItems[${i}].changes`, problems),
  }));
  throwIfAny(problems, 'the amendment is invalid');
  assertNotInFuture(approval.approvedOn, d.today, 'the amendment’s approval date');
  const since = lastApproval(plan);
  if (since && approval.approvedOn < since) refuse('approval-date-order', `an amendment approved on ${approval.approvedOn} comes before the revision in force (approved on ${since})`);

  // Removals first, then changes, then additions: an item is removed or changed, not both.
  const removedItems = removeIds.map((id) => removalOf(plan, itemOf(plan, id).planItemId));
  const changedItems = changes.flatMap(({ planItemId, changes: itemChanges }) => {
    if (removeIds.includes(planItemId)) refuse('plan-item-unknown', `item ${planItemId} is removed by the same amendment`);
    const change = changedItem(plan, itemOf(plan, planItemId), itemChanges, d.facts);
    return change ? [change] : [];
  });
  const addProblems: Problems = [];
  const taken = plan.items.map((i) => i.planItemId);
  const addedItems = (d.addItems ?? []).flatMap((input, i) => {
    const item = newItem(plan, input, `addItems[${i}]`, d.facts, addProblems, taken);
    if (item) taken.push(item.planItemId);
    return item ? [item] : [];
  });
  throwIfAny(addProblems, 'the amendment is invalid');
  const diff = diffOf(plan.content, content);
  const nothing = !Object.keys(diff.changes).length && !removedItems.length && !changedItems.length && !addedItems.length;
  if (nothing) refuse('nothing-to-change', 'the amendment changes nothing of the plan');
  // The content's rules on the plan as the amendment leaves it.
  let items = plan.items.filter((i) => !removeIds.includes(i.planItemId));
  for (const change of changedItems) items = applyItemChange(items, change);
  items = [...items, ...addedItems];
  const projects = (diff.changes.projects ?? plan.content.projects).map((p) => ({ ...p, planItemIds: p.planItemIds.filter((id) => !removeIds.includes(id)) }));
  if (diff.changes.projects || diff.changes.agreements) assertContent({ ...plan.content, ...diff.changes, projects }, items, d.facts, plan.content);
  return [
    {
      type: 'PlanAmended',
      data: { planId: plan.planId, networkId: plan.networkId, revision: plan.revision + 1, reason, approval, content: diff, addedItems, changedItems, removedItems },
    },
  ];
};

// ---- closing ---------------------------------------------------------------------------------

const cleanResolutions = (value: unknown, problems: Problems): ItemResolution[] =>
  records(value, 'itemResolutions', 'planItemId', problems, (r, at): ItemResolution => {
    const planItemId = r.planItemId as string;
    switch (r.resolution) {
      case 'held': {
        const eventIds = ids(r.eventIds, `${at}.eventIds`, problems);
        if (Array.isArray(r.eventIds) && !eventIds.length) bad(problems, `${at}.eventIds`, 'a held item names the events that realised it');
        return { planItemId, resolution: 'held', eventIds };
      }
      case 'cancelled':
        return { planItemId, resolution: 'cancelled', reason: trimmedOrNull(r.reason) ?? '' };
      case 'carried-over':
        return { planItemId, resolution: 'carried-over', reason: trimmedOrNull(r.reason) };
      default:
        bad(problems, `${at}.resolution`, 'resolution must be one of held, cancelled, carried-over');
        return { planItemId, resolution: 'carried-over', reason: null };
    }
  });

const cleanTaskResults = (value: unknown, problems: Problems): TaskOutcome[] =>
  records(value, 'taskResults', 'taskId', problems, (t, at) => {
    if (!oneOf(TASK_RESULTS, t.result)) bad(problems, `${at}.result`, `result must be one of ${TASK_RESULTS.join(', ')}`);
    return { taskId: t.taskId as string, result: t.result as TaskOutcome['result'], reason: trimmedOrNull(t.reason) };
  });

const cleanSections = (value: unknown, problems: Problems): PlanSection[] => {
  if (!Array.isArray(value)) {
    bad(problems, 'sections', 'sections must be a list of { title, text }');
    return [];
  }
  return value.map((s: Record<string, unknown>, i) => ({ title: requiredText(s?.title, `sections[${i}].title`, problems), text: requiredText(s?.text, `sections[${i}].text`, problems) }));
};

/** The closing fields given, checked and in their one written form (the assessment as given). */
const cleanClosing = (given: Partial<PlanClosingInput>, problems: Problems): Partial<Omit<PlanClosing, 'assessment'> & { assessment: AssessmentInput }> => {
  const out: Partial<Omit<PlanClosing, 'assessment'> & { assessment: AssessmentInput }> = {};
  for (const field of PLAN_CLOSING_FIELDS) {
    const value: unknown = given[field];
    if (value === undefined) continue;
    switch (field) {
      case 'assessment': {
        const a = value as Partial<AssessmentInput> | null;
        out.assessment = { grade: trimmedOrNull(a?.grade) ?? '', comment: trimmedOrNull(a?.comment) };
        break;
      }
      case 'conclusions':
        out.conclusions = trimmedOrNull(value);
        break;
      case 'problems':
        out.problems = texts(value, 'problems', problems);
        break;
      case 'taskResults':
        out.taskResults = cleanTaskResults(value, problems);
        break;
      case 'sections':
        out.sections = cleanSections(value, problems);
        break;
      case 'nextYear': {
        const next = value as Partial<PlanClosing['nextYear']> | null;
        out.nextYear = { goal: trimmedOrNull(next?.goal), tasks: cleanTasks(next?.tasks ?? [], 'nextYear.tasks', problems) };
        break;
      }
      case 'itemResolutions':
        out.itemResolutions = cleanResolutions(value, problems);
        break;
    }
  }
  return out;
};

/**
 * The closing as recorded, by the rules: an assessment of the department's scale (its words
 * taken from it); every item resolved once: held by events that realise it and were held,
 * cancelled with a reason, or carried over; task results of the plan's tasks, with a reason
 * unless done fully.
 */
const closingAsRecorded = (plan: PlanRecord, given: Omit<PlanClosing, 'assessment'> & { assessment: AssessmentInput }, facts: PlanFacts, known: Assessment | null): PlanClosing => {
  const grade = given.assessment.grade;
  if (!grade) refuse('assessment-required', 'closing a plan needs an assessment of the year’s work');
  const onScale = facts.assessmentScale.find((g) => g.grade === grade);
  // A grade recorded before keeps its words, even when the department's scale has changed since.
  const label = onScale?.label ?? (known?.grade === grade ? known.label : null);
  if (!label) return refuse('assessment-grade-unknown', `${grade} is not a grade of the department’s scale (${facts.assessmentScale.map((g) => g.grade).join(', ')})`);
  for (const r of given.itemResolutions) {
    itemOf(plan, r.planItemId);
    if (r.resolution === 'cancelled' && !r.reason) refuse('reason-required', `cancelling planned event ${r.planItemId} needs a reason`);
    if (r.resolution === 'held') {
      for (const eventId of r.eventIds) {
        const event = facts.realisingEvents.find((e) => e.eventId === eventId);
        if (!event || !event.planItemIds.includes(r.planItemId)) refuse('item-not-realised', `event ${eventId} does not realise planned event ${r.planItemId}`);
        else if (event.status !== 'held') refuse('item-not-held', `event ${eventId} of planned event ${r.planItemId} is ${event.status}, not held`);
      }
    }
  }
  const unresolved = plan.items.filter((i) => !given.itemResolutions.some((r) => r.planItemId === i.planItemId));
  if (unresolved.length) {
    refuse('items-unresolved', `every planned event is resolved before closing (held, cancelled with a reason, or carried over); not: ${unresolved.map((i) => `«${i.topic}»`).join(', ')}`);
  }
  for (const t of given.taskResults) {
    if (!plan.content.tasks.some((task) => task.taskId === t.taskId)) refuse('task-unknown', `the plan has no task ${t.taskId}`);
    if (t.result !== 'done' && !t.reason) refuse('reason-required', `a task done partly or not done needs the reason (task ${t.taskId})`);
  }
  // In the plan's order, so that the same closing is written alike.
  const order = (id: string, list: { planItemId: string }[] | { taskId: string }[]) => list.findIndex((x) => ('planItemId' in x ? x.planItemId : x.taskId) === id);
  return {
    ...given,
    assessment: { grade, label, comment: given.assessment.comment },
    taskResults: [...given.taskResults].sort((a, b) => order(a.taskId, plan.content.tasks) - order(b.taskId, plan.content.tasks)),
    itemResolutions: [...given.itemResolutions].sort((a, b) => order(a.planItemId, plan.items) - order(b.planItemId, plan.items)),
  };
};

const REQUIRED_CLOSING: PlanClosingInput = {
  assessment: { grade: '', comment: null },
  conclusions: null,
  problems: [],
  taskResults: [],
  sections: [],
  nextYear: { goal: null, tasks: [] },
  itemResolutions: [],
};

/**
 * The closing's resolutions with those it leaves out filled from the fulfilment: an item the
 * closing does not resolve, realised by events that were held (`facts.realisingEvents`: the
 * prepare step gathers every event that names an item), is `held` by those events (in the order
 * of their ids, as the fulfilment lists them). An item neither given nor held stays unresolved.
 */
const withHeldResolutions = (plan: PlanRecord, given: readonly ItemResolution[], facts: PlanFacts): ItemResolution[] => {
  const resolved = new Set(given.map((r) => r.planItemId));
  const held = plan.items.flatMap((item): ItemResolution[] => {
    if (resolved.has(item.planItemId)) return [];
    const eventIds = facts.realisingEvents
      .filter((e) => e.status === 'held' && e.planItemIds.includes(item.planItemId))
      .map((e) => e.eventId)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return eventIds.length ? [{ planItemId: item.planItemId, resolution: 'held', eventIds }] : [];
  });
  return [...given, ...held];
};

const closePlan = (command: ClosePlan, state: PlanState): PlanEvent[] => {
  const { planId, closedOn, today, facts, ...given } = command.data;
  const plan = existing(state, planId);
  if (plan.status === 'closed') refuse('plan-already-closed', `the plan was closed on ${plan.closedOn}; it is corrected with a reason, not closed again`);
  approved(state, planId, 'closing');
  const problems: Problems = [];
  if (!isIsoDate(closedOn)) bad(problems, 'closedOn', 'closedOn must be a calendar date, YYYY-MM-DD');
  const closing = cleanClosing({ ...REQUIRED_CLOSING, ...given }, problems);
  throwIfAny(problems, 'the closing is invalid');
  assertNotInFuture(closedOn, today, 'the closing date');
  const since = lastApproval(plan);
  if (since && closedOn < since) refuse('approval-date-order', `a plan is closed after it was approved (${since}), not on ${closedOn}`);
  closing.itemResolutions = withHeldResolutions(plan, closing.itemResolutions ?? [], facts);
  const recorded = closingAsRecorded(plan, closing as Omit<PlanClosing, 'assessment'> & { assessment: AssessmentInput }, facts, null);
  return [{ type: 'PlanClosed', data: { planId: plan.planId, networkId: plan.networkId, closedOn, ...recorded } }];
};

const correctPlan = (command: CorrectPlan, state: PlanState): PlanEvent[] => {
  const d = command.data;
  const plan = existing(state, d.planId);
  if (plan.status !== 'closed' || !plan.closing) return refuse('plan-not-closed', 'only a closed plan is corrected; a draft is edited, an approved plan amended');
  const reason = requireReason(d.reason, 'correcting a closed plan');
  const problems: Problems = [];
  const corrections = d.corrections ?? {};
  const content = cleanContent(corrections, problems);
  const closing = cleanClosing(corrections, problems);
  throwIfAny(problems, 'the correction is invalid');
  const current = plan.closing;
  const { assessment: currentAssessment, ...currentRest } = current;
  const nextClosing = closingAsRecorded(
    { ...plan, content: { ...plan.content, ...content } },
    { ...currentRest, assessment: { grade: currentAssessment.grade, comment: currentAssessment.comment }, ...closing },
    d.facts,
    currentAssessment,
  );
  const givenClosing: Partial<PlanClosing> = {};
  for (const f of PLAN_CLOSING_FIELDS) if (closing[f] !== undefined) (givenClosing as Record<string, unknown>)[f] = nextClosing[f];
  const contentDiff = diffOf(plan.content, content);
  const closingDiff = diffOf(current, givenClosing);
  const changes = { ...contentDiff.changes, ...closingDiff.changes };
  if (!Object.keys(changes).length) refuse('nothing-to-change', 'the closed plan already says that');
  if (contentDiff.changes.projects || contentDiff.changes.agreements) assertContent({ ...plan.content, ...contentDiff.changes }, plan.items, d.facts, plan.content);
  return [{ type: 'PlanCorrected', data: { planId: plan.planId, networkId: plan.networkId, reason, corrections: changes, previous: { ...contentDiff.previous, ...closingDiff.previous } } }];
};

export const decidePlan = (command: PlanCommand, state: PlanState): PlanEvent[] => {
  switch (command.type) {
    case 'DraftPlan':
      return draftPlan(command, state);
    case 'EditPlanContent':
      return editPlanContent(command, state);
    case 'AddPlanItem':
      return addPlanItem(command, state);
    case 'ChangePlanItem':
      return changePlanItem(command, state);
    case 'RemovePlanItem':
      return removePlanItem(command, state);
    case 'ApprovePlan':
      return approvePlan(command, state);
    case 'AmendPlan':
      return amendPlan(command, state);
    case 'ClosePlan':
      return closePlan(command, state);
    case 'CorrectPlan':
      return correctPlan(command, state);
    default:
      return assertNever(command);
  }
};

export const planDecider: Decider<PlanState, PlanCommand, PlanEvent> = {
  initialState: initialPlanState,
  evolve: evolvePlan,
  decide: decidePlan,
};
