import { ResourceCommand } from '@app/platform/commands';

/** Nothing but the path: the request has no body. */
export type DraftNextYearPlanInput = object;

export class DraftNextYearPlanCommand extends ResourceCommand<DraftNextYearPlanInput> {}
