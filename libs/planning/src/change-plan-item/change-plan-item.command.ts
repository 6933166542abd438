import { ResourceCommand } from '@app/platform/commands';
import type { PlanItemFieldsInput } from '../plan-writer/plan-input';

export type ChangePlanItemInput = PlanItemFieldsInput;

export class ChangePlanItemCommand extends ResourceCommand<ChangePlanItemInput & { planItemId: string }> {}
