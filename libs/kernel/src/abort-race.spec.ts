import { getEventListeners } from 'node:events';
import { ABORTED, TIMED_OUT, raceAbort } from './abort-race';

describe('raceAbort', () => {
  it('settles like the promise when it settles first, and leaves no listener on the signal', async () => {
    const controller = new AbortController();
    await expect(raceAbort(Promise.resolve('event'), controller.signal)).resolves.toBe('event');
    await expect(raceAbort(Promise.reject(new Error('lost')), controller.signal, 1_000)).rejects.toThrow('lost');
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('settles with ABORTED on abort, at once when already aborted', async () => {
    const controller = new AbortController();
    const never = new Promise<string>(() => undefined);
    const race = raceAbort(never, controller.signal);
    controller.abort();
    await expect(race).resolves.toBe(ABORTED);
    await expect(raceAbort(never, controller.signal)).resolves.toBe(ABORTED);
  });

  it('settles with TIMED_OUT when the time runs out first, and detaches', async () => {
    const controller = new AbortController();
    await expect(raceAbort(new Promise<string>(() => undefined), controller.signal, 1)).resolves.toBe(TIMED_OUT);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });
});
