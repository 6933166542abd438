import { CommandContext } from '@app/kernel';
import { DissolveNetworkDto } from './dissolve-network.dto';

export class DissolveNetworkCommand {
  constructor(
    readonly networkId: string,
    readonly body: DissolveNetworkDto,
    readonly context: CommandContext,
    readonly ifMatch?: number,
  ) {}
}
