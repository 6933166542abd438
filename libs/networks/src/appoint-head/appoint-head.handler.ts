import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { WriteResult, deterministicId, newId } from '@app/kernel';
import { PERSONAL_DATA_VAULT, PersonalDataVault } from '@app/personal-data/personal-data-vault.port';
import { NetworkMapWriter } from '../network-map/network-map.writer';
import { AppointHeadCommand } from './appoint-head.command';

/**
 * The name goes to the personal-data vault under a new person id; the event records only the
 * id and the position. If the append is refused, the vault keeps an unreferenced entry, which
 * no reader ever shows.
 */
@CommandHandler(AppointHeadCommand)
export class AppointHeadHandler implements ICommandHandler<AppointHeadCommand, WriteResult> {
  constructor(
    private readonly writer: NetworkMapWriter,
    @Inject(PERSONAL_DATA_VAULT) private readonly vault: PersonalDataVault,
  ) {}

  async execute({ networkId, body, context, ifMatch }: AppointHeadCommand): Promise<WriteResult> {
    const kind = await this.writer.kindOfPathNetwork(context.department, networkId);
    const personId = context.idempotencyKey ? deterministicId(context.department, 'person', context.idempotencyKey) : newId();
    return this.writer.execute({
      context,
      kind,
      networkId,
      ifMatch,
      command: async () => {
        await this.vault.record({
          personId,
          department: context.department,
          fullName: body.fullName.trim(),
          recordedAt: context.receivedAt.toISOString(),
          recordedBy: context.actor.id,
        });
        return { type: 'AppointHead', data: { networkId, personId, position: body.position.trim(), appointedOn: body.appointedOn } };
      },
    });
  }
}
