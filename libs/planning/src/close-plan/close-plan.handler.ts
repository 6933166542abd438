import { CommandHandler } from '@nestjs/cqrs';
import { toIsoDate } from '@app/kernel';
import { closingOf, realisingEventIdsOf } from '../plan-writer/plan-mapping';
import { PlanHandler, minter, plain } from '../plan-writer/plan.handler';
import { ClosePlanCommand } from './close-plan.command';

/** The events said to have realised items are looked up (their status, the items they name) once, in prepare. */
@CommandHandler(ClosePlanCommand)
export class ClosePlanHandler extends PlanHandler<ClosePlanCommand> {
  execute({ id, body, context }: ClosePlanCommand) {
    const { closedOn, ...input } = plain(body);
    const closing = closingOf(input, minter(context, 'plan-task'));
    return this.writer.change(context, id, {
      prepare: (plan) => this.factsOf(context, plan, { realisingEventIds: realisingEventIdsOf(input), assessmentScale: true }),
      command: (plan, facts) => ({ type: 'ClosePlan', data: { planId: plan.planId, closedOn, today: toIsoDate(context.receivedAt), facts, ...(closing as Required<typeof closing>) } }),
    });
  }
}
