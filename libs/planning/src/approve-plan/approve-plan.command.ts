import { ResourceCommand } from '@app/platform/commands';
import type { ApprovalInput } from '../plan-writer/plan-input';

export type ApprovePlanInput = ApprovalInput;

export class ApprovePlanCommand extends ResourceCommand<ApprovePlanInput> {}
