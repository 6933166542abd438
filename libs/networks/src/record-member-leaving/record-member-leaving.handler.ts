import { CommandHandler } from '@nestjs/cqrs';
import { NetworkMapHandler } from '../network-map/network-map.handler';
import { RecordMemberLeavingCommand } from './record-member-leaving.command';

@CommandHandler(RecordMemberLeavingCommand)
export class RecordMemberLeavingHandler extends NetworkMapHandler<RecordMemberLeavingCommand> {
  execute({ id, body: { institutionId, on, reason }, context }: RecordMemberLeavingCommand) {
    return this.writer.decideOn(context, id, { command: () => ({ type: 'RecordMemberLeaving', data: { networkId: id, institutionId, on, reason } }) });
  }
}
