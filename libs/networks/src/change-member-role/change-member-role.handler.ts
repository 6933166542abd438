import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { WriteResult } from '@app/kernel';
import { NetworkMapWriter } from '../network-map/network-map.writer';
import { ChangeMemberRoleCommand } from './change-member-role.command';

@CommandHandler(ChangeMemberRoleCommand)
export class ChangeMemberRoleHandler implements ICommandHandler<ChangeMemberRoleCommand, WriteResult> {
  constructor(private readonly writer: NetworkMapWriter) {}

  async execute({ networkId: id, institutionId, body, context, ifMatch }: ChangeMemberRoleCommand): Promise<WriteResult> {
    const kind = await this.writer.kindOfPathNetwork(context.department, id);
    return this.writer.execute({
      context,
      kind,
      networkId: id,
      ifMatch,
      command: () => ({ type: 'ChangeMemberRole', data: { networkId: id, institutionId, role: body.role, from: body.from } }),
    });
  }
}
