import { Inject, Injectable } from '@nestjs/common';
import { AcademicYearStart, CommandContext, DEFAULT_YEAR_START, WriteResult, eventsOf, fold } from '@app/kernel';
import { EVENT_STORE, EventStore, decideAndAppend } from '@app/event-store';
import { DepartmentCalendarEvent, departmentCalendarDecider, departmentCalendarEvents, departmentCalendarStream } from './department-calendar.decider';

/**
 * A department's calendar settings. Read from the department's own short stream (one event
 * per change), so every query that needs the academic year sees the current setting. Changes
 * are commands (`SetAcademicYearStartCommand`).
 */
@Injectable()
export class DepartmentCalendar {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async yearStart(department: string): Promise<AcademicYearStart> {
    const events = await this.store.readStream(departmentCalendarStream(department), { direction: 'backwards', maxCount: 1 });
    const state = fold(departmentCalendarDecider, eventsOf(departmentCalendarEvents, events));
    return state.start ?? DEFAULT_YEAR_START;
  }
}
