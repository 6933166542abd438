import { Inject, Injectable } from '@nestjs/common';
import { AcademicYearStart, DEFAULT_YEAR_START, isEventOf } from '@app/kernel';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { departmentCalendarEvents, departmentCalendarStream } from '@app/networks';

/**
 * The day a department's academic year starts, from the department's calendar stream (the
 * networks module records it; one event per change): the periods `2020/2021` of the calendar
 * and the totals follow it, and so does the place of an academic-year-only event.
 */
@Injectable()
export class DepartmentYearStart {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async of(department: string): Promise<AcademicYearStart> {
    const [last] = await this.store.readStream(departmentCalendarStream(department), { direction: 'backwards', maxCount: 1 });
    if (!last || !isEventOf(departmentCalendarEvents, last)) return DEFAULT_YEAR_START;
    return { month: last.data.month, day: last.data.day };
  }
}
