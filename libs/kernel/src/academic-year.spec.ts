import { academicYearOf, parseAcademicYear } from './academic-year';

describe('academic year', () => {
  it('runs from 1 September to 31 August by default', () => {
    expect(parseAcademicYear('2020/2021')).toEqual({ label: '2020/2021', startYear: 2020, from: '2020-09-01', to: '2021-08-31' });
  });
  it('refuses years that do not follow each other', () => {
    expect(parseAcademicYear('2020/2022')).toBeNull();
    expect(parseAcademicYear('2020')).toBeNull();
  });
  it('places a date in the year it falls in', () => {
    expect(academicYearOf('2021-08-31').label).toBe('2020/2021');
    expect(academicYearOf('2021-09-01').label).toBe('2021/2022');
  });
  it('honours a department-specific start', () => {
    expect(academicYearOf('2021-08-20', { month: 8, day: 15 }).label).toBe('2021/2022');
    expect(parseAcademicYear('2021/2022', { month: 8, day: 15 })?.to).toBe('2022-08-14');
  });
});
