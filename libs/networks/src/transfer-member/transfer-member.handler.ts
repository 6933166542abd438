import { CommandHandler } from '@nestjs/cqrs';
import { NetworkMapHandler } from '../network-map/network-map.handler';
import { TransferMemberCommand } from './transfer-member.command';

@CommandHandler(TransferMemberCommand)
export class TransferMemberHandler extends NetworkMapHandler<TransferMemberCommand> {
  execute({ id, body, context }: TransferMemberCommand) {
    const toNetworkId = body.toNetworkId.toLowerCase();
    return this.writer.decideOn(context, id, {
      sameKindAs: { networkId: toNetworkId, what: 'the target' },
      prepare: () => this.writer.institution(context.department, body.institutionId),
      command: (_, institution) => ({
        type: 'TransferMember',
        data: { institution, fromNetworkId: id, toNetworkId, role: body.role ?? null, on: body.on, reason: body.reason },
      }),
    });
  }
}
