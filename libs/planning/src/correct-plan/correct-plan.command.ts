import { ResourceCommand } from '@app/platform/commands';
import type { ClosingInput, PlanContentInput } from '../plan-writer/plan-input';

export interface CorrectPlanInput extends ClosingInput, PlanContentInput {
  /** Why the closed plan is corrected: required (422 reason-required without one). */
  reason?: string;
}

export class CorrectPlanCommand extends ResourceCommand<CorrectPlanInput> {}
