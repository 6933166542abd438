import { CommandHandler } from '@nestjs/cqrs';
import { toIsoDate } from '@app/kernel';
import { approvalOf } from '../plan-writer/plan-mapping';
import { PlanHandler, plain } from '../plan-writer/plan.handler';
import { ApprovePlanCommand } from './approve-plan.command';

/** The approver's name, when a person is named by it, goes to the vault once (prepare). */
@CommandHandler(ApprovePlanCommand)
export class ApprovePlanHandler extends PlanHandler<ApprovePlanCommand> {
  execute({ id, body, context }: ApprovePlanCommand) {
    const input = plain(body);
    return this.writer.change(context, id, {
      prepare: () => this.people.record(context, input.approvedBy?.person, 'approver'),
      command: (plan, personId) => ({ type: 'ApprovePlan', data: { planId: plan.planId, approval: approvalOf(input, personId), today: toIsoDate(context.receivedAt) } }),
    });
  }
}
