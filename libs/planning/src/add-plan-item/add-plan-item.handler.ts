import { CommandHandler } from '@nestjs/cqrs';
import { itemNames, newItemOf } from '../plan-writer/plan-mapping';
import { PlanHandler, minter, plain } from '../plan-writer/plan.handler';
import { AddPlanItemCommand } from './add-plan-item.command';

/** The responsible person's name goes to the vault once (prepare), with the facts; the item records the id. */
@CommandHandler(AddPlanItemCommand)
export class AddPlanItemHandler extends PlanHandler<AddPlanItemCommand> {
  execute({ id, body, context }: AddPlanItemCommand) {
    const input = plain(body);
    const planItemId = minter(context, 'plan-item')();
    return this.writer.change(context, id, {
      prepare: async (plan) => ({
        facts: await this.factsOf(context, plan, itemNames([input])),
        responsible: await this.people.record(context, input.responsible, 'responsible'),
      }),
      command: (plan, { facts, responsible }) => ({ type: 'AddPlanItem', data: { planId: plan.planId, item: newItemOf(input, planItemId, responsible), facts } }),
    });
  }
}
