import { localDayOf, periodOfSlot } from './schedule-period';

describe('the period a schedule’s slot asks for', () => {
  it('is the last academic or calendar year ended by the slot’s day: 25 October 2021 06:00 in Kyiv → 2020/2021, or 2020', () => {
    const slot = new Date('2021-10-25T03:00:00Z'); // 06:00 in Kyiv (UTC+3 in summer time)
    expect(periodOfSlot(slot, 'Europe/Kyiv', 'academic-year')).toEqual({ kind: 'academic-year', academicYear: '2020/2021' });
    expect(periodOfSlot(slot, 'Europe/Kyiv', 'calendar-year')).toEqual({ kind: 'calendar-year', year: 2020 });
  });

  it('takes the slot’s day in the schedule’s zone, not in UTC', () => {
    // 1 January 2022 00:30 in Kyiv is still 31 December 2021 in UTC.
    const slot = new Date('2021-12-31T22:30:00Z');
    expect(localDayOf(slot, 'Europe/Kyiv')).toBe('2022-01-01');
    expect(localDayOf(slot, 'UTC')).toBe('2021-12-31');
    expect(periodOfSlot(slot, 'Europe/Kyiv', 'calendar-year')).toEqual({ kind: 'calendar-year', year: 2021 });
    expect(periodOfSlot(slot, 'UTC', 'calendar-year')).toEqual({ kind: 'calendar-year', year: 2021 }); // its last day: on or before
    expect(periodOfSlot(new Date('2021-12-30T12:00:00Z'), 'UTC', 'calendar-year')).toEqual({ kind: 'calendar-year', year: 2020 });
    // 31 August 2021 01:30 in Kyiv, the academic year's last day, is still 30 August in UTC.
    const lastDay = new Date('2021-08-30T22:30:00Z');
    expect(periodOfSlot(lastDay, 'Europe/Kyiv', 'academic-year')).toEqual({ kind: 'academic-year', academicYear: '2020/2021' });
    expect(periodOfSlot(lastDay, 'UTC', 'academic-year')).toEqual({ kind: 'academic-year', academicYear: '2019/2020' });
  });

  it('counts a period ended on the slot’s day as ended: 31 August is the academic year’s last day', () => {
    expect(periodOfSlot(new Date('2021-08-31T09:00:00Z'), 'Europe/Kyiv', 'academic-year')).toEqual({ kind: 'academic-year', academicYear: '2020/2021' });
    expect(periodOfSlot(new Date('2021-08-30T09:00:00Z'), 'Europe/Kyiv', 'academic-year')).toEqual({ kind: 'academic-year', academicYear: '2019/2020' });
    expect(periodOfSlot(new Date('2021-02-01T09:00:00Z'), 'Europe/Kyiv', 'academic-year')).toEqual({ kind: 'academic-year', academicYear: '2019/2020' });
  });

  it('reads academic years from the department’s start day', () => {
    // A year starting 15 August ends on 14 August: by 20 August 2021, 2020/2021 is over; by 10 August, not yet.
    const start = { month: 8, day: 15 };
    expect(periodOfSlot(new Date('2021-08-20T09:00:00Z'), 'Europe/Kyiv', 'academic-year', start)).toEqual({ kind: 'academic-year', academicYear: '2020/2021' });
    expect(periodOfSlot(new Date('2021-08-10T09:00:00Z'), 'Europe/Kyiv', 'academic-year', start)).toEqual({ kind: 'academic-year', academicYear: '2019/2020' });
  });
});
