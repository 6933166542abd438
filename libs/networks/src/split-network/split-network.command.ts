import { CommandContext } from '@app/kernel';
import { SplitNetworkDto } from './split-network.dto';

export class SplitNetworkCommand {
  constructor(
    readonly networkId: string,
    readonly body: SplitNetworkDto,
    readonly context: CommandContext,
    readonly ifMatch?: number,
  ) {}
}
