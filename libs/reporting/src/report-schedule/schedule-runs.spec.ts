import { batchInputOf, isSuperseded, lastMissedSlot, repeatKeyOf, scheduleIdOfKey, slotIdempotencyKey } from './schedule-runs';

const ID = '0b7c3e52-5a4e-4c57-9d0e-3f1a2b3c4d5e';
const KYIV = { name: null, cron: '0 6 25 10 *', timeZone: 'Europe/Kyiv', report: 'annual-analysis' as const, periodKind: 'academic-year' as const, language: 'uk' as const, format: 'docx' as const };

describe('a schedule’s runs', () => {
  it('ask at each slot for the batch of the period the slot covers, naming the schedule and the slot', () => {
    const slot = new Date('2021-10-25T03:00:00Z');
    expect(batchInputOf(ID, KYIV, slot, { month: 9, day: 1 })).toEqual({
      report: 'annual-analysis',
      format: 'docx',
      parameters: { period: { kind: 'academic-year', academicYear: '2020/2021' }, language: 'uk' },
      schedule: { scheduleId: ID, slot: '2021-10-25T03:00:00.000Z' },
    });
    expect(batchInputOf(ID, { ...KYIV, periodKind: 'calendar-year', format: 'json' }, slot, { month: 9, day: 1 })).toMatchObject({ format: 'json', parameters: { period: { kind: 'calendar-year', year: 2020 } } });
  });

  it('of a schedule of no language ask for a batch of none: the batch is written in the department’s language at the slot', () => {
    const slot = new Date('2021-10-25T03:00:00Z');
    expect(batchInputOf(ID, { ...KYIV, language: null }, slot, { month: 9, day: 1 }).parameters).toEqual({ period: { kind: 'academic-year', academicYear: '2020/2021' }, language: null });
  });

  it('name a slot’s run by the schedule and the slot’s instant alone, however it is written', () => {
    expect(slotIdempotencyKey(ID, '2021-10-25T03:00:00.000Z')).toBe(`schedule:${ID}:2021-10-25T03:00:00.000Z`);
    expect(slotIdempotencyKey(ID, '2021-10-25T06:00:00+03:00')).toBe(slotIdempotencyKey(ID, '2021-10-25T03:00:00.000Z'));
  });

  it('keep a repeatable per schedule, cron and zone: a changed cron or zone is another key, of the same schedule', () => {
    const key = repeatKeyOf({ scheduleId: ID, cron: KYIV.cron, timeZone: KYIV.timeZone });
    expect(key).toMatch(new RegExp(`^${ID}\\.[0-9a-f]{12}$`));
    expect(repeatKeyOf({ scheduleId: ID, cron: KYIV.cron, timeZone: KYIV.timeZone })).toBe(key);
    expect(repeatKeyOf({ scheduleId: ID, cron: '0 7 25 10 *', timeZone: KYIV.timeZone })).not.toBe(key);
    expect(repeatKeyOf({ scheduleId: ID, cron: KYIV.cron, timeZone: 'UTC' })).not.toBe(key);
    expect(scheduleIdOfKey(key)).toBe(ID);
  });

  it('skip a slot run so late that the next one is due: of the slots missed, only the last runs', () => {
    const slot = new Date('2021-10-25T03:00:00Z');
    expect(isSuperseded(KYIV.cron, KYIV.timeZone, slot, new Date('2021-10-25T03:00:01Z'))).toBe(false);
    expect(isSuperseded(KYIV.cron, KYIV.timeZone, slot, new Date('2022-10-25T02:59:59Z'))).toBe(false);
    expect(isSuperseded(KYIV.cron, KYIV.timeZone, slot, new Date('2022-10-25T03:00:00Z'))).toBe(true);
  });

  it('catch up on a start the last slot due since the schedule was set, and none it had not reached', () => {
    const setAt = new Date('2021-06-01T00:00:00Z');
    expect(lastMissedSlot(KYIV.cron, KYIV.timeZone, setAt, new Date('2023-01-10T00:00:00Z'))).toEqual(new Date('2022-10-25T03:00:00Z'));
    expect(lastMissedSlot(KYIV.cron, KYIV.timeZone, setAt, new Date('2021-10-25T03:00:00Z'))).toEqual(new Date('2021-10-25T03:00:00Z'));
    expect(lastMissedSlot(KYIV.cron, KYIV.timeZone, setAt, new Date('2021-10-25T02:59:59Z'))).toBeNull();
    expect(lastMissedSlot(KYIV.cron, KYIV.timeZone, new Date('2021-11-01T00:00:00Z'), new Date('2022-01-01T00:00:00Z'))).toBeNull();
  });
});
