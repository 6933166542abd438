import { ResourceCommand } from '@app/platform/commands';

export interface DissolveNetworkInput { on: string; reason: string }

export class DissolveNetworkCommand extends ResourceCommand<DissolveNetworkInput> {}
