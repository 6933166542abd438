import { CommandHandler } from '@nestjs/cqrs';
import { itemChangesOf, itemNames } from '../plan-writer/plan-mapping';
import { PlanHandler, plain } from '../plan-writer/plan.handler';
import { ChangePlanItemCommand } from './change-plan-item.command';

@CommandHandler(ChangePlanItemCommand)
export class ChangePlanItemHandler extends PlanHandler<ChangePlanItemCommand> {
  execute({ id, body, context }: ChangePlanItemCommand) {
    const { planItemId, ...input } = plain(body);
    return this.writer.change(context, id, {
      prepare: async (plan) => ({
        facts: await this.factsOf(context, plan, itemNames([input])),
        responsible: input.responsible !== undefined ? await this.people.record(context, input.responsible, 'responsible') : null,
      }),
      command: (plan, { facts, responsible }) => ({ type: 'ChangePlanItem', data: { planId: plan.planId, planItemId, changes: itemChangesOf(input, responsible), facts } }),
    });
  }
}
