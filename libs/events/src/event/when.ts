import { AcademicYearStart, DEFAULT_YEAR_START, FieldError, InvalidInput, IsoDate, academicYearStarting, isIsoDate, parseAcademicYear } from '@app/kernel';

/**
 * When an event takes place, as precisely as it is known, and no more. The annual analyses
 * date their events to the day ("15 березня"), to the month ("в семинаре в ноябре"), to the
 * year, to the academic year only ("В 2020 – 2021 году запланированы и проведены", "протягом
 * року"), or not at all yet (a plan's "to be announced"). A report prints what is known and
 * never invents a day, so the precision is part of the value.
 */
export type When = WhenOnDates | WhenInMonth | WhenInYear | WhenInAcademicYear | WhenNotKnown;

/** A day or several consecutive days, with the times when they are known. */
export interface WhenOnDates {
  precision: 'date';
  /** The (first) day. */
  from: IsoDate;
  /** The last day of a range; null for one day. */
  to: IsoDate | null;
  /** When it begins on the first day, `HH:MM`; null when not known. */
  startTime: ClockTime | null;
  /** When it ends on the last day, `HH:MM`; null when not known. */
  endTime: ClockTime | null;
}
export interface WhenInMonth {
  precision: 'month';
  /** `YYYY-MM`. */
  month: YearMonth;
}
/** A calendar year, 1 January to 31 December. */
export interface WhenInYear {
  precision: 'year';
  year: number;
}
/** Some time in an academic year (`2020/2021`): "протягом року", "в течение года". */
export interface WhenInAcademicYear {
  precision: 'academic-year';
  academicYear: string;
}
export interface WhenNotKnown {
  precision: 'not-known';
}

export const WHEN_PRECISIONS = ['date', 'month', 'year', 'academic-year', 'not-known'] as const;
export type WhenPrecision = (typeof WHEN_PRECISIONS)[number];

/** A time of day, `HH:MM` (00:00–23:59). */
export type ClockTime = string;
/** A month, `YYYY-MM`. */
export type YearMonth = string;

/** Shorthands, for code and tests: `onDay('2021-03-15')`, `inMonth('2021-03')`... */
export const onDay = (date: IsoDate, startTime: ClockTime | null = null, endTime: ClockTime | null = null): WhenOnDates => ({
  precision: 'date',
  from: date,
  to: null,
  startTime,
  endTime,
});
export const onDays = (from: IsoDate, to: IsoDate, startTime: ClockTime | null = null, endTime: ClockTime | null = null): WhenOnDates => ({
  precision: 'date',
  from,
  to,
  startTime,
  endTime,
});
export const inMonth = (month: YearMonth): WhenInMonth => ({ precision: 'month', month });
export const inYear = (year: number): WhenInYear => ({ precision: 'year', year });
export const inAcademicYear = (academicYear: string): WhenInAcademicYear => ({ precision: 'academic-year', academicYear });
export const NOT_KNOWN: WhenNotKnown = Object.freeze({ precision: 'not-known' });

// ---- validation ------------------------------------------------------------------------------

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const MIN_YEAR = 1900;
const MAX_YEAR = 2999;

/** True when the value is a time of day written `HH:MM`. */
export const isClockTime = (value: unknown): value is ClockTime => typeof value === 'string' && TIME.test(value);
/** True when the value is a month written `YYYY-MM`. */
export const isYearMonth = (value: unknown): value is YearMonth => typeof value === 'string' && MONTH.test(value);

/**
 * What is wrong with a when, field by field under `field` (`when.from`, `when.endTime`...);
 * empty when it is valid. Checks the shape too, since imports hand in JSON and CSV.
 */
export const whenProblems = (value: unknown, field = 'when'): FieldError[] => {
  if (typeof value !== 'object' || value === null) return [{ field, messages: ['when is required'] }];
  const when = value as Record<string, unknown>;
  const at = (name: string, ...messages: string[]): FieldError => ({ field: `${field}.${name}`, messages });
  const extra = (allowed: string[]): FieldError[] => {
    const unknown = Object.keys(when).filter((k) => k !== 'precision' && !allowed.includes(k));
    return unknown.map((k) => at(k, `${k} is not a field of a when of precision ${String(when.precision)}`));
  };
  switch (when.precision) {
    case 'date': {
      const problems: FieldError[] = extra(['from', 'to', 'startTime', 'endTime']);
      if (!isIsoDate(when.from)) problems.push(at('from', 'from must be a calendar date, YYYY-MM-DD'));
      const to = when.to ?? null;
      if (to !== null && !isIsoDate(to)) problems.push(at('to', 'to must be a calendar date, YYYY-MM-DD, or null for one day'));
      else if (to !== null && isIsoDate(when.from) && to < when.from) problems.push(at('to', `to (${to}) is before from (${when.from})`));
      const start = when.startTime ?? null;
      const end = when.endTime ?? null;
      if (start !== null && !isClockTime(start)) problems.push(at('startTime', 'startTime must be a time of day, HH:MM (00:00–23:59)'));
      if (end !== null && !isClockTime(end)) problems.push(at('endTime', 'endTime must be a time of day, HH:MM (00:00–23:59)'));
      const oneDay = to === null || to === when.from;
      if (isClockTime(start) && isClockTime(end) && oneDay && end <= start) {
        problems.push(at('endTime', `endTime (${end}) is not after startTime (${start})`));
      }
      return problems;
    }
    case 'month': {
      const problems = extra(['month']);
      const m = isYearMonth(when.month) ? Number(when.month.slice(0, 4)) : NaN;
      if (!(m >= MIN_YEAR && m <= MAX_YEAR)) problems.push(at('month', `month must be a month written YYYY-MM, of a year from ${MIN_YEAR} to ${MAX_YEAR}`));
      return problems;
    }
    case 'year': {
      const problems = extra(['year']);
      if (!(Number.isInteger(when.year) && (when.year as number) >= MIN_YEAR && (when.year as number) <= MAX_YEAR)) {
        problems.push(at('year', `year must be a whole year from ${MIN_YEAR} to ${MAX_YEAR}`));
      }
      return problems;
    }
    case 'academic-year': {
      const problems = extra(['academicYear']);
      const parsed = typeof when.academicYear === 'string' ? parseAcademicYear(when.academicYear) : null;
      if (!parsed || parsed.startYear < MIN_YEAR || parsed.startYear >= MAX_YEAR) {
        problems.push(at('academicYear', 'academicYear must be two consecutive years, written 2020/2021'));
      }
      return problems;
    }
    case 'not-known':
      return extra([]);
    default:
      return [at('precision', `precision must be one of ${WHEN_PRECISIONS.join(', ')}`)];
  }
};

/**
 * The when, checked and in its one written form: a range of one day is that day (`to: null`),
 * missing times are null, the academic year's label trimmed. Throws {@link InvalidInput} with
 * the problems field by field.
 */
export const validWhen = (value: unknown, field = 'when'): When => {
  const problems = whenProblems(value, field);
  if (problems.length) throw new InvalidInput('the date of the event is invalid', problems);
  const when = value as When;
  switch (when.precision) {
    case 'date': {
      const to = when.to ?? null;
      return { precision: 'date', from: when.from, to: to === when.from ? null : to, startTime: when.startTime ?? null, endTime: when.endTime ?? null };
    }
    case 'month':
      return { precision: 'month', month: when.month };
    case 'year':
      return { precision: 'year', year: when.year };
    case 'academic-year':
      return { precision: 'academic-year', academicYear: when.academicYear.trim() };
    case 'not-known':
      return { precision: 'not-known' };
  }
};

/** True when the two say the same. */
export const sameWhen = (a: When, b: When): boolean => whenKey(a) === whenKey(b);

/** One text per value, for comparing (not for sorting: see {@link whenSortKey}). */
const whenKey = (when: When): string => {
  switch (when.precision) {
    case 'date':
      return `date:${when.from}:${when.to ?? ''}:${when.startTime ?? ''}:${when.endTime ?? ''}`;
    case 'month':
      return `month:${when.month}`;
    case 'year':
      return `year:${when.year}`;
    case 'academic-year':
      return `academic-year:${when.academicYear}`;
    case 'not-known':
      return 'not-known';
  }
};

// ---- the days it may fall on -----------------------------------------------------------------

/** The days a when may fall on, first and last included. */
export interface DaySpan {
  first: IsoDate;
  last: IsoDate;
}

const pad = (n: number): string => String(n).padStart(2, '0');

const lastDayOfMonth = (month: YearMonth): IsoDate => {
  const [y, m] = month.split('-').map(Number);
  return `${month}-${pad(new Date(Date.UTC(y, m, 0)).getUTCDate())}`;
};

/**
 * The days the when may fall on: the day or range itself, the whole month, the calendar year,
 * the academic year (from the department's start day); null when not known.
 */
export const daySpanOf = (when: When, yearStart: AcademicYearStart = DEFAULT_YEAR_START): DaySpan | null => {
  switch (when.precision) {
    case 'date':
      return { first: when.from, last: when.to ?? when.from };
    case 'month':
      return { first: `${when.month}-01`, last: lastDayOfMonth(when.month) };
    case 'year':
      return { first: `${when.year}-01-01`, last: `${when.year}-12-31` };
    case 'academic-year': {
      const year = academicYearStarting(Number(when.academicYear.slice(0, 4)), yearStart);
      return { first: year.from, last: year.to };
    }
    case 'not-known':
      return null;
  }
};

/**
 * The day a rule about "the event's date" is checked on (which hosts were members, whether a
 * network still existed): the first day the when may fall on; `today` when it is not known yet.
 */
export const referenceDayOf = (when: When, today: IsoDate, yearStart: AcademicYearStart = DEFAULT_YEAR_START): IsoDate =>
  daySpanOf(when, yearStart)?.first ?? today;

// ---- sorting ---------------------------------------------------------------------------------

/**
 * A text that sorts events by when they take place (ascending; reverse it for newest first).
 * The rule:
 * - a dated event sorts by its first day, then its start time (a day without a time first);
 * - a month-only event after every dated event of its month;
 * - a year-only event after every dated and month-only event of its calendar year;
 * - an academic-year-only event after everything of the last month of its academic year
 *   (by the department's start day), before a year-only event ending the same day;
 * - an event whose date is not known after all others.
 * Ties (two events with the same key) are for the caller to break, by id or topic.
 */
export const whenSortKey = (when: When, yearStart: AcademicYearStart = DEFAULT_YEAR_START): string => {
  // `T99` sorts after every `THH:MM`, a longer key after its prefix, `~` after every digit.
  switch (when.precision) {
    case 'date':
      return `${when.from}T${when.startTime ?? '00:00'}${when.startTime ? ':1' : ':0'}`;
    case 'month':
      return `${lastDayOfMonth(when.month)}T99`;
    case 'year':
      return `${when.year}-12-31T99y`;
    case 'academic-year':
      return `${daySpanOf(when, yearStart)!.last}T99a`;
    case 'not-known':
      return '~';
  }
};

/** Compares two whens by {@link whenSortKey}. */
export const compareWhen = (a: When, b: When, yearStart: AcademicYearStart = DEFAULT_YEAR_START): number => {
  const ka = whenSortKey(a, yearStart);
  const kb = whenSortKey(b, yearStart);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
};

// ---- periods ---------------------------------------------------------------------------------

/** A period a calendar or a report asks about. */
export type Period =
  | { kind: 'academic-year'; academicYear: string }
  | { kind: 'calendar-year'; year: number }
  | { kind: 'month'; month: YearMonth }
  | { kind: 'range'; from: IsoDate; to: IsoDate };

/** The days of a period, first and last included. */
export const daySpanOfPeriod = (period: Period, yearStart: AcademicYearStart = DEFAULT_YEAR_START): DaySpan => {
  switch (period.kind) {
    case 'academic-year':
      return daySpanOf(inAcademicYear(period.academicYear), yearStart)!;
    case 'calendar-year':
      return daySpanOf(inYear(period.year))!;
    case 'month':
      return daySpanOf(inMonth(period.month))!;
    case 'range':
      return { first: period.from, last: period.to };
  }
};

/**
 * How a when stands to a period: `within` (every day it may fall on is in the period),
 * `overlaps` (some are, some are not), `outside` (none is, or the date is not known).
 */
export const whenAgainstPeriod = (when: When, period: Period, yearStart: AcademicYearStart = DEFAULT_YEAR_START): 'within' | 'overlaps' | 'outside' => {
  const span = daySpanOf(when, yearStart);
  if (!span) return 'outside';
  const p = daySpanOfPeriod(period, yearStart);
  if (span.last < p.first || span.first > p.last) return 'outside';
  return span.first >= p.first && span.last <= p.last ? 'within' : 'overlaps';
};

/**
 * Whether the event belongs to the period's calendar or report. A dated event does when any
 * of its days is in the period (a three-day course across two months shows in both); a less
 * precise one only when all the days it may fall on are (a year-only 2021 event is not said to
 * be in 2020/2021, since it may have been in the autumn of 2021/2022). Not known: never.
 */
export const fallsIn = (when: When, period: Period, yearStart: AcademicYearStart = DEFAULT_YEAR_START): boolean => {
  const standing = whenAgainstPeriod(when, period, yearStart);
  return standing === 'within' || (standing === 'overlaps' && when.precision === 'date');
};
