import { CommandContext } from '@app/kernel';
import { RegisterNetworkDto } from './register-network.dto';

export class RegisterNetworkCommand {
  constructor(
    readonly body: RegisterNetworkDto,
    readonly context: CommandContext,
  ) {}
}
