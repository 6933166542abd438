import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { NetworkMapWriter } from '../network-map/network-map.writer';
import { RenameNetworkCommand } from './rename-network.command';

@CommandHandler(RenameNetworkCommand)
export class RenameNetworkHandler implements ICommandHandler<RenameNetworkCommand> {
  constructor(private readonly writer: NetworkMapWriter) {}

  execute({ networkId: id, body, context }: RenameNetworkCommand) {
    return this.writer.decideOn(context, id, {
      command: () => ({ type: 'RenameNetwork', data: { networkId: id, name: body.name.trim(), renamedOn: body.renamedOn } }),
    });
  }
}
