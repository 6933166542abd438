import { AcademicYearStart, DEFAULT_YEAR_START, academicYearOf, academicYearStarting, parseAcademicYear } from './academic-year';
import { IsoDate, isIsoDate } from './clock';
import { FieldError, InvalidInput } from './errors';
import { LocalText } from './event-contract';

/**
 * The period a network plans and reports for: an academic year (`2020/2021`, from the
 * department's start day) by default, or a calendar year (`2021`) for a network that reports so
 * (councils of heads often do). A plan is one network's plan for one period; an annual analysis
 * is of one period. It lives in the kernel because plans, reports and their queries all speak
 * of it, and it needs nothing but dates.
 *
 * The shape is the events module's `Period` of those two kinds (`{ kind: 'academic-year',
 * academicYear }`, `{ kind: 'calendar-year', year }`), so a reporting period can be handed to
 * the events' `fallsIn` and `daySpanOfPeriod` as it is.
 */
export type ReportingPeriod = AcademicYearPeriod | CalendarYearPeriod;
export interface AcademicYearPeriod {
  kind: 'academic-year';
  /** `2020/2021`. */
  academicYear: string;
}
export interface CalendarYearPeriod {
  kind: 'calendar-year';
  year: number;
}

/** How a network reports: by academic year (the default) or by calendar year. */
export const REPORTING_PERIOD_KINDS = ['academic-year', 'calendar-year'] as const;
export type ReportingPeriodKind = (typeof REPORTING_PERIOD_KINDS)[number];
export const DEFAULT_REPORTING_PERIOD_KIND: ReportingPeriodKind = 'academic-year';

export const REPORTING_PERIOD_KIND_LABELS: Readonly<Record<ReportingPeriodKind, LocalText>> = {
  'academic-year': { uk: 'навчальний рік', ru: 'учебный год', en: 'academic year' },
  'calendar-year': { uk: 'календарний рік', ru: 'календарный год', en: 'calendar year' },
};

const MIN_YEAR = 1900;
const MAX_YEAR = 2999;

export const academicYearPeriod = (academicYear: string): AcademicYearPeriod => ({ kind: 'academic-year', academicYear });
export const calendarYearPeriod = (year: number): CalendarYearPeriod => ({ kind: 'calendar-year', year });

/** How the period is written, and its key among a network's periods: `2020/2021`, `2021`. */
export const reportingPeriodLabel = (period: ReportingPeriod): string =>
  period.kind === 'academic-year' ? period.academicYear : String(period.year);

/** True when the two are the same period. */
export const sameReportingPeriod = (a: ReportingPeriod, b: ReportingPeriod): boolean => a.kind === b.kind && reportingPeriodLabel(a) === reportingPeriodLabel(b);

const ACADEMIC = /^(\d{4})\s*[/-]\s*(\d{4})$/;
const CALENDAR = /^\d{4}$/;

/**
 * Reads a period as departments write it: `2020/2021` (also `2020-2021`, `2020 / 2021`) is an
 * academic year, `2021` a calendar year. Null for anything else: two years that do not follow
 * each other, a year outside 1900–2999.
 */
export const parseReportingPeriod = (text: string): ReportingPeriod | null => {
  const trimmed = text.trim();
  const academic = ACADEMIC.exec(trimmed);
  if (academic) {
    const year = parseAcademicYear(`${academic[1]}/${academic[2]}`);
    return year && year.startYear >= MIN_YEAR && year.startYear < MAX_YEAR ? academicYearPeriod(year.label) : null;
  }
  if (CALENDAR.test(trimmed)) {
    const year = Number(trimmed);
    return year >= MIN_YEAR && year <= MAX_YEAR ? calendarYearPeriod(year) : null;
  }
  return null;
};

/**
 * What is wrong with a period given as data (the API's and imports' JSON), field by field
 * under `field`; empty when it is valid. A text (`"2020/2021"`) is read as {@link parseReportingPeriod} reads it.
 */
export const reportingPeriodProblems = (value: unknown, field = 'period'): FieldError[] => {
  const wrong = (at: string, message: string): FieldError[] => [{ field: at, messages: [message] }];
  if (typeof value === 'string') return parseReportingPeriod(value) ? [] : wrong(field, 'a period is an academic year written 2020/2021 or a calendar year written 2021');
  if (typeof value !== 'object' || value === null) return wrong(field, 'period is required');
  const period = value as Record<string, unknown>;
  const extra = Object.keys(period).filter((k) => k !== 'kind' && k !== (period.kind === 'academic-year' ? 'academicYear' : 'year'));
  const problems = extra.map((k) => ({ field: `${field}.${k}`, messages: [`${k} is not a field of a period of kind ${String(period.kind)}`] }));
  switch (period.kind) {
    case 'academic-year': {
      const parsed = typeof period.academicYear === 'string' ? parseReportingPeriod(period.academicYear) : null;
      if (parsed?.kind !== 'academic-year' || parsed.academicYear !== period.academicYear) {
        problems.push(...wrong(`${field}.academicYear`, 'academicYear must be two consecutive years, written 2020/2021'));
      }
      return problems;
    }
    case 'calendar-year':
      if (!(Number.isInteger(period.year) && (period.year as number) >= MIN_YEAR && (period.year as number) <= MAX_YEAR)) {
        problems.push(...wrong(`${field}.year`, `year must be a whole year from ${MIN_YEAR} to ${MAX_YEAR}`));
      }
      return problems;
    default:
      return wrong(`${field}.kind`, `kind must be one of ${REPORTING_PERIOD_KINDS.join(', ')}`);
  }
};

/** The period, checked and in its one form (a text read); throws {@link InvalidInput} field by field. */
export const validReportingPeriod = (value: unknown, field = 'period'): ReportingPeriod => {
  const problems = reportingPeriodProblems(value, field);
  if (problems.length) throw new InvalidInput('the period is invalid', problems);
  if (typeof value === 'string') return parseReportingPeriod(value)!;
  const period = value as ReportingPeriod;
  return period.kind === 'academic-year' ? academicYearPeriod(period.academicYear) : calendarYearPeriod(period.year);
};

/** The days of a period, first and last included: an academic year from the department's start day, a calendar year from 1 January. */
export const daySpanOfReportingPeriod = (period: ReportingPeriod, yearStart: AcademicYearStart = DEFAULT_YEAR_START): { first: IsoDate; last: IsoDate } => {
  if (period.kind === 'calendar-year') return { first: `${period.year}-01-01`, last: `${period.year}-12-31` };
  const year = academicYearStarting(Number(period.academicYear.slice(0, 4)), yearStart);
  return { first: year.from, last: year.to };
};

/** True when the day is one of the period's. */
export const isInReportingPeriod = (day: IsoDate, period: ReportingPeriod, yearStart: AcademicYearStart = DEFAULT_YEAR_START): boolean => {
  const span = daySpanOfReportingPeriod(period, yearStart);
  return day >= span.first && day <= span.last;
};

/** The period of the kind that a day falls in: the network's current plan's period on that day. */
export const reportingPeriodOf = (day: IsoDate, kind: ReportingPeriodKind, yearStart: AcademicYearStart = DEFAULT_YEAR_START): ReportingPeriod => {
  if (!isIsoDate(day)) throw new RangeError(`not a date: ${day}`);
  return kind === 'calendar-year' ? calendarYearPeriod(Number(day.slice(0, 4))) : academicYearPeriod(academicYearOf(day, yearStart).label);
};

/** The period `years` after this one, of the same kind (-1: the one before): next year's plan is for `shiftReportingPeriod(p, 1)`. */
export const shiftReportingPeriod = (period: ReportingPeriod, years: number): ReportingPeriod => {
  if (period.kind === 'calendar-year') return calendarYearPeriod(period.year + years);
  const first = Number(period.academicYear.slice(0, 4)) + years;
  return academicYearPeriod(`${first}/${first + 1}`);
};
export const nextReportingPeriod = (period: ReportingPeriod): ReportingPeriod => shiftReportingPeriod(period, 1);
export const previousReportingPeriod = (period: ReportingPeriod): ReportingPeriod => shiftReportingPeriod(period, -1);

/** Orders periods by their first day (with the same start day, a calendar year 2021 after the academic year 2020/2021). */
export const compareReportingPeriods = (a: ReportingPeriod, b: ReportingPeriod, yearStart: AcademicYearStart = DEFAULT_YEAR_START): number => {
  const fa = daySpanOfReportingPeriod(a, yearStart).first;
  const fb = daySpanOfReportingPeriod(b, yearStart).first;
  return fa < fb ? -1 : fa > fb ? 1 : a.kind === b.kind ? 0 : a.kind === 'academic-year' ? -1 : 1;
};

/**
 * How a document names the period, as a heading does: "2020/2021 навчальний рік", "2020/2021
 * учебный год", "the 2020/2021 academic year"; "2021 рік", "2021 год", "2021".
 */
export const printReportingPeriod = (period: ReportingPeriod, lang: keyof LocalText): string => {
  if (period.kind === 'academic-year') {
    return lang === 'uk' ? `${period.academicYear} навчальний рік` : lang === 'ru' ? `${period.academicYear} учебный год` : `the ${period.academicYear} academic year`;
  }
  return lang === 'uk' ? `${period.year} рік` : lang === 'ru' ? `${period.year} год` : `${period.year}`;
};

/** The same in every language a department reads. */
export const printReportingPeriodIn = (period: ReportingPeriod): LocalText => ({
  uk: printReportingPeriod(period, 'uk'),
  ru: printReportingPeriod(period, 'ru'),
  en: printReportingPeriod(period, 'en'),
});
