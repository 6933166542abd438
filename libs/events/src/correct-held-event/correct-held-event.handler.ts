import { CommandHandler } from '@nestjs/cqrs';
import { toIsoDate } from '@app/kernel';
import { peopleOf } from '../event-writer/event-people';
import { EventHandler, assertWhens, plain } from '../event-writer/event.handler';
import { correctedDetailsOf, correctedHeldOf } from '../event-writer/event-mapping';
import { CorrectHeldEventCommand } from './correct-held-event.command';

@CommandHandler(CorrectHeldEventCommand)
export class CorrectHeldEventHandler extends EventHandler<CorrectHeldEventCommand> {
  execute({ id, body, context }: CorrectHeldEventCommand) {
    const { reason, people, when, participation, outcome, materials, publications, ...given } = plain(body);
    assertWhens([when, 'when']);
    const details = correctedDetailsOf(given);
    const held = correctedHeldOf({ when, participation, outcome, materials, publications });
    return this.writer.change(context, id, {
      networksAfter: details.networkIds,
      prepare: async (event) => ({
        facts: await this.writer.facts(context.department, event, { ...details, institutionIds: held.participation?.institutionIds }),
        people: people && (await this.people.record(context, people, 'people')),
      }),
      command: (event, prepared) => ({
        type: 'CorrectHeldEvent',
        data: {
          eventId: id,
          corrections: { ...details, ...held, ...(prepared.people ? { people: peopleOf(prepared.people, event.people) } : {}) },
          reason,
          today: toIsoDate(context.receivedAt),
          facts: prepared.facts,
        },
      }),
    });
  }
}
