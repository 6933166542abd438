import { CommandHandler } from '@nestjs/cqrs';
import { toIsoDate } from '@app/kernel';
import { closingOf, realisingEventIdsOf } from '../plan-writer/plan-mapping';
import { PlanHandler, minter, plain } from '../plan-writer/plan.handler';
import { ClosePlanCommand } from './close-plan.command';

/**
 * The events said to have realised items are looked up (their status, the items they name) once,
 * in prepare; so are the events held for the items the closing leaves out (found through the
 * plan's fulfilment), which the decider then resolves as held by them. And the department's scale.
 */
@CommandHandler(ClosePlanCommand)
export class ClosePlanHandler extends PlanHandler<ClosePlanCommand> {
  execute({ id, body, context }: ClosePlanCommand) {
    const { closedOn, ...input } = plain(body);
    const closing = closingOf(input, minter(context, 'plan-task'));
    const named = new Set((closing.itemResolutions ?? []).map((r) => r.planItemId));
    return this.writer.change(context, id, {
      prepare: async (plan) => {
        const left = plan.items.map((i) => i.planItemId).filter((itemId) => !named.has(itemId));
        const held = await this.facts.heldEventIdsOf(context.department, plan.planId, left, toIsoDate(context.receivedAt));
        return this.factsOf(context, plan, { realisingEventIds: [...realisingEventIdsOf(input), ...held], assessmentScale: true });
      },
      command: (plan, facts) => ({ type: 'ClosePlan', data: { planId: plan.planId, closedOn, today: toIsoDate(context.receivedAt), facts, ...(closing as Required<typeof closing>) } }),
    });
  }
}
