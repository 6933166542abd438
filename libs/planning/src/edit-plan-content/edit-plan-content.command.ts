import { ResourceCommand } from '@app/platform/commands';
import type { PlanContentInput } from '../plan-writer/plan-input';

export type EditPlanContentInput = PlanContentInput;

export class EditPlanContentCommand extends ResourceCommand<EditPlanContentInput> {}
