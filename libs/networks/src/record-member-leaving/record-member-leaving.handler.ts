import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { NetworkMapWriter } from '../network-map/network-map.writer';
import { RecordMemberLeavingCommand } from './record-member-leaving.command';

@CommandHandler(RecordMemberLeavingCommand)
export class RecordMemberLeavingHandler implements ICommandHandler<RecordMemberLeavingCommand> {
  constructor(private readonly writer: NetworkMapWriter) {}

  execute({ networkId: id, institutionId, body, context }: RecordMemberLeavingCommand) {
    return this.writer.decideOn(context, id, {
      command: () => ({ type: 'RecordMemberLeaving', data: { networkId: id, institutionId, on: body.on, reason: body.reason } }),
    });
  }
}
