import type { IsoDate } from '@app/kernel';

/**
 * Recorded by the end of the day `asOf` (UTC, the day of its `recordedAt`), or always when no day
 * is asked: how the readers of every kind of report read `asOf`, as planning's fulfilment and the
 * annual analysis's reader do.
 */
export const recordedBy = (recordedAt: string, asOf: IsoDate | null | undefined): boolean => !asOf || recordedAt.slice(0, 10) <= asOf;

/**
 * A holding the report reads: recorded at or before the report's position (the calendar keeps
 * the position of each holding; one built before it kept it has none, read as recorded by any
 * position) and by the end of the day `asOf`. So a report built at a position never counts an
 * event held later, whenever it is generated.
 */
export const heldBy = (held: { recordedAt: string; position?: number }, position: number, asOf: IsoDate | null | undefined): boolean =>
  (held.position === undefined || held.position <= position) && recordedBy(held.recordedAt, asOf);
