import { CommandHandler } from '@nestjs/cqrs';
import { EventHandler } from '../event-writer/event.handler';
import { UnlinkEventFromPlanItemCommand } from './unlink-event-from-plan-item.command';

@CommandHandler(UnlinkEventFromPlanItemCommand)
export class UnlinkEventFromPlanItemHandler extends EventHandler<UnlinkEventFromPlanItemCommand> {
  execute({ id, body, context }: UnlinkEventFromPlanItemCommand) {
    return this.writer.change(context, id, { command: () => ({ type: 'UnlinkEventFromPlanItem', data: { eventId: id, planItemId: body.planItemId, reason: body.reason } }) });
  }
}
