import { ResourceCommand } from '@app/platform/commands';
import type { ApprovalInput, NewPlanItemInput, PlanContentInput, PlanItemFieldsInput } from '../plan-writer/plan-input';

export interface AmendPlanInput {
  /** Why the approved plan changes: required (422 reason-required without one). */
  reason?: string;
  /** Who approved the amendment, when, by which decision. */
  approval: ApprovalInput;
  content?: PlanContentInput;
  addItems?: NewPlanItemInput[];
  changeItems?: Array<{ planItemId: string; changes: PlanItemFieldsInput }>;
  removeItemIds?: string[];
}

export class AmendPlanCommand extends ResourceCommand<AmendPlanInput> {}
