import { CommandHandler } from '@nestjs/cqrs';
import { toIsoDate } from '@app/kernel';
import { approvalOf, contentNames, contentOf, itemChangesOf, itemNames, newItemOf } from '../plan-writer/plan-mapping';
import { PlanHandler, minter, plain } from '../plan-writer/plan.handler';
import { AmendPlanCommand } from './amend-plan.command';

/** The names (the approver, the new items' and the changed items' responsible people) go to the vault once (prepare). */
@CommandHandler(AmendPlanCommand)
export class AmendPlanHandler extends PlanHandler<AmendPlanCommand> {
  execute({ id, body, context }: AmendPlanCommand) {
    const input = plain(body);
    const content = contentOf(input.content ?? {}, { task: minter(context, 'plan-task'), project: minter(context, 'plan-project'), agreement: minter(context, 'plan-agreement') });
    const mintItem = minter(context, 'plan-item');
    const addItems = input.addItems ?? [];
    const changeItems = input.changeItems ?? [];
    const itemIds = addItems.map(() => mintItem());
    const names = itemNames([...addItems, ...changeItems.map((c) => c.changes)]);
    return this.writer.change(context, id, {
      prepare: async (plan) => ({
        facts: await this.factsOf(context, plan, { ...names, ...contentNames(content), institutionIds: [...names.institutionIds, ...contentNames(content).institutionIds] }),
        approver: await this.people.record(context, input.approval?.approvedBy?.person, 'approver'),
        added: await Promise.all(addItems.map((item, i) => this.people.record(context, item.responsible, `addItems[${i}].responsible`))),
        changed: await Promise.all(changeItems.map((c, i) => this.people.record(context, c.changes?.responsible, `changeItems[${i}].responsible`))),
      }),
      command: (plan, { facts, approver, added, changed }) => ({
        type: 'AmendPlan',
        data: {
          planId: plan.planId,
          reason: input.reason ?? '',
          approval: approvalOf(input.approval, approver),
          content,
          addItems: addItems.map((item, i) => newItemOf(item, itemIds[i], added[i])),
          changeItems: changeItems.map((c, i) => ({ planItemId: c.planItemId.toLowerCase(), changes: itemChangesOf(c.changes ?? {}, changed[i]) })),
          removeItemIds: (input.removeItemIds ?? []).map((itemId) => itemId.toLowerCase()),
          today: toIsoDate(context.receivedAt),
          facts,
        },
      }),
    });
  }
}
