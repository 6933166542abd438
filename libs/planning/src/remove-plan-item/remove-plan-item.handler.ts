import { CommandHandler } from '@nestjs/cqrs';
import { PlanHandler } from '../plan-writer/plan.handler';
import { RemovePlanItemCommand } from './remove-plan-item.command';

@CommandHandler(RemovePlanItemCommand)
export class RemovePlanItemHandler extends PlanHandler<RemovePlanItemCommand> {
  execute({ id, body, context }: RemovePlanItemCommand) {
    return this.writer.change(context, id, { command: (plan) => ({ type: 'RemovePlanItem', data: { planId: plan.planId, planItemId: body.planItemId } }) });
  }
}
