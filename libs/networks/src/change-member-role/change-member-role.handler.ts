import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { NetworkMapWriter } from '../network-map/network-map.writer';
import { ChangeMemberRoleCommand } from './change-member-role.command';

@CommandHandler(ChangeMemberRoleCommand)
export class ChangeMemberRoleHandler implements ICommandHandler<ChangeMemberRoleCommand> {
  constructor(private readonly writer: NetworkMapWriter) {}

  execute({ networkId: id, institutionId, body, context }: ChangeMemberRoleCommand) {
    return this.writer.decideOn(context, id, {
      command: () => ({ type: 'ChangeMemberRole', data: { networkId: id, institutionId, role: body.role, from: body.from } }),
    });
  }
}
