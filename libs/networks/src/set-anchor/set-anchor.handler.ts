import { CommandHandler } from '@nestjs/cqrs';
import { NetworkMapHandler } from '../network-map/network-map.handler';
import { SetAnchorCommand } from './set-anchor.command';

@CommandHandler(SetAnchorCommand)
export class SetAnchorHandler extends NetworkMapHandler<SetAnchorCommand> {
  execute({ id, body, context }: SetAnchorCommand) {
    const institutionId = body.institutionId.toLowerCase();
    return this.writer.decideOn(context, id, { command: () => ({ type: 'SetAnchor', data: { networkId: id, institutionId, from: body.from } }) });
  }
}
