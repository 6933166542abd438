import { CommandHandler } from '@nestjs/cqrs';
import { NetworkMapHandler } from '../network-map/network-map.handler';
import { MergeNetworksCommand } from './merge-networks.command';

@CommandHandler(MergeNetworksCommand)
export class MergeNetworksHandler extends NetworkMapHandler<MergeNetworksCommand> {
  async execute({ id, body, context }: MergeNetworksCommand) {
    const intoNetworkId = body.intoNetworkId.toLowerCase();
    const kind = await this.writer.kindOfPathNetwork(context.department, id);
    await this.writer.assertSameKind(context.department, intoNetworkId, kind, 'the network to merge into');
    return this.writer.execute({
      context,
      kind,
      networkId: id,
      ifMatch: context.ifMatch,
      command: () => ({ type: 'MergeNetworks', data: { networkId: id, intoNetworkId, on: body.on, reason: body.reason } }),
    });
  }
}
