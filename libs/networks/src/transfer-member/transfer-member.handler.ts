import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { WriteResult } from '@app/kernel';
import { NetworkMapWriter } from '../network-map/network-map.writer';
import { TransferMemberCommand } from './transfer-member.command';

@CommandHandler(TransferMemberCommand)
export class TransferMemberHandler implements ICommandHandler<TransferMemberCommand, WriteResult> {
  constructor(private readonly writer: NetworkMapWriter) {}

  async execute({ networkId: id, institutionId, body, context, ifMatch }: TransferMemberCommand): Promise<WriteResult> {
    const kind = await this.writer.kindOfPathNetwork(context.department, id);
    await this.writer.assertSameKind(context.department, body.toNetworkId.toLowerCase(), kind, 'the target');
    return this.writer.execute({
      context,
      kind,
      networkId: id,
      ifMatch,
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
