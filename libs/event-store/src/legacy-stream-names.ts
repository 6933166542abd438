import { NewEvent, RecordedEvent, legacyStreamName } from '@app/kernel';
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
} from './event-store.port';

export interface LegacyStreamNamesOptions {
  /** The old name of a stream named today (default: the kernel's table of stream categories). */
  legacyNameOf?: (streamId: string) => { name: string; firstEvent?: string } | undefined;
  /** How many streams' whereabouts to remember (default 100,000); a forgotten one is looked up again. */
  remember?: number;
}

/**
 * Finds the streams recorded before stream names had distinct categories (`institution-code-…`
 * and the like, see `STREAM_CATEGORIES`). A stream keeps the name it was first recorded under:
 * one that exists under its old name, and not under its new one, is read and appended to under
 * the old name for good; every other stream lives under its new name. So no stream is ever split
 * between two names, and nothing in the log is rewritten.
 *
 * Which name a stream lives under cannot change once looked up: nothing writes old names any
 * more (every process of an installation runs the same version), and a stream is never deleted.
 * The answer is therefore remembered; a stream costs one or two extra lookups the first time
 * this process meets it, none after. Callers see only the names they asked for, also in
 * {@link WrongExpectedRevision}; recorded events carry the name they were recorded under.
 */
export class LegacyStreamNames implements EventStore {
  private readonly legacyNameOf: (streamId: string) => { name: string; firstEvent?: string } | undefined;
  private readonly limit: number;
  /** Where each stream met so far lives: its name today, or its old name. */
  private readonly whereabouts = new Map<string, string>();

  constructor(
    private readonly inner: EventStore,
    options: LegacyStreamNamesOptions = {},
  ) {
    this.legacyNameOf = options.legacyNameOf ?? legacyStreamName;
    this.limit = options.remember ?? 100_000;
  }

  get atomicMultiStreamAppend(): boolean {
    return this.inner.atomicMultiStreamAppend;
  }

  async append(streamId: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult> {
    const stored = await this.storedName(streamId);
    try {
      return await this.inner.append(stored, events, options);
    } catch (error) {
      throw this.asAsked(error, new Map([[stored, streamId]]));
    }
  }

  async appendMany(appends: StreamAppend[]): Promise<AppendResult[]> {
    const stored = await Promise.all(appends.map((part) => this.storedName(part.streamId)));
    try {
      return await this.inner.appendMany(appends.map((part, i) => ({ ...part, streamId: stored[i] })));
    } catch (error) {
      throw this.asAsked(error, new Map(stored.map((name, i) => [name, appends[i].streamId])));
    }
  }

  async readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    const known = this.whereabouts.get(streamId);
    if (known !== undefined) return this.inner.readStream(known, options);
    // Most streams live under their name of today: one read answers, and settles it.
    const events = await this.inner.readStream(streamId, options);
    if (events.length > 0) {
      this.settle(streamId, streamId);
      return events;
    }
    const stored = await this.storedName(streamId);
    return stored === streamId ? events : this.inner.readStream(stored, options);
  }

  async streamRevision(streamId: string): Promise<number> {
    return this.inner.streamRevision(await this.storedName(streamId));
  }

  readAll(options: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.inner.readAll(options);
  }

  headPosition(): Promise<number> {
    return this.inner.headPosition();
  }

  follow(options: FollowOptions): AsyncIterable<RecordedEvent> {
    return this.inner.follow(options);
  }

  ping(): Promise<{ kind: string; head: number }> {
    return this.inner.ping();
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  /** The name the stream is stored under: its old one if it was recorded there (and not under today's), else today's. */
  private async storedName(streamId: string): Promise<string> {
    const known = this.whereabouts.get(streamId);
    if (known !== undefined) return known;
    const legacy = this.legacyNameOf(streamId);
    let stored = streamId;
    if (legacy && (await this.inner.streamRevision(streamId)) === NO_STREAM_REVISION && (await this.holds(legacy))) stored = legacy.name;
    this.settle(streamId, stored);
    return stored;
  }

  /** Whether the old name holds this kind of stream: it exists, and where the name is ambiguous, begins with the right event. */
  private async holds(legacy: { name: string; firstEvent?: string }): Promise<boolean> {
    if ((await this.inner.streamRevision(legacy.name)) === NO_STREAM_REVISION) return false;
    if (legacy.firstEvent === undefined) return true;
    const [first] = await this.inner.readStream(legacy.name, { maxCount: 1 });
    return first?.type === legacy.firstEvent;
  }

  private settle(streamId: string, stored: string): void {
    if (this.whereabouts.size >= this.limit) this.whereabouts.delete(this.whereabouts.keys().next().value as string);
    this.whereabouts.set(streamId, stored);
  }

  /** A refused append names the stream as the caller named it. */
  private asAsked(error: unknown, asked: Map<string, string>): unknown {
    if (!(error instanceof WrongExpectedRevision)) return error;
    const name = asked.get(error.streamId);
    return name === undefined || name === error.streamId ? error : new WrongExpectedRevision(name, error.expected, error.actual);
  }
}
