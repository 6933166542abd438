import { CommandContext } from '@app/kernel';
import { RenameNetworkDto } from './rename-network.dto';

export class RenameNetworkCommand {
  constructor(
    readonly networkId: string,
    readonly body: RenameNetworkDto,
    readonly context: CommandContext,
    readonly ifMatch?: number,
  ) {}
}
