import { CommandHandler } from '@nestjs/cqrs';
import { contentNames, contentOf } from '../plan-writer/plan-mapping';
import { PlanHandler, minter, plain } from '../plan-writer/plan.handler';
import { EditPlanContentCommand } from './edit-plan-content.command';

@CommandHandler(EditPlanContentCommand)
export class EditPlanContentHandler extends PlanHandler<EditPlanContentCommand> {
  execute({ id, body, context }: EditPlanContentCommand) {
    const changes = contentOf(plain(body), { task: minter(context, 'plan-task'), project: minter(context, 'plan-project'), agreement: minter(context, 'plan-agreement') });
    return this.writer.change(context, id, {
      prepare: (plan) => this.factsOf(context, plan, contentNames(changes)),
      command: (plan, facts) => ({ type: 'EditPlanContent', data: { planId: plan.planId, changes, facts } }),
    });
  }
}
