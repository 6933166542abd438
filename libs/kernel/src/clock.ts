/** The source of the current time. Deciders never read it: the time travels in the command. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stands still until moved; for tests. */
export class FixedClock implements Clock {
  constructor(private current: Date) {}
  now(): Date {
    return new Date(this.current.getTime());
  }
  set(to: Date): void {
    this.current = to;
  }
}

/** An ISO calendar date (YYYY-MM-DD), as effective dates are written. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when the value is a real calendar date written YYYY-MM-DD. */
export const isIsoDate = (value: unknown): value is IsoDate => {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
};

/** The calendar date (UTC) of an instant. */
export const toIsoDate = (at: Date): IsoDate => at.toISOString().slice(0, 10);

/** The day before a calendar date: the last day of a span `[from, to)` that ends at `to`. */
export const dayBefore = (day: IsoDate): IsoDate => new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
