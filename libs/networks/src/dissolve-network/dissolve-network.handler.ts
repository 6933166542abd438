import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { NetworkMapWriter } from '../network-map/network-map.writer';
import { DissolveNetworkCommand } from './dissolve-network.command';

@CommandHandler(DissolveNetworkCommand)
export class DissolveNetworkHandler implements ICommandHandler<DissolveNetworkCommand> {
  constructor(private readonly writer: NetworkMapWriter) {}

  execute({ networkId: id, body, context }: DissolveNetworkCommand) {
    return this.writer.decideOn(context, id, { command: () => ({ type: 'DissolveNetwork', data: { networkId: id, on: body.on, reason: body.reason } }) });
  }
}
