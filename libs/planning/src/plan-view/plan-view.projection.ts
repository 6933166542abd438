import { IsoDate, RecordedEvent, reportingPeriodLabel } from '@app/kernel';
import { defineProjection } from '@app/read-store';
import { PlanEvent, PlanRecord, PlanRevision, evolvePlan, planEvents } from '../plan/plan.decider';

/** A correction of a closed plan: why, which fields, when recorded. */
export interface PlanCorrectionView {
  reason: string;
  fields: string[];
  recordedAt: string;
}

/** An approved revision as the read model keeps it: its text, approval and reason, and when it was recorded. */
export interface PlanRevisionView extends PlanRevision {
  recordedAt: string;
}

/**
 * One plan as its readers see it: the current text and status (folded by the decider's own
 * `evolvePlan`), the approved text of every revision with its approval (so any revision can be
 * shown again, and the one in force on a date found by its `approvedOn`), the closing, the
 * corrections. One document per plan, its id the plan's.
 */
export interface PlanView extends Omit<PlanRecord, 'revisions'> {
  id: string;
  revisions: PlanRevisionView[];
  /** `2020/2021` or `2021`: what lists filter by. */
  periodLabel: string;
  periodKind: PlanRecord['period']['kind'];
  /** The first approval's date, null in draft. */
  approvedOn: IsoDate | null;
  /** The assessment's grade once closed. */
  grade: string | null;
  corrections: PlanCorrectionView[];
  draftedAt: string;
  closedAt: string | null;
  updatedAt: string;
  /** Revision of the plan's stream last applied: replays change nothing. */
  streamRevision: number;
  [field: string]: unknown;
}

export const PLAN_VIEW = 'plan';

const recordOf = (doc: PlanView): PlanRecord => {
  const { status, planId, department, networkId, period, continuesPlanId, content, items, revision, revisions, closedOn, closing } = doc;
  return { status, planId, department, networkId, period, continuesPlanId, content, items, revision, revisions, closedOn, closing };
};

export const evolvePlanView = (doc: PlanView | null, event: RecordedEvent<PlanEvent>): PlanView | null => {
  if (!doc && event.type !== 'PlanDrafted') return null;
  // Already applied (a replay): the document is left as it is.
  if (doc && doc.streamRevision >= event.revision) return doc;
  const recordedAt = event.metadata.recordedAt;
  const before = doc ? recordOf(doc) : ({ status: 'none' } as const);
  const next = evolvePlan(before, event);
  if (next.status === 'none') return null;
  const known = doc?.revisions ?? [];
  const revisions: PlanRevisionView[] = next.revisions.map((r) => known.find((k) => k.revision === r.revision) ?? { ...r, recordedAt });
  const corrections = doc?.corrections ?? [];
  return {
    ...next,
    id: next.planId,
    revisions,
    periodLabel: reportingPeriodLabel(next.period),
    periodKind: next.period.kind,
    approvedOn: revisions[0]?.approval.approvedOn ?? null,
    grade: next.closing?.assessment.grade ?? null,
    corrections: event.type === 'PlanCorrected' ? [...corrections, { reason: event.data.reason, fields: Object.keys(event.data.corrections), recordedAt }] : corrections,
    draftedAt: doc?.draftedAt ?? recordedAt,
    closedAt: event.type === 'PlanClosed' ? recordedAt : (doc?.closedAt ?? null),
    updatedAt: recordedAt,
    streamRevision: event.revision,
  };
};

/** The approved revision in force on a day: the last one approved on or before it; undefined before the first approval. */
export const revisionInForceOn = (doc: Pick<PlanView, 'revisions'>, day: IsoDate): PlanRevisionView | undefined =>
  [...doc.revisions].reverse().find((r) => r.approval.approvedOn <= day);

/** The department's plans: one document per plan, with its revisions. */
export const planViewProjection = defineProjection<PlanView, PlanEvent>({
  name: 'plan',
  collection: PLAN_VIEW,
  events: planEvents,
  // Plans by period and status across the department (in network order), and a network's plans.
  indexes: [
    { name: 'by-period', fields: ['department', 'periodLabel', 'networkId', 'id'] },
    { name: 'by-status', fields: ['department', 'status', 'periodLabel', 'networkId', 'id'] },
    { name: 'by-network', fields: ['department', 'networkId', 'periodLabel', 'id'] },
  ],
  documentId: (event) => event.data.planId,
  evolve: evolvePlanView,
});
