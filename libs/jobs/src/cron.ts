import { parseExpression } from 'cron-parser';

/**
 * Cron expressions as both queues read them (cron-parser, which Bull uses): five fields
 * (minute hour day-of-month month day-of-week) or six with seconds first, in an IANA time zone.
 */

/** Whether the zone is one the runtime knows (`Europe/Kyiv`, `UTC`). */
export const isTimeZone = (tz: string): boolean => {
  if (typeof tz !== 'string' || tz.length === 0) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

/** Why the expression is not a cron both queues read; undefined when it is one. */
export const cronProblem = (cron: string): string | undefined => {
  if (typeof cron !== 'string' || cron.trim() === '') return 'a cron expression is needed';
  const fields = cron.trim().split(/\s+/);
  if (fields.length < 5 || fields.length > 6) return `a cron expression has five fields (minute hour day month weekday) or six (seconds first); this one has ${fields.length}`;
  try {
    const parsed = parseExpression(cron, { tz: 'UTC', currentDate: new Date(0) });
    parsed.next();
    return undefined;
  } catch (error) {
    return `not a cron expression: ${error instanceof Error ? error.message : String(error)}`;
  }
};

/** The first `count` slots of the cron in `tz` after the instant `after` (exclusive), oldest first. */
export const nextSlots = (cron: string, tz: string, after: Date, count: number): Date[] => {
  const interval = parseExpression(cron, { tz, currentDate: after });
  const slots: Date[] = [];
  for (let i = 0; i < count; i++) {
    try {
      slots.push(interval.next().toDate());
    } catch {
      break; // no later slot (an expression of a day that never comes)
    }
  }
  return slots;
};

/** The next slot after `after`, or null when there is none. */
export const nextSlot = (cron: string, tz: string, after: Date): Date | null => nextSlots(cron, tz, after, 1)[0] ?? null;

/** The last slot at or before `at`, or null when there is none. */
export const previousSlot = (cron: string, tz: string, at: Date): Date | null => {
  // prev() is strictly before currentDate; a millisecond later makes `at` itself count.
  const interval = parseExpression(cron, { tz, currentDate: new Date(at.getTime() + 1) });
  try {
    return interval.prev().toDate();
  } catch {
    return null;
  }
};

/** The cron and zone of a repeatable, refused alike by every adapter (RangeError). */
export const assertRepeat = (cron: string, tz: string): void => {
  const problem = cronProblem(cron);
  if (problem) throw new RangeError(problem);
  if (!isTimeZone(tz)) throw new RangeError(`"${tz}" is not an IANA time zone`);
};
