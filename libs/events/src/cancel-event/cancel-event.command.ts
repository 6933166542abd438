import { ResourceCommand } from '@app/platform/commands';

export interface CancelEventInput { reason: string }

export class CancelEventCommand extends ResourceCommand<CancelEventInput> {}
