import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { WriteResult } from '@app/kernel';
import { NetworkMapWriter } from '../network-map/network-map.writer';
import { SetAnchorCommand } from './set-anchor.command';

@CommandHandler(SetAnchorCommand)
export class SetAnchorHandler implements ICommandHandler<SetAnchorCommand, WriteResult> {
  constructor(private readonly writer: NetworkMapWriter) {}

  async execute({ networkId: id, body, context, ifMatch }: SetAnchorCommand): Promise<WriteResult> {
    const kind = await this.writer.kindOfPathNetwork(context.department, id);
    return this.writer.execute({
      context,
      kind,
      networkId: id,
      ifMatch,
      command: () => ({ type: 'SetAnchor', data: { networkId: id, institutionId: body.institutionId.toLowerCase(), from: body.from } }),
    });
  }
}
