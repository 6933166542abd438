import { CommandHandler } from '@nestjs/cqrs';
import { toIsoDate } from '@app/kernel';
import { EventHandler, assertWhens, plain } from '../event-writer/event.handler';
import { linksOf, participationOf, whenOf } from '../event-writer/event-mapping';
import { RecordEventHeldCommand } from './record-event-held.command';

@CommandHandler(RecordEventHeldCommand)
export class RecordEventHeldHandler extends EventHandler<RecordEventHeldCommand> {
  execute({ id, body, context }: RecordEventHeldCommand) {
    const input = plain(body);
    assertWhens([input.when, 'when']);
    return this.writer.change(context, id, {
      prepare: (event) => this.writer.facts(context.department, event, { institutionIds: participationOf(input.participation).institutionIds }),
      command: (_event, facts) => ({
        type: 'RecordEventHeld',
        data: {
          eventId: id,
          when: whenOf(input.when),
          participation: participationOf(input.participation),
          outcome: input.outcome ?? null,
          materials: linksOf(input.materials),
          publications: linksOf(input.publications),
          today: toIsoDate(context.receivedAt),
          facts,
        },
      }),
    });
  }
}
