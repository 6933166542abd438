import { InvalidInput } from '@app/kernel';
import { periodOf, periodOrCurrentYear } from './calendar-period';

const SEPTEMBER = { month: 9, day: 1 };
const AUGUST_15 = { month: 8, day: 15 };

const problemsOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof InvalidInput) return error.errors.map((e) => e.field);
    throw error;
  }
  throw new Error('no problem');
};

describe('the period of a calendar request', () => {
  it('is an academic year by the department’s start day, a calendar year, a month or a range', () => {
    expect(periodOf({ academicYear: '2020/2021' }, SEPTEMBER)).toEqual({ period: { kind: 'academic-year', academicYear: '2020/2021' }, label: '2020/2021', from: '2020-09-01', to: '2021-08-31' });
    expect(periodOf({ academicYear: '2020/2021' }, AUGUST_15)).toMatchObject({ from: '2020-08-15', to: '2021-08-14' });
    expect(periodOf({ year: 2021 }, SEPTEMBER)).toMatchObject({ label: '2021', from: '2021-01-01', to: '2021-12-31' });
    expect(periodOf({ month: '2021-02' }, SEPTEMBER)).toMatchObject({ label: '2021-02', from: '2021-02-01', to: '2021-02-28' });
    expect(periodOf({ from: '2021-03-01', to: '2021-03-15' }, SEPTEMBER)).toMatchObject({ period: { kind: 'range' }, from: '2021-03-01', to: '2021-03-15' });
    expect(periodOf({}, SEPTEMBER)).toBeNull();
    expect(periodOrCurrentYear({}, SEPTEMBER, '2021-10-05')).toMatchObject({ label: '2021/2022' });
  });

  it('is refused field by field when given twice, half a range, reversed, or not two consecutive years', () => {
    expect(problemsOf(() => periodOf({ academicYear: '2020/2021', month: '2021-03' }, SEPTEMBER))).toEqual(['academicYear', 'month']);
    expect(problemsOf(() => periodOf({ year: 2021, from: '2021-01-01', to: '2021-02-01' }, SEPTEMBER))).toEqual(['year', 'from', 'to']);
    expect(problemsOf(() => periodOf({ from: '2021-01-01' }, SEPTEMBER))).toEqual(['to']);
    expect(problemsOf(() => periodOf({ from: '2021-02-01', to: '2021-01-01' }, SEPTEMBER))).toEqual(['to']);
    expect(problemsOf(() => periodOf({ academicYear: '2020/2022' }, SEPTEMBER))).toEqual(['academicYear']);
  });
});
