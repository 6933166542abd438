import { CommandHandler } from '@nestjs/cqrs';
import { EventHandler } from '../event-writer/event.handler';
import { CancelEventCommand } from './cancel-event.command';

@CommandHandler(CancelEventCommand)
export class CancelEventHandler extends EventHandler<CancelEventCommand> {
  execute({ id, body, context }: CancelEventCommand) {
    return this.writer.change(context, id, { command: () => ({ type: 'CancelEvent', data: { eventId: id, reason: body.reason } }) });
  }
}
