import { CommandContext } from '@app/kernel';
import { AdmitMemberDto } from './admit-member.dto';

export class AdmitMemberCommand {
  constructor(
    readonly networkId: string,
    readonly body: AdmitMemberDto,
    readonly context: CommandContext,
    readonly ifMatch?: number,
  ) {}
}
