import { ResourceCommand } from '@app/platform/commands';

export interface RenameNetworkInput { name: string; renamedOn: string }

export class RenameNetworkCommand extends ResourceCommand<RenameNetworkInput> {}
