/** Every API Jest can fake but `Date`: the writers' streams, timers and promises run as usual. */
const ALL_BUT_DATE = [
  'hrtime', 'nextTick', 'performance', 'queueMicrotask', 'requestAnimationFrame', 'cancelAnimationFrame', 'requestIdleCallback',
  'cancelIdleCallback', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout',
] as const;

/**
 * Runs `work` with the clock set to another day and hour (`Date` only), for the tests that a
 * document's bytes do not depend on when it was written: waiting a second is not enough (a zip
 * dates its entries to two seconds), moving the clock by years is.
 */
export const atAnotherTime = async <T>(work: () => Promise<T>, now = '2031-03-04T05:06:07Z'): Promise<T> => {
  jest.useFakeTimers({ now: new Date(now), doNotFake: [...ALL_BUT_DATE] });
  try {
    return await work();
  } finally {
    jest.useRealTimers();
  }
};
