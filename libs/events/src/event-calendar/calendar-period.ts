import { AcademicYearStart, FieldError, InvalidInput, IsoDate, academicYearOf, parseAcademicYear } from '@app/kernel';
import { DaySpan, Period, daySpanOfPeriod } from '../event/when';

/** The ways a request names a period: one of them, or none. */
export interface PeriodFilter {
  academicYear?: string;
  year?: number;
  month?: string;
  from?: IsoDate;
  to?: IsoDate;
}

/** A period as an answer states it: what was asked, and its days by the department's academic year. */
export interface ResolvedPeriod {
  period: Period;
  /** `2020/2021`, `2021`, `2021-03`, or `2021-03-01..2021-03-15`. */
  label: string;
  from: IsoDate;
  to: IsoDate;
}

/** The period as an answer states it (without how it was asked); null for none. */
export const statedPeriod = (period: ResolvedPeriod | null): Omit<ResolvedPeriod, 'period'> | null =>
  period ? { label: period.label, from: period.from, to: period.to } : null;

const resolved = (period: Period, start: AcademicYearStart, label: string): ResolvedPeriod => {
  const span: DaySpan = daySpanOfPeriod(period, start);
  return { period, label, from: span.first, to: span.last };
};

/**
 * The period a request names (`academicYear`, `year`, `month`, or `from` with `to`), checked
 * field by field; null when it names none. The shapes are checked by the DTO; this checks
 * what they cannot: one way at a time, both ends of a range, in order.
 */
export const periodOf = (filter: PeriodFilter, start: AcademicYearStart): ResolvedPeriod | null => {
  const given = (['academicYear', 'year', 'month'] as const).filter((f) => filter[f] !== undefined);
  const range = filter.from !== undefined || filter.to !== undefined;
  const problems: FieldError[] = [];
  if (given.length + (range ? 1 : 0) > 1) {
    for (const field of [...given, ...(range ? (['from', 'to'] as const).filter((f) => filter[f] !== undefined) : [])]) {
      problems.push({ field, messages: ['give one period: academicYear, year, month, or from and to'] });
    }
    throw new InvalidInput('the period is given more than once', problems);
  }
  if (filter.academicYear !== undefined) {
    const year = parseAcademicYear(filter.academicYear, start);
    if (!year) throw new InvalidInput('the period is invalid', [{ field: 'academicYear', messages: ['academicYear must be two consecutive years, like 2020/2021'] }]);
    return resolved({ kind: 'academic-year', academicYear: year.label }, start, year.label);
  }
  if (filter.year !== undefined) return resolved({ kind: 'calendar-year', year: filter.year }, start, String(filter.year));
  if (filter.month !== undefined) return resolved({ kind: 'month', month: filter.month }, start, filter.month);
  if (range) {
    if (filter.from === undefined || filter.to === undefined) {
      throw new InvalidInput('a period needs both ends', [{ field: filter.from === undefined ? 'from' : 'to', messages: ['from and to go together'] }]);
    }
    if (filter.from > filter.to) throw new InvalidInput('the period is reversed', [{ field: 'to', messages: ['to must not be before from'] }]);
    return resolved({ kind: 'range', from: filter.from, to: filter.to }, start, `${filter.from}..${filter.to}`);
  }
  return null;
};

/** The period a request names, or the academic year running today. */
export const periodOrCurrentYear = (filter: PeriodFilter, start: AcademicYearStart, today: IsoDate): ResolvedPeriod =>
  periodOf(filter, start) ?? periodOf({ academicYear: academicYearOf(today, start).label }, start)!;
