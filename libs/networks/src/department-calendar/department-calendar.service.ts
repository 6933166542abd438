import { Inject, Injectable } from '@nestjs/common';
import { AcademicYearStart, CommandContext, DEFAULT_YEAR_START, WriteResult, eventsOf, fold } from '@app/kernel';
import { EVENT_STORE, EventStore, decideAndAppend } from '@app/event-store';
import { departmentCalendarDecider, departmentCalendarEvents, departmentCalendarStream } from './department-calendar.decider';

/**
 * A department's calendar settings. Read from the department's own short stream (one event
 * per change), so every query that needs the academic year sees the current setting.
 */
@Injectable()
export class DepartmentCalendar {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async yearStart(department: string): Promise<AcademicYearStart> {
    const events = await this.store.readStream(departmentCalendarStream(department), { direction: 'backwards', maxCount: 1 });
    const state = fold(departmentCalendarDecider, eventsOf(departmentCalendarEvents, events));
    return state.start ?? DEFAULT_YEAR_START;
  }

  async setYearStart(start: AcademicYearStart, context: CommandContext): Promise<WriteResult> {
    const result = await decideAndAppend({
      store: this.store,
      decider: departmentCalendarDecider,
      streamId: departmentCalendarStream(context.department),
      aggregateId: context.department,
      context,
      command: { type: 'SetAcademicYearStart', data: { department: context.department, ...start } },
    });
    return { id: result.id, revision: result.revision, position: result.position };
  }
}
