import { HttpAdapterHost } from '@nestjs/core';
import { RequestDrain } from './request-drain';

const settled = async (promise: Promise<unknown>): Promise<boolean> => {
  let done = false;
  void promise.then(() => (done = true));
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
  return done;
};

describe('RequestDrain', () => {
  const drainOf = () => new RequestDrain(new HttpAdapterHost());

  it('drains at once when nothing is in flight, and refuses new requests afterwards', async () => {
    const drain = drainOf();
    await expect(drain.drain(1_000)).resolves.toBe(true);
    expect(drain.admit()).toBeNull();
  });

  it('waits for a request until it is answered and its response is over', async () => {
    const drain = drainOf();
    const request = drain.admit()!;
    const drained = drain.drain(60_000);
    expect(await settled(drained)).toBe(false);
    expect(drain.admit()).toBeNull();
    request.answer();
    expect(await settled(drained)).toBe(false);
    request.close();
    await expect(drained).resolves.toBe(true);
    expect(drain.inFlight).toBe(0);
  });

  it('waits for the handler of a request whose client hung up', async () => {
    const drain = drainOf();
    const request = drain.admit()!;
    // The client goes away while the command still runs (it will append, then answer).
    request.close();
    const drained = drain.drain(60_000);
    expect(await settled(drained)).toBe(false);
    request.answer();
    request.close();
    await expect(drained).resolves.toBe(true);
    expect(drain.inFlight).toBe(0);
  });

  it('gives up after the drain time, saying so', async () => {
    const drain = drainOf();
    drain.admit();
    await expect(drain.drain(1)).resolves.toBe(false);
  });
});
