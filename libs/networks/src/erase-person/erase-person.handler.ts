import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, EventStore, decideAndAppend } from '@app/event-store';
import { PERSONAL_DATA_VAULT, PersonalDataVault, personDecider, personStream } from '@app/personal-data';
import { ErasePersonCommand, PersonErasure } from './erase-person.command';

/**
 * Erasure on request: the vault forgets the person's name; the event log keeps that it
 * happened (who, when, why), never the name. Readers then show the person as erased.
 *
 * The vault forgets first (the prepare step, once): an unknown person, or another department's,
 * is refused there before anything is recorded, and a repeat or a concurrent erasure gets the
 * first tombstone. The fact is then decided by the person decider on the person's stream and
 * appended with its expected revision: of concurrent erasures one records it, the others are
 * decided again on the new state and record nothing, so it is recorded once. Should the
 * append fail after the vault forgot (the process dies), erasing again records it.
 */
@CommandHandler(ErasePersonCommand)
export class ErasePersonHandler implements ICommandHandler<ErasePersonCommand> {
  constructor(
    @Inject(PERSONAL_DATA_VAULT) private readonly vault: PersonalDataVault,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ id: personId, body, context }: ErasePersonCommand): Promise<PersonErasure> {
    const erased = await this.vault.erase(context.department, personId, { actorId: context.actor.id, reason: body.reason, at: context.receivedAt.toISOString() });
    const result = await decideAndAppend({
      store: this.store,
      decider: personDecider,
      streamId: personStream(personId),
      aggregateId: personId,
      context,
      command: { type: 'ErasePerson', data: { personId, erasedAt: erased.erasedAt } },
    });
    return { personId, erasedAt: erased.erasedAt, erasedBy: erased.erasedBy, reason: erased.reason, position: result.position };
  }
}
