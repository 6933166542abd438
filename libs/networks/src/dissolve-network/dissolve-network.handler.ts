import { CommandHandler } from '@nestjs/cqrs';
import { NetworkMapHandler } from '../network-map/network-map.handler';
import { DissolveNetworkCommand } from './dissolve-network.command';

@CommandHandler(DissolveNetworkCommand)
export class DissolveNetworkHandler extends NetworkMapHandler<DissolveNetworkCommand> {
  execute({ id, body, context }: DissolveNetworkCommand) {
    return this.writer.decideOn(context, id, { command: () => ({ type: 'DissolveNetwork', data: { networkId: id, on: body.on, reason: body.reason } }) });
  }
}
