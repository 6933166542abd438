import { ApprovalDto } from '../plan-writer/plan-input.dto';
import type { ApprovePlanInput } from './approve-plan.command';

/** Who approved it (a person, a body, or both), on which day, by which decision. */
export class ApprovePlanDto extends ApprovalDto implements ApprovePlanInput {}
