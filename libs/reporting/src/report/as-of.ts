import type { IsoDate } from '@app/kernel';

/**
 * Recorded by the end of the day `asOf` (UTC, the day of its `recordedAt`), or always when no day
 * is asked: how the readers of every kind of report read `asOf`, as planning's fulfilment and the
 * annual analysis's reader do.
 */
export const recordedBy = (recordedAt: string, asOf: IsoDate | null | undefined): boolean => !asOf || recordedAt.slice(0, 10) <= asOf;
