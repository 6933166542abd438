import { CommandHandler } from '@nestjs/cqrs';
import { toIsoDate } from '@app/kernel';
import { EventHandler, assertWhens, plain } from '../event-writer/event.handler';
import { whenOf } from '../event-writer/event-mapping';
import { PostponeEventCommand } from './postpone-event.command';

@CommandHandler(PostponeEventCommand)
export class PostponeEventHandler extends EventHandler<PostponeEventCommand> {
  execute({ id, body, context }: PostponeEventCommand) {
    const input = plain(body);
    assertWhens([input.when, 'when']);
    return this.writer.change(context, id, {
      prepare: (event) => this.writer.facts(context.department, event, {}),
      command: (_event, facts) => ({ type: 'PostponeEvent', data: { eventId: id, when: whenOf(input.when), reason: input.reason, today: toIsoDate(context.receivedAt), facts } }),
    });
  }
}
