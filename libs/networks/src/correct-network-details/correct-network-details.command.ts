import { CommandContext } from '@app/kernel';
import { CorrectNetworkDetailsDto } from './correct-network-details.dto';

export class CorrectNetworkDetailsCommand {
  constructor(
    readonly networkId: string,
    readonly body: CorrectNetworkDetailsDto,
    readonly context: CommandContext,
    readonly ifMatch?: number,
  ) {}
}
