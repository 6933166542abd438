import { IsoDate, isIsoDate } from './clock';

/**
 * An academic year, written `2020/2021`. It starts on a department's configured day
 * (1 September by default) and ends the day before the same day a year later.
 */
export interface AcademicYear {
  readonly label: string;
  readonly startYear: number;
  readonly from: IsoDate;
  readonly to: IsoDate;
}

/** Month and day an academic year starts on; 1 September unless a department says otherwise. */
export interface AcademicYearStart {
  month: number;
  day: number;
}

export const DEFAULT_YEAR_START: AcademicYearStart = { month: 9, day: 1 };

const LABEL = /^(\d{4})\/(\d{4})$/;

const pad = (n: number): string => String(n).padStart(2, '0');

export const academicYearStarting = (startYear: number, start: AcademicYearStart = DEFAULT_YEAR_START): AcademicYear => {
  const from = `${startYear}-${pad(start.month)}-${pad(start.day)}`;
  const dayBefore = new Date(Date.UTC(startYear + 1, start.month - 1, start.day) - 86_400_000);
  return { label: `${startYear}/${startYear + 1}`, startYear, from, to: dayBefore.toISOString().slice(0, 10) };
};

/** Parses `2020/2021`; returns null when the text is not two consecutive years. */
export const parseAcademicYear = (label: string, start: AcademicYearStart = DEFAULT_YEAR_START): AcademicYear | null => {
  const m = LABEL.exec(label.trim());
  if (!m) return null;
  const first = Number(m[1]);
  if (Number(m[2]) !== first + 1) return null;
  return academicYearStarting(first, start);
};

/** The academic year a date falls in. */
export const academicYearOf = (date: IsoDate, start: AcademicYearStart = DEFAULT_YEAR_START): AcademicYear => {
  if (!isIsoDate(date)) throw new RangeError(`not a date: ${date}`);
  const year = Number(date.slice(0, 4));
  const startThisYear = `${year}-${pad(start.month)}-${pad(start.day)}`;
  return academicYearStarting(date >= startThisYear ? year : year - 1, start);
};
