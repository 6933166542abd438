import { CommandHandler } from '@nestjs/cqrs';
import { NetworkMapHandler } from '../network-map/network-map.handler';
import { RenameNetworkCommand } from './rename-network.command';

@CommandHandler(RenameNetworkCommand)
export class RenameNetworkHandler extends NetworkMapHandler<RenameNetworkCommand> {
  execute({ id, body, context }: RenameNetworkCommand) {
    return this.writer.decideOn(context, id, { command: () => ({ type: 'RenameNetwork', data: { networkId: id, name: body.name.trim(), renamedOn: body.renamedOn } }) });
  }
}
