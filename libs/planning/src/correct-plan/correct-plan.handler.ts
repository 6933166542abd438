import { CommandHandler } from '@nestjs/cqrs';
import { closingOf, contentNames, contentOf, realisingEventIdsOf } from '../plan-writer/plan-mapping';
import { PlanHandler, minter, plain } from '../plan-writer/plan.handler';
import { CorrectPlanCommand } from './correct-plan.command';

@CommandHandler(CorrectPlanCommand)
export class CorrectPlanHandler extends PlanHandler<CorrectPlanCommand> {
  execute({ id, body, context }: CorrectPlanCommand) {
    const { reason, ...input } = plain(body);
    const content = contentOf(input, { task: minter(context, 'plan-task'), project: minter(context, 'plan-project'), agreement: minter(context, 'plan-agreement') });
    const closing = closingOf(input, minter(context, 'plan-next-task'));
    return this.writer.change(context, id, {
      // The closing's held items are checked again: their events as they are now, and those the correction names.
      prepare: (plan) =>
        this.factsOf(context, plan, {
          ...contentNames(content),
          realisingEventIds: [...(plan.closing?.itemResolutions ?? []).flatMap((r) => (r.resolution === 'held' ? r.eventIds : [])), ...realisingEventIdsOf(input)],
          assessmentScale: true,
        }),
      command: (plan, facts) => ({ type: 'CorrectPlan', data: { planId: plan.planId, reason: reason ?? '', corrections: { ...content, ...closing }, facts } }),
    });
  }
}
