import { NewEvent, RecordedEvent } from '@app/kernel';
import {
  AppendOptions,
  AppendResult,
  EventStore,
  FollowOptions,
  NO_STREAM_REVISION,
  ReadAllOptions,
  ReadStreamOptions,
  WrongExpectedRevision,
} from '@app/event-store/event-store.port';

/** An event store in memory, for tests of what reads the log (projection runners). */
export class InMemoryEventStore implements EventStore {
  private readonly log: RecordedEvent[] = [];
  private readonly streams = new Map<string, RecordedEvent[]>();
  private waiters: (() => void)[] = [];
  private closed = false;

  async append(streamId: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult> {
    this.assertOpen();
    const stream = this.streams.get(streamId) ?? [];
    const actual = stream.length - 1;
    const expected = options.expectedRevision;
    const ok = expected === 'any' || (expected === 'no_stream' ? stream.length === 0 : expected === actual);
    if (!ok) throw new WrongExpectedRevision(streamId, expected, stream.length ? actual : NO_STREAM_REVISION);
    for (const event of events) {
      const recorded: RecordedEvent = {
        ...structuredClone(event),
        streamId,
        revision: stream.length,
        position: this.log.length + 1,
      };
      stream.push(recorded);
      this.log.push(recorded);
    }
    this.streams.set(streamId, stream);
    this.wake();
    return { nextRevision: stream.length - 1, position: this.log.length };
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
