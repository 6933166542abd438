/**
 * How a write is tried again when another writer got in between its read and its append: a few
 * attempts, with a short wait before each one that grows and is bounded. The wait is jittered
 * (half of it fixed, half drawn at random) so that writers who collided once do not read and
 * collide again in step, as immediate retries did.
 */
export interface RetryPolicy {
  /** Attempts in all, the first one included. */
  attempts: number;
  /** The wait after the first conflict; it doubles after each further one. */
  firstDelayMs: number;
  /** No wait is longer than this. */
  maxDelayMs: number;
  /** How to wait; tests pass one that records the wait and returns at once. */
  wait?: (ms: number) => Promise<void>;
  /** Draws the jitter, in [0, 1). */
  random?: () => number;
}

/** Five attempts, waits of 2.5–5, 5–10, 10–20 and 20–40 ms between them (at most 75 ms in all). */
export const DEFAULT_RETRY: RetryPolicy = { attempts: 5, firstDelayMs: 5, maxDelayMs: 100 };

/** A policy with the defaults filled in. */
export const retryPolicy = (policy: Partial<RetryPolicy> = {}): RetryPolicy => ({ ...DEFAULT_RETRY, ...policy });

/** The wait before the attempt that follows attempt `attempt` (1-based) when it met a conflict. */
export const retryDelay = (policy: RetryPolicy, attempt: number): number => {
  const ceiling = Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** Math.max(0, attempt - 1));
  return ceiling / 2 + (policy.random ?? Math.random)() * (ceiling / 2);
};

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits as the policy says after attempt `attempt` met a conflict. */
export const pauseBeforeRetry = (policy: RetryPolicy, attempt: number): Promise<void> => (policy.wait ?? sleep)(retryDelay(policy, attempt));
