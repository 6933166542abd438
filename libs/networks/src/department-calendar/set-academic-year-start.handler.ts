import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { WriteResult } from '@app/kernel';
import { EVENT_STORE, EventStore, decideAndAppend } from '@app/event-store';
import { departmentCalendarDecider, departmentCalendarStream } from './department-calendar.decider';
import { SetAcademicYearStartCommand } from './set-academic-year-start.command';

@CommandHandler(SetAcademicYearStartCommand)
export class SetAcademicYearStartHandler implements ICommandHandler<SetAcademicYearStartCommand, WriteResult> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ start, context }: SetAcademicYearStartCommand): Promise<WriteResult> {
    const result = await decideAndAppend({
      store: this.store,
      decider: departmentCalendarDecider,
      streamId: departmentCalendarStream(context.department),
      aggregateId: context.department,
      context,
      command: { type: 'SetAcademicYearStart', data: { department: context.department, month: start.month, day: start.day } },
    });
    return { id: result.id, revision: result.revision, position: result.position };
  }
}
