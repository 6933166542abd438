import { CommandContext } from '@app/kernel';
import { TransferMemberDto } from './transfer-member.dto';

export class TransferMemberCommand {
  constructor(
    readonly networkId: string,
    readonly institutionId: string,
    readonly body: TransferMemberDto,
    readonly context: CommandContext,
    readonly ifMatch?: number,
  ) {}
}
