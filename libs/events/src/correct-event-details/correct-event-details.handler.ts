import { CommandHandler } from '@nestjs/cqrs';
import { toIsoDate } from '@app/kernel';
import { peopleOf } from '../event-writer/event-people';
import { EventHandler, assertWhens, plain } from '../event-writer/event.handler';
import { correctedDetailsOf, whenOf } from '../event-writer/event-mapping';
import { CorrectEventDetailsCommand } from './correct-event-details.command';

@CommandHandler(CorrectEventDetailsCommand)
export class CorrectEventDetailsHandler extends EventHandler<CorrectEventDetailsCommand> {
  execute({ id, body, context }: CorrectEventDetailsCommand) {
    const { reason, people, when, ...given } = plain(body);
    assertWhens([when, 'when']);
    const details = correctedDetailsOf(given);
    return this.writer.change(context, id, {
      networksAfter: details.networkIds,
      prepare: async (event) => ({
        facts: await this.writer.facts(context.department, event, details),
        people: people && (await this.people.record(context, people, 'people')),
      }),
      command: (event, prepared) => ({
        type: 'CorrectEventDetails',
        data: {
          eventId: id,
          corrections: { ...details, ...(when !== undefined ? { when: whenOf(when) } : {}), ...(prepared.people ? { people: peopleOf(prepared.people, event.people) } : {}) },
          reason: reason ?? null,
          today: toIsoDate(context.receivedAt),
          facts: prepared.facts,
        },
      }),
    });
  }
}
