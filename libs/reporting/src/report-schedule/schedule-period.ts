import { AcademicYearStart, DEFAULT_YEAR_START, IsoDate, ReportingPeriod, ReportingPeriodKind, academicYearPeriod, calendarYearPeriod, daySpanOfReportingPeriod } from '@app/kernel';

/** The day an instant falls on in a time zone (`2021-10-25` for 25 October 2021 06:00 in Kyiv). */
export const localDayOf = (instant: Date, timeZone: string): IsoDate => {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${part('year')}-${part('month')}-${part('day')}`;
};

/**
 * The period a schedule's slot asks for: the last period of the kind whose last day is on or
 * before the slot's day in the schedule's time zone (academic years from the department's start
 * day). 25 October 2021 06:00 in Kyiv: 2020/2021 (ended 31 August 2021), or 2020; 31 August 2021:
 * 2020/2021 already; 31 December 2021: 2021.
 */
export const periodOfSlot = (slot: Date, timeZone: string, kind: ReportingPeriodKind, yearStart: AcademicYearStart = DEFAULT_YEAR_START): ReportingPeriod => {
  const day = localDayOf(slot, timeZone);
  const period = (start: number): ReportingPeriod => (kind === 'calendar-year' ? calendarYearPeriod(start) : academicYearPeriod(`${start}/${start + 1}`));
  for (let start = Number(day.slice(0, 4)); ; start--) {
    const candidate = period(start);
    if (daySpanOfReportingPeriod(candidate, yearStart).last <= day) return candidate;
  }
};
