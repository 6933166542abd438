import { AcademicYearStart, ConcurrencyConflict, DEFAULT_YEAR_START, IsoDate, ReportingPeriod, ReportingPeriodKind, RuleViolated } from '@app/kernel';
import { EventKind, EventStatus } from '@app/events';
import { AssessmentGrade, DEFAULT_ASSESSMENT_SCALE, PlanItem, PlanStatus, PlanTask } from './plan.events';

/**
 * What the plan decider knows of the world outside the plan's stream. It reads no store: a
 * handler's prepare step gathers these once per command (the decision may be tried again on a
 * fresh read of the plan's stream, not of these) and hands them in the command, as the events
 * module does with its `EventFacts`.
 *
 * How a prepare step gathers them, each with `consistentWith` the log's head when asked:
 * - `network`: the networks module's `GetNetworkQuery(department, networkId)`; `NotFound` →
 *   null (`network-not-registered`), else its `dissolvedOn` and its reporting period setting
 *   (`reportingPeriod` of its answer: `academic-year` unless the network set `calendar-year`, docs/planning.md).
 * - `registeredInstitutionIds`: of the institutions the command names (hosts, partners, parties),
 *   those `GetInstitutionQuery` finds; `memberships`: their stays in the plan's network
 *   (`GetInstitutionMembershipsQuery`), which decide which hosts are outside hosts.
 * - `series`: the series the items name (the events module's `GetEventSeriesQuery`).
 * - `recordedEventIds`: of the events a project names, those the department has (`GetEventQuery`).
 * - `realisingEvents`: for closing (and correcting a closing), the events the closing names and
 *   those its plan holds, and for a closing the events the plan's fulfilment says were held for
 *   the items it leaves out (which the decider then resolves as held by them), each with its
 *   status and `planItemIds` as the events module's `GetEventQuery` has them.
 * - `previousPlan`: for a draft that continues last year's plan, that plan's state from its
 *   stream (`previousPlanFactsOf`).
 * - `yearStart`: the department's academic-year start (`GetAcademicYearStartQuery`).
 * - `assessmentScale`: for closing and correcting, the department's scale
 *   (`GetAssessmentScaleQuery`), or {@link DEFAULT_ASSESSMENT_SCALE} while it has set none.
 *
 * They cover the plan as it will be after the command: what the command names and what the plan
 * already has. Names the plan has but the facts miss mean a concurrent writer added them after
 * prepare: the decision answers 409 (try again), as the events module does.
 */
export interface PlanFacts {
  network: PlanNetworkFacts | null;
  registeredInstitutionIds: string[];
  memberships: MembershipFacts[];
  series: SeriesFacts[];
  recordedEventIds: string[];
  realisingEvents: RealisingEventFacts[];
  previousPlan: PreviousPlanFacts | null;
  yearStart: AcademicYearStart;
  assessmentScale: readonly AssessmentGrade[];
}

export interface PlanNetworkFacts {
  networkId: string;
  /** The first day the network no longer exists; null while it does. */
  dissolvedOn: IsoDate | null;
  /** How the network reports: the kind its plans' periods are. */
  reportingPeriod: ReportingPeriodKind;
}

/** A stay of an institution in the network: [from, to), `to` null while it lasts. Any role counts. */
export interface MembershipFacts {
  networkId: string;
  institutionId: string;
  from: IsoDate;
  to: IsoDate | null;
}

export interface SeriesFacts {
  seriesId: string;
  kind: EventKind;
  networkIds: string[];
}

/** An event of the events module that names one of the plan's items. */
export interface RealisingEventFacts {
  eventId: string;
  status: EventStatus;
  planItemIds: string[];
}

/** Last year's plan, as its stream has it. */
export interface PreviousPlanFacts {
  planId: string;
  networkId: string;
  period: ReportingPeriod;
  status: PlanStatus;
  nextYear: { goal: string | null; tasks: PlanTask[] };
  /** Its items resolved as carried over. */
  carriedOverItems: PlanItem[];
}

/** No facts: for commands that name nothing outside the stream. */
export const NO_PLAN_FACTS: PlanFacts = Object.freeze({
  network: null,
  registeredInstitutionIds: [],
  memberships: [],
  series: [],
  recordedEventIds: [],
  realisingEvents: [],
  previousPlan: null,
  yearStart: DEFAULT_YEAR_START,
  assessmentScale: DEFAULT_ASSESSMENT_SCALE,
});

export const refuse = (rule: string, message: string): never => {
  throw new RuleViolated(rule, message);
};

export const staleFacts = (what: string): never => {
  throw new ConcurrencyConflict(`the plan changed while its facts were gathered (${what} is not among them); try again`);
};

/** Every institution named is registered in the department; `known`: those the plan already had. */
export const assertRegistered = (facts: PlanFacts, institutionIds: readonly string[], what: string, known: readonly string[] = []): void => {
  const registered = new Set(facts.registeredInstitutionIds);
  const stale = institutionIds.find((id) => !registered.has(id) && known.includes(id));
  if (stale) staleFacts(`institution ${stale}`);
  const missing = institutionIds.filter((id) => !registered.has(id));
  if (missing.length) refuse('institution-not-registered', `${what} ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} not registered in this department`);
};

/** Of the institutions, those that were not members of the network on the day, in their order. */
export const outsideOn = (facts: PlanFacts, institutionIds: readonly string[], networkId: string, day: IsoDate): string[] =>
  institutionIds.filter((id) => !facts.memberships.some((m) => m.institutionId === id && m.networkId === networkId && m.from <= day && (m.to === null || day < m.to)));
