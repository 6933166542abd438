import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, EventStore, decideAndAppend } from '@app/event-store';
import { departmentCalendarDecider, departmentCalendarStream } from './department-calendar.decider';
import { SetAcademicYearStartCommand } from './set-academic-year-start.command';

@CommandHandler(SetAcademicYearStartCommand)
export class SetAcademicYearStartHandler implements ICommandHandler<SetAcademicYearStartCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ body: { month, day }, context }: SetAcademicYearStartCommand) {
    const result = await decideAndAppend({
      store: this.store,
      decider: departmentCalendarDecider,
      streamId: departmentCalendarStream(context.department),
      aggregateId: context.department,
      context,
      command: { type: 'SetAcademicYearStart', data: { department: context.department, month, day } },
    });
    return { id: result.id, revision: result.revision, position: result.position };
  }
}
