import { ResourceCommand } from '@app/platform/commands';

export interface UnlinkEventFromPlanItemInput { reason: string }

export class UnlinkEventFromPlanItemCommand extends ResourceCommand<UnlinkEventFromPlanItemInput & { planItemId: string }> {}
