import type { AcademicYearStart, IsoDate, ReportingPeriod } from '@app/kernel';
import type { EventFormat, EventKind, EventLink, ParticipantCategory, ParticipationCounts, When } from '@app/events';
import type { PlanClosing, PlanContent, PlanItem, PlanStatus } from '@app/planning';

/**
 * What an annual analysis is written from, gathered once (`AnnualAnalysisFactsReader`) through
 * the networks', planning's and events' public queries, and nothing else: plain data, so the
 * composer (`composeAnnualAnalysis`) is a pure function of it and a spec can write it by hand.
 * Institutions and networks are named by id; their names are in `institutions` and `networks`.
 */
export interface AnnualAnalysisFacts {
  department: string;
  period: ReportingPeriod;
  /** The period's days (an academic year from the department's start day). */
  days: { from: IsoDate; to: IsoDate };
  yearStart: AcademicYearStart;
  basis: {
    /** The log position every query was consistent with. */
    position: number;
    /** The day the records are read as of; null for as recorded at `position`. */
    asOf: IsoDate | null;
    /** The day the facts were gathered (the clock's): the report's date when nothing else gives one. */
    gatheredOn: IsoDate;
  };
  network: NetworkFacts;
  /** On `composition.on`: the period's last day, the network's last day in it, or `asOf` when earlier. */
  composition: CompositionFacts;
  /** Every change of the composition in the period (and of its anchor, head and name), by effective date. */
  changes: ChangeFact[];
  /** The network's plan for the period (its text in force on `asOf` when given); null when it has none. */
  plan: PlanFacts | null;
  /** What became of each planned event (the plan's fulfilment); empty without a plan. */
  fulfilment: ItemFulfilmentFact[];
  /** The events the network held itself in the period, in date order. */
  eventsHeld: HeldEventFact[];
  /** Other events the plan's projects name (not held in the period), by id: their kind and topic. */
  otherEvents: Record<string, { kind: EventKind; topic: string }>;
  /** The participation totals of the events held (the events module's). */
  participation: {
    events: number;
    participants: number;
    byCategory: { category: ParticipantCategory; count: number }[];
    byKind: { kind: EventKind; events: number }[];
  };
  /** Names of every institution the facts name. */
  institutions: Record<string, InstitutionName>;
  /** Names of the other networks the facts name (moves, merges, an event's audience), with their kind. */
  networks: Record<string, { name: string; kind: string; number: string | null }>;
}

export interface InstitutionName {
  shortName: string;
  fullName: string;
  kind: string;
}

export interface NetworkFacts {
  networkId: string;
  name: string;
  kind: string;
  number: string | null;
  reportingPeriod: 'academic-year' | 'calendar-year';
  status: 'active' | 'dissolved';
  dissolvedOn: IsoDate | null;
}

export interface CompositionFacts {
  on: IsoDate;
  anchor: { institutionId: string; since: IsoDate } | null;
  /** The head on that day; `name` from the personal-data vault (null when erased or unknown). */
  head: { personId: string; position: string; since: IsoDate; name: string | null; erased: boolean } | null;
  /** `anchor` is the role the composition gives the anchor. */
  members: { institutionId: string; role: 'member' | 'partner' | 'anchor'; since: IsoDate }[];
}

/**
 * A change as the networks module reports it (`GetChangesQuery`: joined, left, moved in or out,
 * role changed, anchor set), or from the network's timeline (`GetTimelineQuery`: a head appointed,
 * the network renamed); a move made by a merge or a split says so (`by`).
 */
export interface ChangeFact {
  change: 'joined' | 'left' | 'moved-in' | 'moved-out' | 'role-changed' | 'anchor-set' | 'head-appointed' | 'renamed';
  on: IsoDate;
  institutionId: string | null;
  role: string | null;
  otherNetworkId: string | null;
  /** How a move came about: a transfer, or the merge or split of networks. */
  by: 'transfer' | 'merge' | 'split' | null;
  reason: string | null;
  recordedAt: string;
  /** A head appointed: who (name from the vault) and as what. */
  head?: { personId: string; position: string; name: string | null; erased: boolean };
  /** The network renamed: its new name. */
  name?: string;
}

export interface PlanFacts {
  planId: string;
  status: PlanStatus;
  revision: number;
  content: PlanContent;
  items: PlanItem[];
  closedOn: IsoDate | null;
  closing: PlanClosing | null;
}

export interface ItemFulfilmentFact {
  planItemId: string;
  kind: EventKind;
  topic: string;
  plannedWhen: When;
  /** `held`, `cancelled`, `postponed`, `carried-over`, `scheduled`, `awaiting`, `not-held` (planning's). */
  status: string;
  reason: string | null;
  heldEventIds: string[];
}

export interface HeldEventFact {
  eventId: string;
  kind: EventKind;
  topic: string;
  description: string | null;
  /** When it took place, as precisely as recorded. */
  when: When;
  format: EventFormat;
  level: string;
  audience: ParticipantCategory[];
  audienceNetworkIds: string[];
  hostIds: string[];
  outsideHostIds: string[];
  planItemIds: string[];
  seriesId: string | null;
  counts: ParticipationCounts;
  participantIds: string[];
  outsideParticipantIds: string[];
  outcome: string | null;
  publications: EventLink[];
}
