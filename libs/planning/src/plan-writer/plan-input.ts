import type { IsoDate } from '@app/kernel';
import type { AudienceCategory, EventKind } from '@app/events';
import type { ItemResolutionKind, TaskResult } from '../plan/plan.events';

/*
 * The parts of a plan's input that several writes share, as a request gives them. Ids of what a
 * request adds may be left out: the handler mints them (from the Idempotency-Key when there is one).
 */

/** When a planned event takes place: a date, a month or "during the year" (the events module's `When`; the decider checks it field by field). */
export interface PlanWhenInput {
  precision: string;
  from?: string;
  to?: string | null;
  month?: string;
  academicYear?: string;
  year?: number;
}

export interface TaskInput {
  taskId?: string;
  text: string;
  expectedResult?: string | null;
}

export interface ProjectInput {
  projectId?: string;
  name: string;
  goal?: string | null;
  partnerInstitutionIds?: string[];
  planItemIds?: string[];
  eventIds?: string[];
}

export interface AgreementInput {
  agreementId?: string;
  number?: string | null;
  signedOn?: IsoDate | null;
  partyInstitutionIds?: string[];
  subject: string;
  validUntil?: IsoDate | null;
}

/** Any of the plan's text fields; a list given replaces the plan's. */
export interface PlanContentInput {
  theme?: string | null;
  goal?: string | null;
  tasks?: TaskInput[];
  activityKinds?: string[];
  projects?: ProjectInput[];
  agreements?: AgreementInput[];
}

/** A person as a request names them: someone new by `fullName` (to the vault), or someone recorded by `personId`. */
export interface PersonInput {
  fullName?: string;
  personId?: string;
}

/** The fields of a planned event. */
export interface PlanItemFieldsInput {
  kind?: EventKind;
  topic?: string;
  description?: string | null;
  when?: PlanWhenInput;
  hostIds?: string[];
  responsible?: PersonInput | null;
  audience?: AudienceCategory[];
  seriesId?: string | null;
}

/** A new planned event: kind, topic and when are required. */
export interface NewPlanItemInput extends PlanItemFieldsInput {
  kind: EventKind;
  topic: string;
  when: PlanWhenInput;
}

export interface ApprovalInput {
  approvedOn: IsoDate;
  approvedBy: { person?: PersonInput | null; body?: string | null };
  decisionNumber?: string | null;
}

export interface AssessmentGiven {
  grade: string;
  comment?: string | null;
}

export interface TaskResultInput {
  taskId: string;
  result: TaskResult;
  reason?: string | null;
}

export interface ItemResolutionInput {
  planItemId: string;
  resolution: ItemResolutionKind;
  eventIds?: string[];
  reason?: string | null;
}

export interface SectionInput {
  title: string;
  text: string;
}

/** The closing of a plan, each field as a request gives it. */
export interface ClosingInput {
  assessment?: AssessmentGiven;
  conclusions?: string | null;
  problems?: string[];
  taskResults?: TaskResultInput[];
  sections?: SectionInput[];
  nextYear?: { goal?: string | null; tasks?: TaskInput[] };
  itemResolutions?: ItemResolutionInput[];
}
