import { CommandHandler } from '@nestjs/cqrs';
import { InvalidInput, reportingPeriodProblems, toIsoDate, validReportingPeriod } from '@app/kernel';
import { planIdOf } from '../plan/plan.events';
import { PlanHandler, plain } from '../plan-writer/plan.handler';
import { DraftPlanCommand } from './draft-plan.command';

/** The plan's id is derived from department, network and period: a second draft finds it drafted. */
@CommandHandler(DraftPlanCommand)
export class DraftPlanHandler extends PlanHandler<DraftPlanCommand> {
  execute({ body, context }: DraftPlanCommand) {
    const input = plain(body);
    const problems = reportingPeriodProblems(input.period);
    if (problems.length) throw new InvalidInput('the request has invalid fields', problems);
    const period = validReportingPeriod(input.period);
    const networkId = input.networkId.toLowerCase();
    const continuesPlanId = input.continuesPlanId?.toLowerCase() ?? null;
    const planId = planIdOf(context.department, networkId, period);
    return this.writer.draft(context, planId, networkId, {
      prepare: () => this.facts.gather(context.department, { networkId, previousPlanId: continuesPlanId }),
      command: (facts) => ({
        type: 'DraftPlan',
        data: { planId, department: context.department, networkId, period, continuesPlanId, today: toIsoDate(context.receivedAt), facts },
      }),
    });
  }
}
