import { AcademicYearStart, Decider, RuleViolated, assertNever } from '@app/kernel';
import { DepartmentCalendarEvent } from './department-calendar.events';

export * from './department-calendar.events';

export type SetAcademicYearStart = { type: 'SetAcademicYearStart'; data: { department: string; month: number; day: number } };

export type DepartmentCalendarState = { start: AcademicYearStart | null };

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export const departmentCalendarDecider: Decider<DepartmentCalendarState, SetAcademicYearStart, DepartmentCalendarEvent> = {
  initialState: () => ({ start: null }),
  evolve: (state, event) => {
    switch (event.type) {
      case 'AcademicYearStartSet':
        return { start: { month: event.data.month, day: event.data.day } };
      default:
        return assertNever(event.type);
    }
  },
  decide: (command, state) => {
    const { month, day } = command.data;
    // 29 February would make most years start on a day that does not exist.
    if (month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month - 1] || (month === 2 && day === 29)) {
      throw new RuleViolated('invalid-year-start', `${day}.${month} is not a day every year has`);
    }
    if (state.start?.month === month && state.start.day === day) throw new RuleViolated('nothing-to-change', 'the academic year already starts on this day');
    return [{ type: 'AcademicYearStartSet', data: command.data }];
  },
};
