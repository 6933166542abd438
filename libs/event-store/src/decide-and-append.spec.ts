import { CommandContext, ConcurrencyConflict, Decider, NewEvent, NotFound, RuleViolated, StaleRevision, metadataFor, newId } from '@app/kernel';
import { InMemoryEventStore } from '@app/read-store/testing/in-memory-event-store';
import { DecideAndAppendOptions, decideAndAppend } from './decide-and-append';
import { AppendOptions, AppendResult, StreamAppend } from './event-store.port';
import { DEFAULT_RETRY, retryDelay } from './retry-policy';
import { StreamStateCache } from './stream-state-cache';

// ---- a small aggregate: counters on a board, each counter a resource of the board's stream ----

type Counted = { type: 'Counted'; data: { counter: string; by: number } };
/** Add `by` to a counter; or bring it to `to` (decided from the state, so a stale state shows). */
type Count = { counter: string; by?: number; to?: number; department?: string };
type Board = { department: string; counters: Record<string, number> };

const board: Decider<Board, Count, Counted> = {
  initialState: () => ({ department: 'bakhmut', counters: {} }),
  evolve: (state, event) => ({ ...state, counters: { ...state.counters, [event.data.counter]: (state.counters[event.data.counter] ?? 0) + event.data.by } }),
  decide: (command, state) => {
    const current = state.counters[command.counter] ?? 0;
    const by = command.to !== undefined ? command.to - current : (command.by ?? 0);
    if (current + by < 0) throw new RuleViolated('below-zero', `counter ${command.counter} would fall below zero`);
    return by === 0 ? [] : [{ type: 'Counted', data: { counter: command.counter, by } }];
  },
};
const countersOf = (event: { type: string; data: unknown }): string[] => [(event.data as Counted['data']).counter];

const BOARD = 'board-1';

const context = (extra: Partial<CommandContext> = {}): CommandContext => ({
  actor: { id: 'operator.koval', role: 'operator' },
  department: 'bakhmut',
  commandId: newId(),
  correlationId: newId(),
  source: 'api',
  receivedAt: new Date('2026-09-01T08:00:00Z'),
  ...extra,
});

/** The in-memory store, with a hook that runs once just before the next append reaches it: another writer getting in first. */
class Store extends InMemoryEventStore {
  beforeNextAppend?: () => Promise<void>;
  appends = 0;

  override async append(streamId: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult> {
    await this.interfere();
    return super.append(streamId, events, options);
  }

  override async appendMany(appends: StreamAppend[]): Promise<AppendResult[]> {
    await this.interfere();
    return super.appendMany(appends);
  }

  /** What another writer appends, bypassing the hook. */
  async other(streamId: string, type = 'Counted', data: unknown = { counter: 'a', by: 5 }): Promise<void> {
    await super.append(streamId, [{ id: newId(), type, data, metadata: metadataFor(context()) }], { expectedRevision: 'any' });
  }

  async types(streamId: string): Promise<string[]> {
    return (await this.readStream(streamId)).map((e) => e.type);
  }

  private async interfere(): Promise<void> {
    this.appends++;
    const hook = this.beforeNextAppend;
    this.beforeNextAppend = undefined;
    if (hook) await hook();
  }
}

/** Records the waits between attempts instead of waiting. */
const recordingWaits = () => {
  const waits: number[] = [];
  return { waits, retry: { wait: async (ms: number) => void waits.push(ms), random: () => 0.5 } };
};

const write = <P = undefined, R = undefined>(store: Store, options: Partial<DecideAndAppendOptions<Board, Count, Counted, P, R>> = {}) =>
  decideAndAppend<Board, Count, Counted, P, R>({
    store,
    decider: board,
    streamId: BOARD,
    aggregateId: 'board',
    context: context(),
    command: { counter: 'a', by: 1 },
    retry: recordingWaits().retry,
    ...options,
  });

describe('decideAndAppend: the write path', () => {
  describe('a decision', () => {
    it('appends the decided events at the revision read, and answers with the id, the revision and the position', async () => {
      const store = new Store();
      expect(await write(store)).toEqual({ id: 'board', revision: 0, position: 1, replayed: false });
      expect(await write(store, { command: { counter: 'a', by: 2 } })).toEqual({ id: 'board', revision: 1, position: 2, replayed: false });
      expect((await store.readStream(BOARD)).map((e) => e.data)).toEqual([{ counter: 'a', by: 1 }, { counter: 'a', by: 2 }]);
    });

    it('records the command’s context in each event, with the effective date and reason that describe gives', async () => {
      const store = new Store();
      const ctx = context({ reason: 'from the context', idempotencyKey: 'k-1' });
      await write(store, { context: ctx, describe: () => ({ effectiveAt: '2026-09-01', reason: 'from the event' }) });
      const [event] = await store.readStream(BOARD);
      expect(event.metadata).toEqual({ ...metadataFor(ctx), effectiveAt: '2026-09-01', reason: 'from the event' });
    });

    it('appends nothing when the decision refuses, and the refusal reaches the caller', async () => {
      const store = new Store();
      await expect(write(store, { command: { counter: 'a', by: -1 } })).rejects.toBeInstanceOf(RuleViolated);
      expect(store.appends).toBe(0);
      expect(await store.streamRevision(BOARD)).toBe(-1);
    });

    it('appends nothing when the decision is no change, and answers with the stream as it is', async () => {
      const store = new Store();
      await write(store, { command: { counter: 'a', to: 3 } });
      store.appends = 0;
      expect(await write(store, { command: { counter: 'a', to: 3 } })).toEqual({ id: 'board', revision: 0, position: 1, replayed: false });
      expect(store.appends).toBe(0);
    });

    it('lets admit refuse the stream before anything else: no prepare, no revision revealed, nothing appended', async () => {
      const store = new Store();
      await write(store);
      const prepare = jest.fn(async () => undefined);
      const refused = write(store, { ifMatch: 7, prepare, admit: (state) => {
        if (state.department !== 'kramatorsk') throw new NotFound('board', 'board');
      } });
      await expect(refused).rejects.toBeInstanceOf(NotFound);
      expect(prepare).not.toHaveBeenCalled();
      expect(await store.streamRevision(BOARD)).toBe(0);
    });
  });

  describe('idempotency', () => {
    it('answers a repeated Idempotency-Key with the first answer and appends nothing', async () => {
      const store = new Store();
      const first = await write(store, { context: context({ idempotencyKey: 'k-1' }) });
      await write(store, { command: { counter: 'b', by: 1 } });
      store.appends = 0;
      const again = await write(store, { context: context({ idempotencyKey: 'k-1' }) });
      expect(again).toEqual({ ...first, replayed: true });
      expect(store.appends).toBe(0);
      expect(await store.streamRevision(BOARD)).toBe(1);
    });

    it('answers another command under a key already used on the stream with the first write, applying none of it', async () => {
      const store = new Store();
      const first = await write(store, { context: context({ idempotencyKey: 'k-1' }), command: { counter: 'a', by: 1 } });
      const other = await write(store, { context: context({ idempotencyKey: 'k-1' }), command: { counter: 'b', by: 9 } });
      expect(other).toEqual({ ...first, replayed: true });
      expect((await store.readStream(BOARD)).map((e) => e.data)).toEqual([{ counter: 'a', by: 1 }]);
    });

    it('keys are per department', async () => {
      const store = new Store();
      await write(store, { context: context({ idempotencyKey: 'k-1' }) });
      const elsewhere = await write(store, { context: context({ idempotencyKey: 'k-1', department: 'kramatorsk' }) });
      expect(elsewhere).toMatchObject({ revision: 1, replayed: false });
    });

    it('derives the event ids from the key, so the same request gives the same events', async () => {
      const one = new Store();
      const two = new Store();
      await write(one, { context: context({ idempotencyKey: 'k-1' }) });
      await write(two, { context: context({ idempotencyKey: 'k-1' }) });
      expect((await one.readStream(BOARD))[0].id).toBe((await two.readStream(BOARD))[0].id);
    });

    it('does not prepare again for a repeated key', async () => {
      const store = new Store();
      const prepare = jest.fn(async () => undefined);
      await write(store, { context: context({ idempotencyKey: 'k-1' }), prepare });
      await write(store, { context: context({ idempotencyKey: 'k-1' }), prepare });
      expect(prepare).toHaveBeenCalledTimes(1);
    });

    it('keeps one write when two requests with one key race: the second one, decided again, is answered from the first', async () => {
      const store = new Store();
      const results = await Promise.all([0, 1].map(() => write(store, { context: context({ idempotencyKey: 'k-1' }) })));
      expect(await store.streamRevision(BOARD)).toBe(0);
      expect(results.map((r) => r.revision)).toEqual([0, 0]);
      expect(results.filter((r) => r.replayed)).toHaveLength(1);
    });
  });

  describe('If-Match', () => {
    it('appends when it names the current revision', async () => {
      const store = new Store();
      await write(store);
      expect(await write(store, { ifMatch: 0 })).toMatchObject({ revision: 1 });
    });

    it('refuses a stale revision with StaleRevision, before preparing, and appends nothing', async () => {
      const store = new Store();
      await write(store);
      await write(store);
      const prepare = jest.fn(async () => undefined);
      const stale = write(store, { ifMatch: 0, prepare });
      await expect(stale).rejects.toEqual(new StaleRevision(0, 1));
      expect(prepare).not.toHaveBeenCalled();
      expect(await store.streamRevision(BOARD)).toBe(1);
    });

    it('refuses, without deciding again, when another writer moves the stream between the read and the append', async () => {
      const store = new Store();
      await write(store);
      store.beforeNextAppend = () => store.other(BOARD);
      const build = jest.fn(() => ({ counter: 'a', by: 1 }));
      await expect(write(store, { ifMatch: 0, command: build })).rejects.toEqual(new StaleRevision(0, 1));
      expect(build).toHaveBeenCalledTimes(1);
      expect(await store.types(BOARD)).toEqual(['Counted', 'Counted']);
    });

    it('with a resource, compares the revision of that resource only, and decides again when another one moved', async () => {
      const store = new Store();
      await write(store, { command: { counter: 'a', by: 1 } });
      await write(store, { command: { counter: 'b', by: 1 } });
      // Counter a was last changed at revision 0, though the stream is at 1.
      expect(await write(store, { ifMatch: 0, resource: 'a', resourcesOf: countersOf })).toMatchObject({ revision: 2 });
      await expect(write(store, { ifMatch: 0, resource: 'a', resourcesOf: countersOf })).rejects.toEqual(new StaleRevision(0, 2));
      // Another writer changes counter b in between: a is still at 2, so the command goes through.
      store.beforeNextAppend = () => store.other(BOARD, 'Counted', { counter: 'b', by: 1 });
      expect(await write(store, { ifMatch: 2, resource: 'a', resourcesOf: countersOf })).toMatchObject({ revision: 4 });
      // ...but not when it changes counter a.
      store.beforeNextAppend = () => store.other(BOARD, 'Counted', { counter: 'a', by: 1 });
      await expect(write(store, { ifMatch: 4, resource: 'a', resourcesOf: countersOf })).rejects.toEqual(new StaleRevision(4, 5));
    });
  });

  describe('conflicts', () => {
    it('decides again on the fresh state after a short wait, preparing only once', async () => {
      const store = new Store();
      await write(store);
      const { waits, retry } = recordingWaits();
      const prepare = jest.fn(async () => 'prepared');
      const seen: Array<[number | undefined, string]> = [];
      store.beforeNextAppend = () => store.other(BOARD);
      const result = await write(store, {
        retry,
        prepare,
        command: (state, prepared) => {
          seen.push([state.counters.a, prepared]);
          return { counter: 'a', to: 10 };
        },
      });
      expect(prepare).toHaveBeenCalledTimes(1);
      // The second decision saw what the other writer appended, and decided on it.
      expect(seen).toEqual([
        [1, 'prepared'],
        [6, 'prepared'],
      ]);
      expect(result).toMatchObject({ revision: 2 });
      expect((await store.readStream(BOARD)).map((e) => (e.data as Counted['data']).by)).toEqual([1, 5, 4]);
      expect(waits).toEqual([retryDelay({ ...DEFAULT_RETRY, random: () => 0.5 }, 1)]);
    });

    it('gives up with ConcurrencyConflict after the last attempt, having waited longer each time and appended nothing', async () => {
      const store = new Store();
      const { waits, retry } = recordingWaits();
      const interfere = async (): Promise<void> => {
        await store.other(BOARD);
        store.beforeNextAppend = interfere;
      };
      store.beforeNextAppend = interfere;
      const prepare = jest.fn(async () => undefined);
      await expect(write(store, { retry: { ...retry, attempts: 4 }, prepare })).rejects.toBeInstanceOf(ConcurrencyConflict);
      expect(store.appends).toBe(4);
      expect(prepare).toHaveBeenCalledTimes(1);
      expect(waits).toHaveLength(3);
      expect(waits[1]).toBeGreaterThan(waits[0]);
      expect(waits[2]).toBeGreaterThan(waits[1]);
      // Only the other writer's events.
      expect((await store.readStream(BOARD)).every((e) => (e.data as Counted['data']).by === 5)).toBe(true);
    });

    it('waits a growing, bounded, jittered time between attempts', () => {
      const at = (random: number) => (attempt: number) => retryDelay({ ...DEFAULT_RETRY, random: () => random }, attempt);
      const low = at(0);
      const high = at(0.999);
      expect([1, 2, 3, 4].map(low)).toEqual([2.5, 5, 10, 20]);
      expect(high(1)).toBeCloseTo(5, 1);
      expect(high(4)).toBeCloseTo(40, 0);
      expect(high(30)).toBeLessThanOrEqual(DEFAULT_RETRY.maxDelayMs);
      expect(low(30)).toBe(DEFAULT_RETRY.maxDelayMs / 2);
    });
  });

  describe('companions and other streams', () => {
    /** The command marks another stream, at the revision `readOthers` read. */
    const marking = (store: Store, streamId = 'marker') => ({
      readOthers: async (): Promise<number> => store.streamRevision(streamId),
      companions: (_events: Counted[], _state: Board, revision: number) => ({
        before: [{ streamId, expectedRevision: revision < 0 ? ('no_stream' as const) : revision, events: [{ id: newId(), type: 'Marked', data: {}, metadata: metadataFor(context()) }] }],
      }),
    });

    it('appends the companions and the decided events in one multi-stream append, before and after in order', async () => {
      const store = new Store();
      const appendMany = jest.spyOn(store, 'appendMany');
      const mark = (streamId: string): StreamAppend => ({ streamId, expectedRevision: 'no_stream', events: [{ id: newId(), type: 'Marked', data: {}, metadata: metadataFor(context()) }] });
      const result = await write(store, { companions: () => ({ before: [mark('before')], after: [mark('after')] }) });
      expect(appendMany.mock.calls[0][0].map((a) => a.streamId)).toEqual(['before', BOARD, 'after']);
      expect(result).toMatchObject({ revision: 0 });
      expect(await store.types('before')).toEqual(['Marked']);
      expect(await store.types('after')).toEqual(['Marked']);
    });

    it('hands what readOthers read to the command and the companions', async () => {
      const store = new Store();
      await store.other('marker', 'Marked', {});
      const built: number[] = [];
      await write(store, {
        ...marking(store),
        command: (_state, _prepared, revision) => {
          built.push(revision);
          return { counter: 'a', by: 1 };
        },
      });
      expect(built).toEqual([0]);
      expect(await store.streamRevision('marker')).toBe(1);
    });

    it('reads the other streams again and decides again when another writer changed one, even with If-Match; prepares once', async () => {
      const store = new Store();
      await write(store);
      const prepare = jest.fn(async () => undefined);
      const { readOthers, companions } = marking(store);
      const reads = jest.fn(readOthers);
      store.beforeNextAppend = () => store.other('marker', 'Marked', {});
      const result = await write(store, { ifMatch: 0, prepare, readOthers: reads, companions });
      expect(reads).toHaveBeenCalledTimes(2);
      expect(prepare).toHaveBeenCalledTimes(1);
      expect(result).toMatchObject({ revision: 1 });
      expect(await store.streamRevision('marker')).toBe(1);
    });

    it('gives up with a conflict when the other stream keeps changing, having appended nothing to either', async () => {
      const store = new Store();
      const interfere = async (): Promise<void> => {
        await store.other('marker', 'Marked', {});
        store.beforeNextAppend = interfere;
      };
      store.beforeNextAppend = interfere;
      await expect(write(store, { ...marking(store), retry: { ...recordingWaits().retry, attempts: 3 } })).rejects.toBeInstanceOf(ConcurrencyConflict);
      expect(await store.streamRevision(BOARD)).toBe(-1);
      expect(await store.streamRevision('marker')).toBe(2);
    });

    it('appends no companion when the decision refuses', async () => {
      const store = new Store();
      await expect(write(store, { ...marking(store), command: { counter: 'a', by: -1 } })).rejects.toBeInstanceOf(RuleViolated);
      expect(await store.streamRevision('marker')).toBe(-1);
      expect(store.appends).toBe(0);
    });
  });

  describe('with a cache (hot streams)', () => {
    const cacheOf = () => new StreamStateCache<Board>({ initialState: board.initialState, evolve: board.evolve as never, resourcesOf: countersOf });

    it('decides commands sent at once in batches, each on the state the ones before it left, none refusing another', async () => {
      const store = new Store();
      const cache = cacheOf();
      const results = await Promise.all([1, 2, 3, 4].map((to) => write(store, { cache, command: { counter: 'a', to: to * 10 } })));
      // The first starts a batch at once; the ones sent while it runs go together in the next.
      expect(store.appends).toBe(2);
      expect(results.map((r) => r.revision)).toEqual([0, 1, 2, 3]);
      expect((await store.readStream(BOARD)).map((e) => (e.data as Counted['data']).by)).toEqual([10, 10, 10, 10]);
    });

    it('refuses one command of a batch alone: the others are appended, the refused one appends nothing', async () => {
      const store = new Store();
      const cache = cacheOf();
      const [first, refused, third] = await Promise.allSettled([
        write(store, { cache, command: { counter: 'a', by: 1 } }),
        write(store, { cache, command: { counter: 'b', by: -1 } }),
        write(store, { cache, command: { counter: 'c', by: 1 } }),
      ]);
      expect(first).toMatchObject({ status: 'fulfilled', value: { revision: 0 } });
      expect(refused).toMatchObject({ status: 'rejected', reason: expect.any(RuleViolated) });
      expect(third).toMatchObject({ status: 'fulfilled', value: { revision: 1 } });
      expect((await store.readStream(BOARD)).map((e) => (e.data as Counted['data']).counter)).toEqual(['a', 'c']);
    });

    it('answers a repeated key from the cache, and checks If-Match per resource', async () => {
      const store = new Store();
      const cache = cacheOf();
      const first = await write(store, { cache, context: context({ idempotencyKey: 'k-1' }) });
      await write(store, { cache, command: { counter: 'b', by: 1 } });
      expect(await write(store, { cache, context: context({ idempotencyKey: 'k-1' }) })).toEqual({ ...first, replayed: true });
      expect(await write(store, { cache, ifMatch: 0, resource: 'a' })).toMatchObject({ revision: 2 });
      await expect(write(store, { cache, ifMatch: 0, resource: 'a' })).rejects.toBeInstanceOf(StaleRevision);
    });

    it('decides a batch again after a wait when another process appended in between, preparing each command once', async () => {
      const store = new Store();
      const cache = cacheOf();
      await write(store, { cache });
      const { waits, retry } = recordingWaits();
      const prepare = jest.fn(async () => undefined);
      store.beforeNextAppend = () => store.other(BOARD);
      const results = await Promise.all([0, 1].map(() => write(store, { cache, retry, prepare, command: { counter: 'a', by: 1 } })));
      expect(prepare).toHaveBeenCalledTimes(2);
      expect(waits).toHaveLength(1);
      expect(results.map((r) => r.revision).sort()).toEqual([2, 3]);
      expect((await store.readStream(BOARD)).map((e) => (e.data as Counted['data']).by)).toEqual([1, 5, 1, 1]);
    });

    it('does not batch writes that span streams', async () => {
      const store = new Store();
      await expect(write(store, { cache: cacheOf(), readOthers: async () => undefined })).rejects.toThrow(/cannot be batched/);
      await expect(write(store, { cache: cacheOf(), companions: () => undefined })).rejects.toThrow(/cannot be batched/);
    });
  });
});
