import { AcademicYearStart, FieldError, InvalidInput, IsoDate, ReportingPeriod, daySpanOfReportingPeriod } from '@app/kernel';
import { AUDIENCE_CATEGORIES, EVENT_KINDS, When, inAcademicYear, inYear, referenceDayOf, validWhen, whenAgainstPeriod } from '@app/events';

/*
 * The events module's `When` and vocabulary as the plan decider uses them: a planned event is
 * dated and described as the event that realises it will be. (The decider imports only the
 * kernel and the files beside it; this file reaches the events module through its index.)
 */
export { AUDIENCE_CATEGORIES, EVENT_KINDS };
export type { When };

/** "During the year": the whole of the plan's period, as an academic year or a calendar year. */
export const duringThePeriod = (period: ReportingPeriod): When => (period.kind === 'academic-year' ? inAcademicYear(period.academicYear) : inYear(period.year));

/**
 * A planned event's date, checked: a date, a month or the whole period ("протягом року"), as
 * the events module writes them; not "not known" (a plan says at least "during the year").
 * Problems field by field under `field`.
 */
export const itemWhenProblems = (value: unknown, field: string): { when: When | null; problems: FieldError[] } => {
  try {
    const when = validWhen(value, field);
    if (when.precision === 'not-known') return { when: null, problems: [{ field: `${field}.precision`, messages: ['a planned event has a date, a month or "during the year" (the plan’s period)'] }] };
    return { when, problems: [] };
  } catch (error) {
    if (error instanceof InvalidInput) return { when: null, problems: error.errors };
    throw error;
  }
};

/** True when every day the when may fall on is in the period. */
export const isWithinPeriod = (when: When, period: ReportingPeriod, yearStart: AcademicYearStart): boolean => whenAgainstPeriod(when, period, yearStart) === 'within';

/** The day an item's hosts are judged members on: its first possible day. */
export const itemDayOf = (when: When, period: ReportingPeriod, yearStart: AcademicYearStart): IsoDate =>
  referenceDayOf(when, daySpanOfReportingPeriod(period, yearStart).first, yearStart);
