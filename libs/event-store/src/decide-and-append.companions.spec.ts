import { CommandContext, ConcurrencyConflict, Decider, metadataFor, newId } from '@app/kernel';
import { InMemoryEventStore } from '@app/read-store/testing/in-memory-event-store';
import { decideAndAppend } from './decide-and-append';
import { StreamAppend } from './event-store.port';

/** A counter that a command increases; its companion is a marker on another stream. */
type Counted = { type: 'Counted'; data: { by: number } };
const counter: Decider<number, { by: number }, Counted> = {
  initialState: () => 0,
  evolve: (n, e) => n + e.data.by,
  decide: (c) => [{ type: 'Counted', data: { by: c.by } }],
};
const context = (): CommandContext => ({
  actor: { id: 'operator', role: 'operator' },
  department: 'bakhmut',
  commandId: newId(),
  correlationId: newId(),
  source: 'api',
  receivedAt: new Date(),
});
const marker = (store: InMemoryEventStore, streamId = 'marker') => async (): Promise<StreamAppend> => {
  const revision = await store.streamRevision(streamId);
  return { streamId, expectedRevision: revision < 0 ? 'no_stream' : revision, events: [{ id: newId(), type: 'Marked', data: {}, metadata: metadataFor(context()) }] };
};

describe('decideAndAppend with companions', () => {
  it('appends the companions and the decided events in one multi-stream append, before and after in order', async () => {
    const store = new InMemoryEventStore();
    const appendMany = jest.spyOn(store, 'appendMany');
    const before = await marker(store, 'before')();
    const after = await marker(store, 'after')();
    const result = await decideAndAppend({ store, decider: counter, streamId: 'counter', aggregateId: 'c', context: context(), command: { by: 2 }, companions: () => ({ before: [before], after: [after] }) });
    expect(appendMany.mock.calls[0][0].map((a) => a.streamId)).toEqual(['before', 'counter', 'after']);
    expect(result).toMatchObject({ revision: 0 });
    expect((await store.readStream('before')).map((e) => e.type)).toEqual(['Marked']);
    expect((await store.readStream('counter')).map((e) => e.type)).toEqual(['Counted']);
  });

  it('decides again on fresh reads when another writer changed a companion stream, even with If-Match', async () => {
    const store = new InMemoryEventStore();
    await decideAndAppend({ store, decider: counter, streamId: 'counter', aggregateId: 'c', context: context(), command: { by: 1 } });
    const mark = marker(store);
    let pending: StreamAppend;
    let attempts = 0;
    const result = await decideAndAppend({
      store,
      decider: counter,
      streamId: 'counter',
      aggregateId: 'c',
      context: context(),
      ifMatch: 0,
      command: async () => {
        attempts++;
        const companion = await mark();
        // Another writer lands on the companion stream between our read and our append, once.
        if (attempts === 1) await store.append('marker', [{ id: newId(), type: 'Marked', data: {}, metadata: metadataFor(context()) }], { expectedRevision: 'any' });
        pending = companion;
        return { by: 1 };
      },
      companions: () => ({ before: [pending] }),
    });
    expect(attempts).toBe(2);
    expect(result).toMatchObject({ revision: 1 });
    expect(await store.streamRevision('marker')).toBe(1);
  });
  it('gives up with a conflict when the companion stream keeps changing', async () => {
    const store = new InMemoryEventStore();
    const mark = marker(store);
    let companion: StreamAppend;
    await expect(
      decideAndAppend({
        store,
        decider: counter,
        streamId: 'counter',
        aggregateId: 'c',
        context: context(),
        maxAttempts: 3,
        command: async () => {
          companion = await mark();
          await store.append('marker', [{ id: newId(), type: 'Marked', data: {}, metadata: metadataFor(context()) }], { expectedRevision: 'any' });
          return { by: 1 };
        },
        companions: () => ({ before: [companion] }),
      }),
    ).rejects.toBeInstanceOf(ConcurrencyConflict);
    expect(await store.streamRevision('counter')).toBe(-1);
  });
});
