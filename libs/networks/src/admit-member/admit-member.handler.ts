import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { WriteResult } from '@app/kernel';
import { NetworkMapWriter } from '../network-map/network-map.writer';
import { AdmitMemberCommand } from './admit-member.command';

@CommandHandler(AdmitMemberCommand)
export class AdmitMemberHandler implements ICommandHandler<AdmitMemberCommand, WriteResult> {
  constructor(private readonly writer: NetworkMapWriter) {}

  async execute({ networkId: id, body, context, ifMatch }: AdmitMemberCommand): Promise<WriteResult> {
    const kind = await this.writer.kindOfPathNetwork(context.department, id);
    return this.writer.execute({
      context,
      kind,
      networkId: id,
      ifMatch,
      prepare: () => this.writer.institution(context.department, body.institutionId.toLowerCase()),
      command: (_, institution) => ({ type: 'AdmitMember', data: { networkId: id, institution, role: body.role, from: body.from } }),
    });
  }
}
