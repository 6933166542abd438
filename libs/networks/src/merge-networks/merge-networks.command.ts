import { CommandContext } from '@app/kernel';
import { MergeNetworksDto } from './merge-networks.dto';

export class MergeNetworksCommand {
  constructor(
    readonly networkId: string,
    readonly body: MergeNetworksDto,
    readonly context: CommandContext,
    readonly ifMatch?: number,
  ) {}
}
