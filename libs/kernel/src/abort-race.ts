/** What `raceAbort` settles with when the signal aborted first. */
export const ABORTED: unique symbol = Symbol('aborted');

/** What `raceAbort` settles with when its time ran out first. */
export const TIMED_OUT: unique symbol = Symbol('timed out');

/**
 * Settles like `promise`, or with ABORTED once `signal` aborts, or with TIMED_OUT after
 * `timeoutMs` (when given), whichever comes first.
 *
 * Unlike `Promise.race([promise, stopPromise])` against one long-lived stop promise, this
 * attaches to the signal only for the duration of one call and detaches when it settles:
 * every race against a promise that never settles leaves a reaction on it, holding the race's
 * result (an event, a batch) for as long as that promise lives. A follower racing each event
 * against its stop promise kept every event it ever saw.
 */
export const raceAbort = <T>(
  promise: Promise<T>,
  signal: AbortSignal,
  timeoutMs?: number,
): Promise<T | typeof ABORTED | typeof TIMED_OUT> => {
  if (signal.aborted) return Promise.resolve(ABORTED);
  return new Promise((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined;
    const settle = (): void => {
      signal.removeEventListener('abort', onAbort);
      if (timer !== undefined) clearTimeout(timer);
    };
    const onAbort = (): void => {
      settle();
      resolve(ABORTED);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    if (timeoutMs !== undefined) {
      timer = setTimeout(() => {
        settle();
        resolve(TIMED_OUT);
      }, Math.max(0, timeoutMs));
    }
    promise.then(
      (value) => {
        settle();
        resolve(value);
      },
      (error: unknown) => {
        settle();
        reject(error);
      },
    );
  });
};
