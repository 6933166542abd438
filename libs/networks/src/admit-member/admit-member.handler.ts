import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { NetworkMapWriter } from '../network-map/network-map.writer';
import { AdmitMemberCommand } from './admit-member.command';

@CommandHandler(AdmitMemberCommand)
export class AdmitMemberHandler implements ICommandHandler<AdmitMemberCommand> {
  constructor(private readonly writer: NetworkMapWriter) {}

  execute({ networkId: id, body, context }: AdmitMemberCommand) {
    return this.writer.decideOn(context, id, {
      prepare: () => this.writer.institution(context.department, body.institutionId.toLowerCase()),
      command: (_, institution) => ({ type: 'AdmitMember', data: { networkId: id, institution, role: body.role, from: body.from } }),
    });
  }
}
