import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import {
  ANY,
  AppendExpectedRevision,
  END,
  EventData,
  EventStoreDBClient,
  NO_STREAM,
  Position,
  ReadPosition,
  START,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { eventStoreContract } from '../event-store.contract';
import { EventStoreDbEventStore } from './eventstoredb-event-store';

/**
 * The adapter's own logic — expected revisions, errors, paging `$all` around system records,
 * exclusive checkpoints, byte-offset positions — checked against an in-memory stand-in for the
 * parts of the gRPC client it uses. It mimics the server's documented behaviour; the real server
 * is exercised by `eventstoredb-event-store.spec.ts` when EVENTSTORE_URL is set.
 */

interface Stored {
  streamId: string;
  id: string;
  type: string;
  revision: bigint;
  data: unknown;
  metadata: unknown;
  isJson: true;
  created: Date;
  position: Position;
}

const at = (p: bigint): Position => ({ commit: p, prepare: p });

class SimulatedServer {
  readonly log: Stored[] = [];
  private readonly streams = new Map<string, Stored[]>();
  private next = 1_000n;
  private appends = 0;
  readonly appended = new EventEmitter();
  /** What subscriptions delivered, weakly: a test checks the adapter lets go of it. */
  readonly delivered: WeakRef<object>[] = [];
  /** Appends to these streams fail once: before the server writes, or after (the answer is lost). */
  private readonly faults = new Map<string, 'before-write' | 'after-write'>();

  constructor() {
    this.appended.setMaxListeners(0);
    this.record('$stats-127.0.0.1:2113', '$statsCollected', {});
  }

  /** Writes one record at the next log offset; records are a few hundred bytes long. */
  private record(streamId: string, type: string, data: unknown, metadata: unknown = {}, id: string = randomUUID()): Stored {
    const list = this.streams.get(streamId) ?? [];
    const event: Stored = {
      streamId,
      id,
      type,
      revision: BigInt(list.length),
      // Stored as JSON bytes, as the server does.
      data: JSON.parse(JSON.stringify(data)),
      metadata: JSON.parse(JSON.stringify(metadata)),
      isJson: true,
      created: new Date(),
      position: at(this.next),
    };
    this.next += BigInt(180 + Math.floor(Math.random() * 400));
    list.push(event);
    this.streams.set(streamId, list);
    this.log.push(event);
    return event;
  }

  /** Makes the next append to the stream fail as a dropped connection would. */
  failNextAppend(streamId: string, when: 'before-write' | 'after-write'): void {
    this.faults.set(streamId, when);
  }

  append(streamId: string, events: EventData[], expected: AppendExpectedRevision) {
    const fault = this.faults.get(streamId);
    this.faults.delete(streamId);
    if (fault === 'before-write') throw new Error(`connection lost before appending to ${streamId}`);
    const result = this.appendNow(streamId, events, expected);
    if (fault === 'after-write') throw new Error(`connection lost after appending to ${streamId}`);
    return result;
  }

  private appendNow(streamId: string, events: EventData[], expected: AppendExpectedRevision) {
    const list = this.streams.get(streamId) ?? [];
    const current = list.length === 0 ? NO_STREAM : BigInt(list.length - 1);
    const matches = expected === ANY || expected === current || (expected === 'stream_exists' && list.length > 0);
    if (!matches) {
      // Idempotency: the same events, at the places the expected revision implies.
      const from = expected === NO_STREAM ? 0 : typeof expected === 'bigint' ? Number(expected) + 1 : -1;
      const same = from >= 0 && events.every((e, i) => list[from + i]?.id === e.id);
      if (same && events.length > 0) {
        // An idempotent answer comes back without a position.
        return { success: true, nextExpectedRevision: BigInt(from + events.length - 1), position: undefined };
      }
      throw new WrongExpectedVersionError(undefined, { streamName: streamId, current, expected });
    }
    if (expected === ANY && events.length > 0) {
      const first = list.findIndex((e) => e.id === events[0].id);
      if (first >= 0 && events.every((e, i) => list[first + i]?.id === e.id)) {
        return { success: true, nextExpectedRevision: BigInt(first + events.length - 1), position: undefined };
      }
    }
    let last: Stored | undefined;
    for (const e of events) last = this.record(streamId, e.type, e.data, e.metadata, e.id);
    // System records interleave with ours in $all.
    if (++this.appends % 3 === 0) this.record('$$' + streamId, '$metadata', { $maxAge: 1 });
    if (this.appends % 4 === 0) this.record('$stats-127.0.0.1:2113', '$statsCollected', { n: this.appends });
    this.appended.emit('appended');
    return {
      success: true,
      nextExpectedRevision: BigInt((this.streams.get(streamId)?.length ?? 0) - 1),
      position: last?.position,
    };
  }

  stream(streamId: string): Stored[] | undefined {
    return this.streams.get(streamId);
  }
}

const asyncIterable = <T>(produce: () => T[]): AsyncIterable<T> => ({
  async *[Symbol.asyncIterator]() {
    await Promise.resolve();
    yield* produce();
  },
});

const simulatedClient = (server: SimulatedServer): EventStoreDBClient => {
  const client = {
    async appendToStream(streamId: string, events: EventData | EventData[], options: { expectedRevision?: AppendExpectedRevision } = {}) {
      await Promise.resolve();
      return server.append(streamId, Array.isArray(events) ? events : [events], options.expectedRevision ?? ANY);
    },

    readStream(
      streamId: string,
      options: { direction?: string; fromRevision?: typeof START | typeof END | bigint; maxCount?: number | bigint } = {},
    ) {
      return asyncIterable(() => {
        const list = server.stream(streamId);
        if (!list) throw new StreamNotFoundError(undefined, streamId);
        const max = Number(options.maxCount ?? Number.MAX_SAFE_INTEGER);
        const from = options.fromRevision ?? START;
        const picked =
          options.direction === 'backwards'
            ? [...list].reverse().filter((e) => from === END || from === START || e.revision <= from)
            : list.filter((e) => from === START || (from !== END && e.revision >= from));
        return picked.slice(0, max).map((event) => ({ event, commitPosition: event.position.commit }));
      });
    },

    readAll(options: { fromPosition?: ReadPosition; maxCount?: number | bigint; direction?: string } = {}) {
      return asyncIterable(() => {
        const max = Number(options.maxCount ?? Number.MAX_SAFE_INTEGER);
        const from = options.fromPosition ?? START;
        // Forwards from a position includes the record there; backwards reads the records before it.
        const picked =
          options.direction === 'backwards'
            ? [...server.log].reverse().filter((e) => from === END || (from !== START && e.position.commit < from.commit))
            : server.log.filter((e) => from === START || (from !== END && e.position.commit >= from.commit));
        return picked.slice(0, max).map((event) => ({ event, commitPosition: event.position.commit }));
      });
    },

    subscribeToAll(options: { fromPosition?: ReadPosition; filter?: { regex?: string } } = {}) {
      const from = options.fromPosition ?? START;
      const pattern = new RegExp(options.filter?.regex ?? '.*');
      let stopped = false;
      let wake: () => void = () => undefined;
      const onAppend = () => wake();
      server.appended.on('appended', onAppend);
      const stop = () => {
        stopped = true;
        server.appended.off('appended', onAppend);
        wake();
      };
      async function* events() {
        // A subscription from a position delivers what comes after it.
        let index = from === START ? 0 : server.log.findIndex((e) => from !== END && e.position.commit > from.commit);
        if (index < 0) index = server.log.length;
        while (!stopped) {
          while (index < server.log.length && !stopped) {
            const event = server.log[index++];
            if (!pattern.test(event.type)) continue;
            const resolved = { event, commitPosition: event.position.commit };
            server.delivered.push(new WeakRef(resolved));
            yield resolved;
          }
          if (stopped) return;
          await new Promise<void>((resolve) => (wake = resolve));
        }
      }
      const iterator = events();
      return {
        [Symbol.asyncIterator]: () => iterator,
        unsubscribe: async () => stop(),
        destroy: () => stop(),
      };
    },

    async dispose() {},
  };
  return client as unknown as EventStoreDBClient;
};

eventStoreContract('EventStoreDbEventStore (simulated server)', async () => {
  const server = new SimulatedServer();
  const open: EventStoreDbEventStore[] = [new EventStoreDbEventStore(simulatedClient(server))];
  return {
    store: open[0],
    reopen: async () => {
      await open[open.length - 1].close();
      open.push(new EventStoreDbEventStore(simulatedClient(server)));
      return open[open.length - 1];
    },
    cleanup: async () => {
      for (const store of open) await store.close();
    },
  };
});

describe('EventStoreDbEventStore (simulated server): positions', () => {
  it('reports $all commit positions, skips system records and pages past them', async () => {
    const server = new SimulatedServer();
    const store = new EventStoreDbEventStore(simulatedClient(server));
    for (let i = 0; i < 30; i++) {
      await store.append(`s-${i % 4}`, [{ id: randomUUID(), type: 'T', data: { i }, metadata: {} as never }], {
        expectedRevision: 'any',
      });
    }
    const ours = server.log.filter((e) => !e.type.startsWith('$'));
    expect(server.log.length).toBeGreaterThan(ours.length);

    const all = await store.readAll({ after: 0, maxCount: 1000 });
    expect(all.map((e) => e.position)).toEqual(ours.map((e) => Number(e.position.commit)));
    expect(await store.headPosition()).toBe(Number(ours[ours.length - 1].position.commit));

    const paged: number[] = [];
    let after = 0;
    for (;;) {
      const batch = await store.readAll({ after, maxCount: 1 });
      if (batch.length === 0) break;
      paged.push(batch[0].position);
      after = batch[0].position;
    }
    expect(paged).toEqual(all.map((e) => e.position));
    await store.close();
  });
});

describe('EventStoreDbEventStore (simulated server): appendMany', () => {
  const newEvent = (type: string) => ({
    id: randomUUID(),
    type,
    data: { type },
    metadata: { correlationId: randomUUID() } as never,
  });

  it.each(['before-write', 'after-write'] as const)(
    'is stream after stream, and repeating a call that failed part-way (%s) completes it',
    async (when) => {
      const server = new SimulatedServer();
      const store = new EventStoreDbEventStore(simulatedClient(server));
      expect(store.atomicMultiStreamAppend).toBe(false);
      await store.append('b', [newEvent('B0')], { expectedRevision: 'no_stream' });
      const appends = [
        { streamId: 'a', events: [newEvent('A0'), newEvent('A1')], expectedRevision: 'no_stream' as const },
        { streamId: 'b', events: [newEvent('B1')], expectedRevision: 0 },
        { streamId: 'c', events: [newEvent('C0')], expectedRevision: 'any' as const },
      ];
      const types = async () => Promise.all(['a', 'b', 'c'].map(async (s) => (await store.readStream(s)).map((e) => e.type)));

      server.failNextAppend('b', when);
      await expect(store.appendMany(appends)).rejects.toThrow(/connection lost/);
      // Not atomic: the streams before the failure are written, those after it are not.
      expect(await types()).toEqual([['A0', 'A1'], when === 'after-write' ? ['B0', 'B1'] : ['B0'], []]);

      const results = await store.appendMany(appends);
      expect(await types()).toEqual([['A0', 'A1'], ['B0', 'B1'], ['C0']]);
      expect(results.map((r) => r.nextRevision)).toEqual([1, 1, 0]);
      const last = await Promise.all(['a', 'b', 'c'].map(async (s) => (await store.readStream(s)).pop()?.position));
      expect(results.map((r) => r.position)).toEqual(last);

      // Once complete, a repetition is a no-op with the same answer.
      const logged = server.log.length;
      expect(await store.appendMany(appends)).toEqual(results);
      expect(server.log.length).toBe(logged);
      await store.close();
    },
  );

  it('refuses bad input in any part before writing the first stream', async () => {
    const server = new SimulatedServer();
    const store = new EventStoreDbEventStore(simulatedClient(server));
    const logged = server.log.length;
    await expect(
      store.appendMany([
        { streamId: 'a', events: [newEvent('A0')], expectedRevision: 'no_stream' },
        { streamId: 'b', events: [newEvent('B0')], expectedRevision: -7 },
      ]),
    ).rejects.toBeInstanceOf(RangeError);
    await expect(
      store.appendMany([
        { streamId: 'a', events: [newEvent('A0')], expectedRevision: 'no_stream' },
        { streamId: 'a', events: [newEvent('A1')], expectedRevision: 0 },
      ]),
    ).rejects.toBeInstanceOf(RangeError);
    expect(server.log.length).toBe(logged);
    await store.close();
  });
});

describe('EventStoreDbEventStore (simulated server): follow', () => {
  it('keeps nothing of the events it has delivered while it goes on following', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const server = new SimulatedServer();
    const store = new EventStoreDbEventStore(simulatedClient(server));
    const controller = new AbortController();
    const total = 2_000;
    const follow = store.follow({ after: 0, signal: controller.signal })[Symbol.asyncIterator]();
    for (let i = 0; i < total; i++) {
      await store.append(`s-${i % 10}`, [{ id: randomUUID(), type: 'T', data: { i }, metadata: {} as never }], { expectedRevision: 'any' });
      const next = await follow.next();
      expect(next.done).toBe(false);
    }
    // Still following: whatever the follow holds on to is reachable now.
    for (let i = 0; i < 3; i++) {
      gc();
      await new Promise((resolve) => setImmediate(resolve));
    }
    const alive = server.delivered.filter((ref) => ref.deref() !== undefined).length;
    expect(server.delivered.length).toBe(total);
    expect(alive).toBeLessThan(10);
    controller.abort();
    await follow.return(undefined);
    await store.close();
  });
});
