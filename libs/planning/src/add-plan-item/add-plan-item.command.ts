import { ResourceCommand } from '@app/platform/commands';
import type { NewPlanItemInput } from '../plan-writer/plan-input';

export type AddPlanItemInput = NewPlanItemInput;

export class AddPlanItemCommand extends ResourceCommand<AddPlanItemInput> {}
