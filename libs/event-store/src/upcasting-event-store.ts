import { NewEvent, RecordedEvent, UpcasterRegistry } from '@app/kernel';
import { AppendOptions, AppendResult, EventStore, FollowOptions, ReadAllOptions, ReadStreamOptions, StreamAppend } from './event-store.port';

/**
 * The event store as the modules read and write it: every event read (a stream, a batch of the
 * global log, the live follow) comes out upcast to its type's schema version of today, and
 * every event appended is stamped with that version. It is the one place upcasters apply: the
 * write path's folds, the key guard, the importer and every projection read through it, so
 * none of them ever meets an older shape.
 */
export const upcastingEventStore = (store: EventStore, upcasters: UpcasterRegistry): EventStore => new UpcastingEventStore(store, upcasters);

class UpcastingEventStore implements EventStore {
  constructor(
    private readonly store: EventStore,
    private readonly upcasters: UpcasterRegistry,
  ) {}

  get atomicMultiStreamAppend(): boolean {
    return this.store.atomicMultiStreamAppend;
  }

  append(streamId: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult> {
    return this.store.append(streamId, this.stamped(events), options);
  }

  appendMany(appends: StreamAppend[]): Promise<AppendResult[]> {
    return this.store.appendMany(appends.map((append) => ({ ...append, events: this.stamped(append.events) })));
  }

  async readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.upcast(await this.store.readStream(streamId, options));
  }

  streamRevision(streamId: string): Promise<number> {
    return this.store.streamRevision(streamId);
  }

  async readAll(options: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.upcast(await this.store.readAll(options));
  }

  headPosition(): Promise<number> {
    return this.store.headPosition();
  }

  follow(options: FollowOptions): AsyncIterable<RecordedEvent> {
    const events = this.store.follow(options);
    const upcasters = this.upcasters;
    // An iterator over the store's, not a generator: `return` reaches the store's follow at once,
    // as the runner expects when it stops, instead of waiting behind a pending `next`.
    return {
      [Symbol.asyncIterator]: (): AsyncIterator<RecordedEvent> => {
        const iterator = events[Symbol.asyncIterator]();
        return {
          next: async () => {
            const result = await iterator.next();
            return result.done ? result : { done: false, value: upcasters.upcast(result.value) };
          },
          return: async (value?: unknown) => (iterator.return ? iterator.return(value) : { done: true, value: undefined }),
        };
      },
    };
  }

  ping(): Promise<{ kind: string; head: number }> {
    return this.store.ping();
  }

  close(): Promise<void> {
    return this.store.close();
  }

  private stamped(events: NewEvent[]): NewEvent[] {
    return events.map((event) => this.upcasters.stamp(event));
  }

  private upcast(events: RecordedEvent[]): RecordedEvent[] {
    return events.map((event) => this.upcasters.upcast(event));
  }
}
