import { EventContracts, streamName } from '@app/kernel';

/** Stream of a department's academic-year start, where its events are. */
export const departmentCalendarStream = (department: string): string => streamName('DepartmentCalendar', department);

/** When a department's academic year starts: 1 September unless it says otherwise. */
export type AcademicYearStartSet = { type: 'AcademicYearStartSet'; data: { department: string; month: number; day: number } };

/** Every event of a department's calendar stream (`department-calendar-<department>`). */
export type DepartmentCalendarEvent = AcademicYearStartSet;

const twoDigits = (n: number): string => String(n).padStart(2, '0');

/** What the platform knows of each calendar event. */
export const departmentCalendarEvents: EventContracts<DepartmentCalendarEvent> = {
  AcademicYearStartSet: {
    effectiveOn: () => null,
    concerns: (d) => [{ kind: 'department', id: d.department }],
    describe: (d) => {
      const day = `${twoDigits(d.day)}.${twoDigits(d.month)}`;
      return { uk: `Навчальний рік починається ${day}`, ru: `Учебный год начинается ${day}`, en: `The academic year starts on ${day}` };
    },
  },
};
