import { NewEvent, RecordedEvent } from '@app/kernel';
import {
  AppendOptions,
  AppendResult,
  EventStore,
  FollowOptions,
  NO_STREAM_REVISION,
  ReadAllOptions,
  ReadStreamOptions,
  StreamAppend,
  WrongExpectedRevision,
} from '@app/event-store/event-store.port';

/** An event store in memory, for tests of what reads the log (projection runners). */
export class InMemoryEventStore implements EventStore {
  private readonly log: RecordedEvent[] = [];
  private readonly streams = new Map<string, RecordedEvent[]>();
  private waiters: (() => void)[] = [];
  private closed = false;

  /** Multi-stream appends check every stream first, then write them all. */
  readonly atomicMultiStreamAppend = true;

  async append(streamId: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult> {
    this.assertOpen();
    this.check({ streamId, events, expectedRevision: options.expectedRevision });
    const result = this.write(streamId, events.map((e) => structuredClone(e)));
    this.wake();
    return result;
  }

  async appendMany(appends: StreamAppend[]): Promise<AppendResult[]> {
    this.assertOpen();
    const streams = new Set<string>();
    for (const append of appends) {
      if (streams.has(append.streamId)) throw new Error(`stream ${append.streamId} appears twice in one appendMany`);
      streams.add(append.streamId);
    }
    for (const append of appends) this.check(append);
    // Copied before anything is written, so a copy that fails leaves every stream as it was.
    const copies = appends.map((append) => append.events.map((e) => structuredClone(e)));
    const results = appends.map((append, i) => this.write(append.streamId, copies[i]));
    if (results.length > 0) this.wake();
    return results;
  }

  /** Throws {@link WrongExpectedRevision} when the stream is not where the writer expects it. */
  private check({ streamId, expectedRevision: expected }: StreamAppend): void {
    const stream = this.streams.get(streamId) ?? [];
    const actual = stream.length - 1;
    const ok = expected === 'any' || (expected === 'no_stream' ? stream.length === 0 : expected === actual);
    if (!ok) throw new WrongExpectedRevision(streamId, expected, stream.length ? actual : NO_STREAM_REVISION);
  }

  /** Writes events already copied (the caller's objects are never stored). */
  private write(streamId: string, events: NewEvent[]): AppendResult {
    const stream = this.streams.get(streamId) ?? [];
    for (const event of events) {
      const recorded: RecordedEvent = {
        ...event,
        streamId,
        revision: stream.length,
        position: this.log.length + 1,
      };
      stream.push(recorded);
      this.log.push(recorded);
    }
    this.streams.set(streamId, stream);
    return { nextRevision: stream.length - 1, position: stream.length ? stream[stream.length - 1].position : 0 };
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const stream = this.streams.get(streamId) ?? [];
    const limit = options.maxCount ?? Infinity;
    if (options.direction === 'backwards') {
      const from = options.fromRevision ?? stream.length - 1;
      return stream.filter((e) => e.revision <= from).reverse().slice(0, limit).map(copy);
    }
    return stream.filter((e) => e.revision >= (options.fromRevision ?? 0)).slice(0, limit).map(copy);
  }

  async streamRevision(streamId: string): Promise<number> {
    return (this.streams.get(streamId)?.length ?? 0) - 1;
  }

  async readAll(options: ReadAllOptions): Promise<RecordedEvent[]> {
    this.assertOpen();
    return this.log.slice(options.after ?? 0, (options.after ?? 0) + options.maxCount).map(copy);
  }

  async headPosition(): Promise<number> {
    return this.log.length;
  }

  async *follow(options: FollowOptions): AsyncGenerator<RecordedEvent> {
    const { signal } = options;
    let position = options.after;
    while (!signal?.aborted && !this.closed) {
      if (position < this.log.length) {
        const event = copy(this.log[position]);
        position = event.position;
        yield event;
        continue;
      }
      await new Promise<void>((resolve) => {
        const done = (): void => {
          signal?.removeEventListener('abort', done);
          // An aborted wait leaves the list too, or every stopped follower would stay in it.
          this.waiters = this.waiters.filter((waiter) => waiter !== done);
          resolve();
        };
        this.waiters.push(done);
        signal?.addEventListener('abort', done, { once: true });
      });
    }
  }

  async ping(): Promise<{ kind: string; head: number }> {
    this.assertOpen();
    return { kind: 'in-memory', head: this.log.length };
  }

  async close(): Promise<void> {
    this.closed = true;
    this.wake();
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const waiter of waiters) waiter();
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('the event store is closed');
  }
}

const copy = (event: RecordedEvent): RecordedEvent => structuredClone(event);
