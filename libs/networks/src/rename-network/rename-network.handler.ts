import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { WriteResult } from '@app/kernel';
import { NetworkMapWriter } from '../network-map/network-map.writer';
import { RenameNetworkCommand } from './rename-network.command';

@CommandHandler(RenameNetworkCommand)
export class RenameNetworkHandler implements ICommandHandler<RenameNetworkCommand, WriteResult> {
  constructor(private readonly writer: NetworkMapWriter) {}

  async execute({ networkId: id, body, context, ifMatch }: RenameNetworkCommand): Promise<WriteResult> {
    const kind = await this.writer.kindOfPathNetwork(context.department, id);
    return this.writer.execute({
      context,
      kind,
      networkId: id,
      ifMatch,
      command: () => ({ type: 'RenameNetwork', data: { networkId: id, name: body.name.trim(), renamedOn: body.renamedOn } }),
    });
  }
}
