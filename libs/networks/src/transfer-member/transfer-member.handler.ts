import { CommandHandler } from '@nestjs/cqrs';
import { NetworkMapHandler } from '../network-map/network-map.handler';
import { TransferMemberCommand } from './transfer-member.command';

@CommandHandler(TransferMemberCommand)
export class TransferMemberHandler extends NetworkMapHandler<TransferMemberCommand> {
  async execute({ id, body, context }: TransferMemberCommand) {
    const toNetworkId = body.toNetworkId.toLowerCase();
    const kind = await this.writer.kindOfPathNetwork(context.department, id);
    await this.writer.assertSameKind(context.department, toNetworkId, kind, 'the target');
    return this.writer.execute({
      context,
      kind,
      networkId: id,
      ifMatch: context.ifMatch,
      prepare: () => this.writer.institution(context.department, body.institutionId),
      command: (_, institution) => ({ type: 'TransferMember', data: { institution, fromNetworkId: id, toNetworkId, role: body.role ?? null, on: body.on, reason: body.reason } }),
    });
  }
}
