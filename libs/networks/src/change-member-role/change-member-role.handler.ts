import { CommandHandler } from '@nestjs/cqrs';
import { NetworkMapHandler } from '../network-map/network-map.handler';
import { ChangeMemberRoleCommand } from './change-member-role.command';

@CommandHandler(ChangeMemberRoleCommand)
export class ChangeMemberRoleHandler extends NetworkMapHandler<ChangeMemberRoleCommand> {
  execute({ id, body: { institutionId, role, from }, context }: ChangeMemberRoleCommand) {
    return this.writer.decideOn(context, id, { command: () => ({ type: 'ChangeMemberRole', data: { networkId: id, institutionId, role, from } }) });
  }
}
