import { CommandContext } from '@app/kernel';
import { ChangeMemberRoleDto } from './change-member-role.dto';

export class ChangeMemberRoleCommand {
  constructor(
    readonly networkId: string,
    readonly institutionId: string,
    readonly body: ChangeMemberRoleDto,
    readonly context: CommandContext,
    readonly ifMatch?: number,
  ) {}
}
