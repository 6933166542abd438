import {
  AllStreamResolvedEvent,
  AppendExpectedRevision,
  BACKWARDS,
  END,
  ErrorType,
  EventStoreDBClient,
  FORWARDS,
  JSONType,
  NO_STREAM,
  ANY,
  Position,
  ReadPosition,
  ResolvedEvent,
  START,
  excludeSystemEvents,
  jsonEvent,
} from '@eventstore/db-client';
import { ABORTED, EventMetadata, NewEvent, RecordedEvent, TIMED_OUT, raceAbort } from '@app/kernel';
import {
  AppendOptions,
  AppendResult,
  EventStore,
  ExpectedRevision,
  FollowOptions,
  NO_STREAM_REVISION,
  ReadAllOptions,
  ReadStreamOptions,
  StreamAppend,
  WrongExpectedRevision,
} from '../event-store.port';

export interface EventStoreDbOptions {
  /**
   * Connection string, e.g. `esdb://admin:changeit@localhost:2113?tls=false`. Reading `$all`
   * needs a user allowed to (an admin, or a server running insecure).
   */
  url: string;
}

/** The store's own records (system events, links, metadata) carry a `$` type or stream. */
const isSystem = (streamId: string, type: string): boolean => type.startsWith('$') || streamId.startsWith('$');

/**
 * A `$all` position as our single number: the commit position.
 *
 * Why one number is enough, and safe:
 * - the commit position is a byte offset in the server's transaction log, so it stays far
 *   below 2^53 (9 PB of log) and `Number()` is exact;
 * - every append through the gRPC API is an implicit transaction whose events are written as
 *   self-committing records, and the server reports each such event at
 *   `{ commit: its own log position, prepare: its own log position }`: commit positions are
 *   distinct and strictly increasing along `$all`, and `{ commit: p, prepare: p }` is a valid
 *   place to resume from. (Explicit multi-request transactions, a legacy TCP-only feature, are
 *   not used by this application.)
 */
const toPosition = (position: Position): number => Number(position.commit);

/** Positions the server leaves unset come back as 0 or as 2^64 - 1; both mean "not known". */
const knownPosition = (position: Position | undefined): number => {
  if (!position || position.commit <= 0n || position.commit > BigInt(Number.MAX_SAFE_INTEGER)) return 0;
  return toPosition(position);
};

const fromPosition = (position: number): Position => ({ commit: BigInt(position), prepare: BigInt(position) });

const toExpected = (expected: ExpectedRevision): AppendExpectedRevision => {
  if (expected === 'any') return ANY;
  if (expected === 'no_stream' || expected === NO_STREAM_REVISION) return NO_STREAM;
  if (!Number.isSafeInteger(expected) || expected < 0) throw new RangeError(`not an expected revision: ${String(expected)}`);
  return BigInt(expected);
};

interface EsdbRecorded {
  streamId: string;
  id: string;
  type: string;
  revision: bigint;
  data: unknown;
  metadata: unknown;
  position?: Position;
}

const toRecorded = (event: EsdbRecorded, position: number): RecordedEvent => ({
  id: event.id,
  type: event.type,
  data: event.data instanceof Uint8Array ? Buffer.from(event.data).toString('utf8') : event.data,
  metadata: (event.metadata ?? {}) as EventMetadata,
  streamId: event.streamId,
  // A stream revision is a 63-bit count of a stream's events: exact as a number far past any real stream.
  revision: Number(event.revision),
  position,
});

const isStreamNotFound = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { type?: unknown }).type === ErrorType.STREAM_NOT_FOUND;

const isWrongExpectedVersion = (
  error: unknown,
): error is { type: ErrorType.WRONG_EXPECTED_VERSION; actualVersion: bigint | string } =>
  typeof error === 'object' &&
  error !== null &&
  (error as { type?: unknown }).type === ErrorType.WRONG_EXPECTED_VERSION;

const ALL_PAGE_MAX = 4096;

/**
 * The event store over EventStoreDB (gRPC client 6.x). Concurrency checks and idempotent retries
 * are the server's own: our event ids become ESDB event ids, so re-appending the same events with
 * the same expected revision is a no-op there too. Unlike the embedded store, the server does not
 * refuse an event id already used in another stream. Global positions are `$all` commit
 * positions (see {@link toPosition}): strictly increasing, not gapless.
 */
export class EventStoreDbEventStore implements EventStore {
  private closed = false;

  /**
   * The server commits one stream per request: `appendMany` appends stream after stream, each
   * atomically and idempotently, so repeating it after a failure completes what is missing.
   */
  readonly atomicMultiStreamAppend = false;

  constructor(private readonly client: EventStoreDBClient) {}

  static async open(options: EventStoreDbOptions): Promise<EventStoreDbEventStore> {
    return new EventStoreDbEventStore(EventStoreDBClient.connectionString(options.url));
  }

  /** Same as {@link open}, given just the connection string. */
  static connect(url: string): Promise<EventStoreDbEventStore> {
    return EventStoreDbEventStore.open({ url });
  }

  async append(streamId: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult> {
    const expectedRevision = toExpected(options.expectedRevision);
    if (events.length === 0) return this.emptyAppend(streamId, options.expectedRevision);
    let result;
    try {
      result = await this.client.appendToStream(
        streamId,
        events.map((e) =>
          jsonEvent({
            id: e.id,
            type: e.type,
            data: (e.data ?? null) as JSONType,
            // The client's JSONType has an index signature our metadata interface does not declare; it is plain JSON.
            metadata: e.metadata as unknown as JSONType,
          }),
        ),
        { expectedRevision },
      );
    } catch (error) {
      if (isWrongExpectedVersion(error)) {
        const actual = typeof error.actualVersion === 'bigint' ? Number(error.actualVersion) : NO_STREAM_REVISION;
        throw new WrongExpectedRevision(streamId, options.expectedRevision, actual);
      }
      throw error;
    }
    if (!result.success) {
      // A client built with `throwOnAppendFailure=false` answers a stale revision this way.
      throw new WrongExpectedRevision(streamId, options.expectedRevision, await this.streamRevision(streamId));
    }
    const nextRevision = Number(result.nextExpectedRevision);
    // The server answers with the position of the append's last event; an idempotent retry may
    // come back without one, so it is then read from the stream.
    const known = knownPosition(result.position);
    const position = known > 0 ? known : await this.positionOf(streamId, nextRevision);
    return { nextRevision, position };
  }

  /**
   * Not atomic across streams: EventStoreDB commits one stream per append request, so the
   * streams are appended one after another, in the given order, each with its own expected
   * revision (each stream's append is atomic). A failure part-way (a lost connection, a timeout,
   * a refused revision) leaves the streams before it written and the rest not.
   *
   * Retrying the whole call completes it: the event ids are the caller's and become the server's
   * event ids, and the server answers a re-append of the same ids at the places the expected
   * revision names as a success without writing (its idempotency check), so the streams already
   * written are passed over with their original results and the others are written. That check is
   * exact with a numeric revision or `no_stream`; with `any` the server recognises a retry only
   * from its cache of recent event ids. A stale revision on a later stream stays stale on retry:
   * the caller decides again from the streams as they now are. Invariants that must hold across
   * streams therefore cannot rely on this method here; okrug keeps each such invariant in one
   * stream.
   */
  async appendMany(appends: StreamAppend[]): Promise<AppendResult[]> {
    if (!Array.isArray(appends)) throw new RangeError('appends must be an array');
    const streams = new Set<string>();
    for (const a of appends) {
      if (streams.has(a.streamId)) throw new RangeError(`stream ${a.streamId} appears twice in one appendMany`);
      streams.add(a.streamId);
      // Bad input in any part is refused before the first stream is written.
      toExpected(a.expectedRevision);
      if (!Array.isArray(a.events)) throw new RangeError('events must be an array');
    }
    const results: AppendResult[] = [];
    for (const a of appends) {
      results.push(await this.append(a.streamId, a.events, { expectedRevision: a.expectedRevision }));
    }
    return results;
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const backwards = options.direction === 'backwards';
    if (options.maxCount === 0) return [];
    const out: RecordedEvent[] = [];
    try {
      const read = this.client.readStream(streamId, {
        direction: backwards ? BACKWARDS : FORWARDS,
        fromRevision: options.fromRevision !== undefined ? BigInt(options.fromRevision) : backwards ? END : START,
        maxCount: options.maxCount ?? Number.MAX_SAFE_INTEGER,
      });
      for await (const resolved of read as AsyncIterable<ResolvedEvent>) {
        const event = resolved.event;
        if (!event) continue;
        out.push(toRecorded(event as EsdbRecorded, this.positionFromResolved(resolved)));
      }
    } catch (error) {
      if (isStreamNotFound(error)) return [];
      throw error;
    }
    return out;
  }

  async streamRevision(streamId: string): Promise<number> {
    const last = await this.readStream(streamId, { direction: 'backwards', maxCount: 1 });
    return last.length > 0 ? last[0].revision : NO_STREAM_REVISION;
  }

  async readAll(options: ReadAllOptions): Promise<RecordedEvent[]> {
    const out: RecordedEvent[] = [];
    if (options.maxCount <= 0) return out;
    // `fromPosition` is inclusive on the server; `after` is exclusive here.
    let floor = options.after ?? 0;
    let from: ReadPosition = floor > 0 ? fromPosition(floor) : START;
    for (;;) {
      const want = Math.min(options.maxCount - out.length + 1, ALL_PAGE_MAX);
      let read = 0;
      let last: Position | undefined;
      for await (const resolved of this.client.readAll({ fromPosition: from, maxCount: want, direction: FORWARDS })) {
        read++;
        const event = (resolved as AllStreamResolvedEvent).event;
        if (!event) continue;
        last = event.position;
        const position = toPosition(event.position);
        if (position <= floor || isSystem(event.streamId, event.type)) continue;
        if (out.length < options.maxCount) out.push(toRecorded(event as EsdbRecorded, position));
      }
      if (read < want || out.length >= options.maxCount || !last) return out;
      from = last;
      floor = Math.max(floor, toPosition(last));
    }
  }

  async headPosition(): Promise<number> {
    let from: ReadPosition = END;
    for (;;) {
      let read = 0;
      let last: Position | undefined;
      for await (const resolved of this.client.readAll({ fromPosition: from, maxCount: 64, direction: BACKWARDS })) {
        read++;
        const event = (resolved as AllStreamResolvedEvent).event;
        if (!event) continue;
        if (!isSystem(event.streamId, event.type)) return toPosition(event.position);
        last = event.position;
      }
      if (read < 64 || !last) return 0;
      // Go on from the oldest record of the page (a system record: reading it again is harmless).
      from = last;
    }
  }

  async *follow(options: FollowOptions): AsyncGenerator<RecordedEvent> {
    const { signal } = options;
    if (signal?.aborted) return;
    // A catch-up subscription from a position delivers the events after it.
    const subscription = this.client.subscribeToAll({
      fromPosition: options.after > 0 ? fromPosition(options.after) : START,
      filter: excludeSystemEvents(),
    });
    const iterator = subscription[Symbol.asyncIterator]();
    try {
      for (;;) {
        // Attached to the signal for this one wait only: racing every event against one
        // long-lived abort promise would keep each event reachable from it (see raceAbort).
        const next = signal ? await raceAbort(iterator.next(), signal) : await iterator.next();
        if (next === ABORTED || next === TIMED_OUT || next.done) return;
        const event = next.value.event;
        if (!event || isSystem(event.streamId, event.type)) continue;
        const position = toPosition(event.position);
        if (position <= options.after) continue;
        yield toRecorded(event as EsdbRecorded, position);
      }
    } finally {
      await subscription.unsubscribe().catch(() => undefined);
      subscription.destroy();
    }
  }

  async ping(): Promise<{ kind: string; head: number }> {
    return { kind: 'eventstoredb', head: await this.headPosition() };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.client.dispose();
  }

  /** An empty append writes nothing; it still checks the expected revision. */
  private async emptyAppend(streamId: string, expected: ExpectedRevision): Promise<AppendResult> {
    const last = await this.readStream(streamId, { direction: 'backwards', maxCount: 1 });
    const current = last.length > 0 ? last[0].revision : NO_STREAM_REVISION;
    const refused =
      expected === 'no_stream' ? current !== NO_STREAM_REVISION : expected !== 'any' && expected !== current;
    if (refused) throw new WrongExpectedRevision(streamId, expected, current);
    return { nextRevision: current, position: last.length > 0 ? last[0].position : 0 };
  }

  /** Global position of the event at `revision` of a stream (0 when the server does not say). */
  private async positionOf(streamId: string, revision: number): Promise<number> {
    const [event] = await this.readStream(streamId, { fromRevision: revision, maxCount: 1 });
    return event?.position ?? 0;
  }

  /**
   * Stream reads carry the event's `$all` position on servers from 22.6 on; older servers leave
   * it out, and the position then reads as 0.
   */
  private positionFromResolved(resolved: ResolvedEvent): number {
    const fromEvent = knownPosition(resolved.event?.position);
    if (fromEvent > 0) return fromEvent;
    const commit = resolved.commitPosition;
    return commit !== undefined ? knownPosition({ commit, prepare: commit }) : 0;
  }
}
