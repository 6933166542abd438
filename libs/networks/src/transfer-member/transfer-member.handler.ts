import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { NetworkMapWriter } from '../network-map/network-map.writer';
import { TransferMemberCommand } from './transfer-member.command';

@CommandHandler(TransferMemberCommand)
export class TransferMemberHandler implements ICommandHandler<TransferMemberCommand> {
  constructor(private readonly writer: NetworkMapWriter) {}

  async execute({ networkId: id, institutionId, body, context }: TransferMemberCommand) {
    const kind = await this.writer.kindOfPathNetwork(context.department, id);
    await this.writer.assertSameKind(context.department, body.toNetworkId.toLowerCase(), kind, 'the target');
    return this.writer.execute({
      context,
      kind,
      networkId: id,
      ifMatch: context.ifMatch,
      prepare: () => this.writer.institution(context.department, institutionId),
      command: (_, institution) => ({
        type: 'TransferMember',
        data: {
          institution,
          fromNetworkId: id,
          toNetworkId: body.toNetworkId.toLowerCase(),
          role: body.role ?? null,
          on: body.on,
          reason: body.reason,
        },
      }),
    });
  }
}
