import { CommandContext } from '@app/kernel';
import { RecordMemberLeavingDto } from './record-member-leaving.dto';

export class RecordMemberLeavingCommand {
  constructor(
    readonly networkId: string,
    readonly institutionId: string,
    readonly body: RecordMemberLeavingDto,
    readonly context: CommandContext,
    readonly ifMatch?: number,
  ) {}
}
