import { ResourceCommand } from '@app/platform/commands';

export interface SetAnchorInput { institutionId: string; from: string }

export class SetAnchorCommand extends ResourceCommand<SetAnchorInput> {}
