import { CommandHandler } from '@nestjs/cqrs';
import { NetworkMapHandler } from '../network-map/network-map.handler';
import { AdmitMemberCommand } from './admit-member.command';

@CommandHandler(AdmitMemberCommand)
export class AdmitMemberHandler extends NetworkMapHandler<AdmitMemberCommand> {
  execute({ id, body, context }: AdmitMemberCommand) {
    return this.writer.decideOn(context, id, {
      prepare: () => this.writer.institution(context.department, body.institutionId.toLowerCase()),
      command: (_, institution) => ({ type: 'AdmitMember', data: { networkId: id, institution, role: body.role, from: body.from } }),
    });
  }
}
