import { Inject } from '@nestjs/common';
import { CommandHandler } from '@nestjs/cqrs';
import { deterministicId, newId } from '@app/kernel';
import { PERSONAL_DATA_VAULT, PersonalDataVault } from '@app/personal-data';
import { NetworkMapHandler } from '../network-map/network-map.handler';
import { NetworkMapWriter } from '../network-map/network-map.writer';
import { AppointHeadCommand } from './appoint-head.command';

/**
 * The name goes to the personal-data vault under a new person id, once per command (the
 * prepare step), however often the decision is tried again; the event records only the id and
 * the position. When the decision is then refused or never appended, the vault keeps an entry
 * no event refers to, which no reader ever shows (readers ask the vault only for the ids their
 * read models hold); with an idempotency key, a repeat of the request records the same id and
 * name again, which changes nothing.
 */
@CommandHandler(AppointHeadCommand)
export class AppointHeadHandler extends NetworkMapHandler<AppointHeadCommand> {
  constructor(writer: NetworkMapWriter, @Inject(PERSONAL_DATA_VAULT) private readonly vault: PersonalDataVault) {
    super(writer);
  }

  execute({ id: networkId, body, context }: AppointHeadCommand) {
    const personId = context.idempotencyKey ? deterministicId(context.department, 'person', context.idempotencyKey) : newId();
    return this.writer.decideOn(context, networkId, {
      prepare: () =>
        this.vault.record({
          personId,
          department: context.department,
          fullName: body.fullName.trim(),
          recordedAt: context.receivedAt.toISOString(),
          recordedBy: context.actor.id,
        }),
      command: () => ({ type: 'AppointHead', data: { networkId, personId, position: body.position.trim(), appointedOn: body.appointedOn } }),
    });
  }
}
