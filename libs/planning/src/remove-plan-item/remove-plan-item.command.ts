import { ResourceCommand } from '@app/platform/commands';

/** Nothing but the path: the request has no body. */
export type RemovePlanItemInput = object;

export class RemovePlanItemCommand extends ResourceCommand<RemovePlanItemInput & { planItemId: string }> {}
