import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { WriteResult } from '@app/kernel';
import { NetworkMapWriter } from '../network-map/network-map.writer';
import { DissolveNetworkCommand } from './dissolve-network.command';

@CommandHandler(DissolveNetworkCommand)
export class DissolveNetworkHandler implements ICommandHandler<DissolveNetworkCommand, WriteResult> {
  constructor(private readonly writer: NetworkMapWriter) {}

  async execute({ networkId: id, body, context, ifMatch }: DissolveNetworkCommand): Promise<WriteResult> {
    const kind = await this.writer.kindOfPathNetwork(context.department, id);
    return this.writer.execute({
      context,
      kind,
      networkId: id,
      ifMatch,
      command: () => ({ type: 'DissolveNetwork', data: { networkId: id, on: body.on, reason: body.reason } }),
    });
  }
}
