import { InvalidInput } from './errors';
import {
  academicYearPeriod,
  calendarYearPeriod,
  compareReportingPeriods,
  daySpanOfReportingPeriod,
  isInReportingPeriod,
  nextReportingPeriod,
  parseReportingPeriod,
  previousReportingPeriod,
  printReportingPeriodIn,
  reportingPeriodLabel,
  reportingPeriodOf,
  reportingPeriodProblems,
  sameReportingPeriod,
  validReportingPeriod,
} from './reporting-period';

describe('reporting period', () => {
  it('reads an academic year as the analyses write it, and a calendar year', () => {
    expect(parseReportingPeriod('2020/2021')).toEqual({ kind: 'academic-year', academicYear: '2020/2021' });
    expect(parseReportingPeriod(' 2022-2023 ')).toEqual({ kind: 'academic-year', academicYear: '2022/2023' });
    expect(parseReportingPeriod('2019 / 2020')).toEqual({ kind: 'academic-year', academicYear: '2019/2020' });
    expect(parseReportingPeriod('2021')).toEqual({ kind: 'calendar-year', year: 2021 });
  });

  it('reads nothing else', () => {
    for (const text of ['2020/2022', '2021/2020', '21/22', '2021-03', '1899', '3000', '', 'навчальний рік']) expect({ text, period: parseReportingPeriod(text) }).toEqual({ text, period: null });
  });

  it('names what is wrong with a period given as data, field by field', () => {
    expect(reportingPeriodProblems({ kind: 'academic-year', academicYear: '2020/2021' })).toEqual([]);
    expect(reportingPeriodProblems({ kind: 'calendar-year', year: 2021 })).toEqual([]);
    expect(reportingPeriodProblems('2020/2021')).toEqual([]);
    expect(reportingPeriodProblems({ kind: 'academic-year', academicYear: '2020-2021' }).map((p) => p.field)).toEqual(['period.academicYear']);
    expect(reportingPeriodProblems({ kind: 'calendar-year', year: 2021.5 }).map((p) => p.field)).toEqual(['period.year']);
    expect(reportingPeriodProblems({ kind: 'calendar-year', year: 2021, academicYear: '2020/2021' }).map((p) => p.field)).toEqual(['period.academicYear']);
    expect(reportingPeriodProblems({ kind: 'month' }).map((p) => p.field)).toEqual(['period.kind']);
    expect(reportingPeriodProblems(undefined, 'next').map((p) => p.field)).toEqual(['next']);
    expect(() => validReportingPeriod('2020/2022')).toThrow(InvalidInput);
    expect(validReportingPeriod('2021')).toEqual(calendarYearPeriod(2021));
  });

  it('spans an academic year from the department start day, a calendar year from 1 January', () => {
    expect(daySpanOfReportingPeriod(academicYearPeriod('2020/2021'))).toEqual({ first: '2020-09-01', last: '2021-08-31' });
    expect(daySpanOfReportingPeriod(academicYearPeriod('2020/2021'), { month: 8, day: 15 })).toEqual({ first: '2020-08-15', last: '2021-08-14' });
    expect(daySpanOfReportingPeriod(calendarYearPeriod(2021), { month: 8, day: 15 })).toEqual({ first: '2021-01-01', last: '2021-12-31' });
    expect(isInReportingPeriod('2021-08-31', academicYearPeriod('2020/2021'))).toBe(true);
    expect(isInReportingPeriod('2021-09-01', academicYearPeriod('2020/2021'))).toBe(false);
  });

  it('finds the period a day falls in, of either kind', () => {
    expect(reportingPeriodOf('2021-03-15', 'academic-year')).toEqual(academicYearPeriod('2020/2021'));
    expect(reportingPeriodOf('2021-09-01', 'academic-year')).toEqual(academicYearPeriod('2021/2022'));
    expect(reportingPeriodOf('2021-08-20', 'academic-year', { month: 8, day: 15 })).toEqual(academicYearPeriod('2021/2022'));
    expect(reportingPeriodOf('2021-03-15', 'calendar-year')).toEqual(calendarYearPeriod(2021));
  });

  it('knows next year and the year before: where next year’s plan goes', () => {
    expect(nextReportingPeriod(academicYearPeriod('2019/2020'))).toEqual(academicYearPeriod('2020/2021'));
    expect(previousReportingPeriod(academicYearPeriod('2020/2021'))).toEqual(academicYearPeriod('2019/2020'));
    expect(nextReportingPeriod(calendarYearPeriod(2021))).toEqual(calendarYearPeriod(2022));
  });

  it('writes the period as a heading does, in each language', () => {
    expect(printReportingPeriodIn(academicYearPeriod('2020/2021'))).toEqual({ uk: '2020/2021 навчальний рік', ru: '2020/2021 учебный год', en: 'the 2020/2021 academic year' });
    expect(printReportingPeriodIn(calendarYearPeriod(2021))).toEqual({ uk: '2021 рік', ru: '2021 год', en: '2021' });
  });

  it('tells periods apart by kind and label, and orders them by their first day', () => {
    expect(reportingPeriodLabel(academicYearPeriod('2020/2021'))).toBe('2020/2021');
    expect(reportingPeriodLabel(calendarYearPeriod(2021))).toBe('2021');
    expect(sameReportingPeriod(academicYearPeriod('2020/2021'), parseReportingPeriod('2020-2021')!)).toBe(true);
    expect(sameReportingPeriod(academicYearPeriod('2020/2021'), calendarYearPeriod(2020))).toBe(false);
    const sorted = [calendarYearPeriod(2021), academicYearPeriod('2021/2022'), academicYearPeriod('2020/2021'), calendarYearPeriod(2020)].sort((a, b) => compareReportingPeriods(a, b));
    expect(sorted.map(reportingPeriodLabel)).toEqual(['2020', '2020/2021', '2021', '2021/2022']);
  });
});
