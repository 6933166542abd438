import { CommandHandler } from '@nestjs/cqrs';
import { deterministicId, newId, toIsoDate } from '@app/kernel';
import { peopleOf } from '../event-writer/event-people';
import { EventHandler, assertWhens, plain } from '../event-writer/event.handler';
import { plannedDetailsOf, whenOf } from '../event-writer/event-mapping';
import { PlanEventCommand } from './plan-event.command';

/** The names go to the vault once (prepare), with the facts; the event records their ids. */
@CommandHandler(PlanEventCommand)
export class PlanEventHandler extends EventHandler<PlanEventCommand> {
  execute({ body, context }: PlanEventCommand) {
    const input = plain(body);
    assertWhens([input.when, 'when']);
    // A retried request with the same idempotency key lands on the same event.
    const eventId = context.idempotencyKey ? deterministicId(context.department, 'event', context.idempotencyKey) : newId();
    const details = plannedDetailsOf(input);
    return this.writer.plan(context, eventId, details.networkIds, {
      prepare: async () => ({
        facts: await this.writer.facts(context.department, null, details),
        people: await this.people.record(context, input.people, 'people'),
      }),
      command: ({ facts, people }) => ({
        type: 'PlanEvent',
        data: {
          eventId,
          department: context.department,
          ...details,
          people: peopleOf(people, []),
          when: whenOf(input.when),
          planItemIds: input.planItemIds ?? [],
          today: toIsoDate(context.receivedAt),
          facts,
        },
      }),
    });
  }
}
