import { ResourceCommand } from '@app/platform/commands';

export interface LinkEventToPlanItemInput { planItemId: string; reason?: string }

export class LinkEventToPlanItemCommand extends ResourceCommand<LinkEventToPlanItemInput> {}
