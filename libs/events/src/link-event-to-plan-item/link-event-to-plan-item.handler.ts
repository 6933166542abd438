import { CommandHandler } from '@nestjs/cqrs';
import { EventHandler } from '../event-writer/event.handler';
import { LinkEventToPlanItemCommand } from './link-event-to-plan-item.command';

@CommandHandler(LinkEventToPlanItemCommand)
export class LinkEventToPlanItemHandler extends EventHandler<LinkEventToPlanItemCommand> {
  execute({ id, body, context }: LinkEventToPlanItemCommand) {
    const planItemId = body.planItemId.toLowerCase();
    return this.writer.change(context, id, { command: () => ({ type: 'LinkEventToPlanItem', data: { eventId: id, planItemId, reason: body.reason ?? null } }) });
  }
}
