import { CommandHandler } from '@nestjs/cqrs';
import { NetworkMapHandler } from '../network-map/network-map.handler';
import { MergeNetworksCommand } from './merge-networks.command';

@CommandHandler(MergeNetworksCommand)
export class MergeNetworksHandler extends NetworkMapHandler<MergeNetworksCommand> {
  execute({ id, body, context }: MergeNetworksCommand) {
    const intoNetworkId = body.intoNetworkId.toLowerCase();
    return this.writer.decideOn(context, id, {
      sameKindAs: { networkId: intoNetworkId, what: 'the network to merge into' },
      command: () => ({ type: 'MergeNetworks', data: { networkId: id, intoNetworkId, on: body.on, reason: body.reason } }),
    });
  }
}
