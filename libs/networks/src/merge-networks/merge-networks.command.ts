import { ResourceCommand } from '@app/platform/commands';

export interface MergeNetworksInput { intoNetworkId: string; on: string; reason: string }

export class MergeNetworksCommand extends ResourceCommand<MergeNetworksInput> {}
