import { CommandHandler } from '@nestjs/cqrs';
import { NotFound, nextReportingPeriod, toIsoDate } from '@app/kernel';
import { planIdOf } from '../plan/plan.events';
import { PlanHandler } from '../plan-writer/plan.handler';
import { DraftNextYearPlanCommand } from './draft-next-year-plan.command';

/**
 * `POST /plans` with `continuesPlanId`, the network and the next period taken from the closed
 * plan: another department's plan or an unknown one is 404 before anything else.
 */
@CommandHandler(DraftNextYearPlanCommand)
export class DraftNextYearPlanHandler extends PlanHandler<DraftNextYearPlanCommand> {
  async execute({ id, context }: DraftNextYearPlanCommand) {
    const previous = await this.facts.previousPlanOf(context.department, id);
    if (!previous) throw new NotFound('plan', id);
    const period = nextReportingPeriod(previous.period);
    const planId = planIdOf(context.department, previous.networkId, period);
    return this.writer.draft(context, planId, previous.networkId, {
      prepare: () => this.facts.gather(context.department, { networkId: previous.networkId, previousPlanId: id }),
      command: (facts) => ({
        type: 'DraftPlan',
        data: { planId, department: context.department, networkId: previous.networkId, period, continuesPlanId: id, today: toIsoDate(context.receivedAt), facts },
      }),
    });
  }
}
