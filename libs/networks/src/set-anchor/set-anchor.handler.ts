import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { NetworkMapWriter } from '../network-map/network-map.writer';
import { SetAnchorCommand } from './set-anchor.command';

@CommandHandler(SetAnchorCommand)
export class SetAnchorHandler implements ICommandHandler<SetAnchorCommand> {
  constructor(private readonly writer: NetworkMapWriter) {}

  execute({ networkId: id, body, context }: SetAnchorCommand) {
    return this.writer.decideOn(context, id, {
      command: () => ({ type: 'SetAnchor', data: { networkId: id, institutionId: body.institutionId.toLowerCase(), from: body.from } }),
    });
  }
}
