import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { NetworkMapWriter } from '../network-map/network-map.writer';
import { MergeNetworksCommand } from './merge-networks.command';

@CommandHandler(MergeNetworksCommand)
export class MergeNetworksHandler implements ICommandHandler<MergeNetworksCommand> {
  constructor(private readonly writer: NetworkMapWriter) {}

  async execute({ networkId: id, body, context }: MergeNetworksCommand) {
    const kind = await this.writer.kindOfPathNetwork(context.department, id);
    await this.writer.assertSameKind(context.department, body.intoNetworkId.toLowerCase(), kind, 'the network to merge into');
    return this.writer.execute({
      context,
      kind,
      networkId: id,
      ifMatch: context.ifMatch,
      command: () => ({ type: 'MergeNetworks', data: { networkId: id, intoNetworkId: body.intoNetworkId.toLowerCase(), on: body.on, reason: body.reason } }),
    });
  }
}
