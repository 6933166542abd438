import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { WriteResult } from '@app/kernel';
import { NetworkMapWriter } from '../network-map/network-map.writer';
import { RecordMemberLeavingCommand } from './record-member-leaving.command';

@CommandHandler(RecordMemberLeavingCommand)
export class RecordMemberLeavingHandler implements ICommandHandler<RecordMemberLeavingCommand, WriteResult> {
  constructor(private readonly writer: NetworkMapWriter) {}

  async execute({ networkId: id, institutionId, body, context, ifMatch }: RecordMemberLeavingCommand): Promise<WriteResult> {
    const kind = await this.writer.kindOfPathNetwork(context.department, id);
    return this.writer.execute({
      context,
      kind,
      networkId: id,
      ifMatch,
      command: () => ({ type: 'RecordMemberLeaving', data: { networkId: id, institutionId, on: body.on, reason: body.reason } }),
    });
  }
}
