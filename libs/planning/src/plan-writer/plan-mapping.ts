import type { IsoDate } from '@app/kernel';
import type { PlanItemInput } from '../plan/plan.decider';
import type { CooperationAgreement, NetworkProject, PlanApproval, PlanClosing, PlanContent, PlanItemFields, PlanRecord, PlanTask } from '../plan/plan.decider';
import type { ClosingInput, NewPlanItemInput, PlanContentInput, PlanItemFieldsInput, TaskInput } from './plan-input';

/** Mints an id for what a request adds without one (`minter` of plan.handler.ts). */
export type Mint = (given?: string | null) => string;

/*
 * From a request's input to the decider's data: ids minted for what is new, the fields a request
 * may leave out filled in, the people by the ids prepare gave them. The decider checks the rest.
 */

const tasksOf = (tasks: TaskInput[], mint: Mint): PlanTask[] => tasks.map((t) => ({ taskId: mint(t.taskId), text: t.text, expectedResult: t.expectedResult ?? null }));

/** The content fields given, in the decider's form. */
export const contentOf = (input: PlanContentInput, mint: { task: Mint; project: Mint; agreement: Mint }): Partial<PlanContent> => {
  const out: Partial<PlanContent> = {};
  if (input.theme !== undefined) out.theme = input.theme;
  if (input.goal !== undefined) out.goal = input.goal;
  if (input.tasks !== undefined) out.tasks = tasksOf(input.tasks, mint.task);
  if (input.activityKinds !== undefined) out.activityKinds = input.activityKinds;
  if (input.projects !== undefined) {
    out.projects = input.projects.map(
      (p): NetworkProject => ({ projectId: mint.project(p.projectId), name: p.name, goal: p.goal ?? null, partnerInstitutionIds: p.partnerInstitutionIds ?? [], planItemIds: p.planItemIds ?? [], eventIds: p.eventIds ?? [] }),
    );
  }
  if (input.agreements !== undefined) {
    out.agreements = input.agreements.map(
      (a): CooperationAgreement => ({
        agreementId: mint.agreement(a.agreementId),
        number: a.number ?? null,
        signedOn: a.signedOn ?? null,
        partyInstitutionIds: a.partyInstitutionIds ?? [],
        subject: a.subject,
        validUntil: a.validUntil ?? null,
      }),
    );
  }
  return out;
};

/** The item fields given (a change), the responsible person by the id prepare gave. */
export const itemChangesOf = (input: PlanItemFieldsInput, responsiblePersonId: string | null): Partial<PlanItemFields> => {
  const out: Partial<PlanItemFields> = {};
  if (input.kind !== undefined) out.kind = input.kind;
  if (input.topic !== undefined) out.topic = input.topic;
  if (input.description !== undefined) out.description = input.description;
  if (input.when !== undefined) out.when = input.when as unknown as PlanItemFields['when'];
  if (input.hostIds !== undefined) out.hostIds = input.hostIds.map((id) => id.toLowerCase());
  if (input.responsible !== undefined) out.responsiblePersonId = responsiblePersonId;
  if (input.audience !== undefined) out.audience = input.audience;
  if (input.seriesId !== undefined) out.seriesId = input.seriesId?.toLowerCase() ?? null;
  return out;
};

/** A new item, with what a request may leave out filled in. */
export const newItemOf = (input: NewPlanItemInput, planItemId: string, responsiblePersonId: string | null): PlanItemInput => {
  const defaults: Omit<PlanItemFields, 'kind' | 'topic' | 'when'> = { description: null, hostIds: [], responsiblePersonId: null, audience: [], seriesId: null };
  return { planItemId, ...defaults, ...(itemChangesOf(input, responsiblePersonId) as PlanItemFields), responsiblePersonId };
};

/** What the items named, beyond the plan's: hosts and series, for the facts. */
export const itemNames = (items: PlanItemFieldsInput[]): { institutionIds: string[]; seriesIds: string[] } => ({
  institutionIds: items.flatMap((i) => i.hostIds ?? []).map((id) => id.toLowerCase()),
  seriesIds: items.flatMap((i) => (i.seriesId ? [i.seriesId.toLowerCase()] : [])),
});

/** What the content names: partners, parties and events. */
export const contentNames = (content: Partial<PlanContent>): { institutionIds: string[]; eventIds: string[] } => ({
  institutionIds: [...(content.projects ?? []).flatMap((p) => p.partnerInstitutionIds), ...(content.agreements ?? []).flatMap((a) => a.partyInstitutionIds)].map((id) => id.toLowerCase()),
  eventIds: (content.projects ?? []).flatMap((p) => p.eventIds).map((id) => id.toLowerCase()),
});

/** What the plan already names: its facts must cover these too (a name missing from them is a concurrent change, 409). */
export const planNames = (plan: PlanRecord): { institutionIds: string[]; seriesIds: string[]; eventIds: string[] } => {
  const content = contentNames(plan.content);
  const items = itemNames(plan.items);
  return { institutionIds: [...content.institutionIds, ...items.institutionIds], seriesIds: items.seriesIds, eventIds: content.eventIds };
};

export const approvalOf = (input: { approvedOn: IsoDate; approvedBy?: { body?: string | null }; decisionNumber?: string | null }, personId: string | null): PlanApproval => ({
  approvedOn: input.approvedOn,
  approvedBy: { personId, body: input.approvedBy?.body ?? null },
  decisionNumber: input.decisionNumber ?? null,
});

type ClosingGiven = Partial<Omit<PlanClosing, 'assessment'> & { assessment: { grade: string; comment: string | null } }>;

/** The closing fields given, in the decider's form; next year's tasks get ids. */
export const closingOf = (input: ClosingInput, mintTask: Mint): ClosingGiven => {
  const out: ClosingGiven = {};
  if (input.assessment !== undefined) out.assessment = { grade: input.assessment.grade, comment: input.assessment.comment ?? null };
  if (input.conclusions !== undefined) out.conclusions = input.conclusions;
  if (input.problems !== undefined) out.problems = input.problems;
  if (input.taskResults !== undefined) out.taskResults = input.taskResults.map((t) => ({ taskId: t.taskId.toLowerCase(), result: t.result, reason: t.reason ?? null }));
  if (input.sections !== undefined) out.sections = input.sections;
  if (input.nextYear !== undefined) out.nextYear = { goal: input.nextYear.goal ?? null, tasks: tasksOf(input.nextYear.tasks ?? [], mintTask) };
  if (input.itemResolutions !== undefined) {
    out.itemResolutions = input.itemResolutions.map((r) => {
      const planItemId = r.planItemId.toLowerCase();
      if (r.resolution === 'held') return { planItemId, resolution: 'held' as const, eventIds: (r.eventIds ?? []).map((id) => id.toLowerCase()) };
      if (r.resolution === 'cancelled') return { planItemId, resolution: 'cancelled' as const, reason: r.reason ?? '' };
      return { planItemId, resolution: r.resolution, reason: r.reason ?? null } as { planItemId: string; resolution: 'carried-over'; reason: string | null };
    });
  }
  return out;
};

/** The events a closing says realised its items. */
export const realisingEventIdsOf = (input: ClosingInput): string[] => (input.itemResolutions ?? []).flatMap((r) => r.eventIds ?? []).map((id) => id.toLowerCase());
