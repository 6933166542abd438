import { NewEvent, RecordedEvent } from '@app/kernel';

/**
 * What the writer believes about the stream it appends to:
 * - `'no_stream'`: the stream must not exist yet;
 * - `'any'`: no check;
 * - a number: the revision of the stream's last event (0-based) must be exactly this.
 */
export type ExpectedRevision = 'no_stream' | 'any' | number;

/** Revision of a stream that has no events. */
export const NO_STREAM_REVISION = -1;

export interface AppendOptions {
  expectedRevision: ExpectedRevision;
}

export interface AppendResult {
  /** Revision of the last event now in the stream. */
  nextRevision: number;
  /** Global position of the last appended event. */
  position: number;
}

/** One stream's part of a multi-stream append. */
export interface StreamAppend {
  streamId: string;
  events: NewEvent[];
  expectedRevision: ExpectedRevision;
}

export interface ReadStreamOptions {
  direction?: 'forwards' | 'backwards';
  /** Revision to start at (inclusive); defaults to the start (forwards) or the end (backwards). */
  fromRevision?: number;
  maxCount?: number;
}

export interface ReadAllOptions {
  /** Read events whose position is strictly greater than this; 0 reads from the start. */
  after?: number;
  maxCount: number;
}

export interface FollowOptions {
  /** Deliver events whose position is strictly greater than this (a checkpoint). */
  after: number;
  /** Stops the follow; the iterator then ends. */
  signal?: AbortSignal;
}

/**
 * The event store: the only source of truth. Every adapter passes the same contract suite
 * (`event-store.contract.ts`).
 */
export interface EventStore {
  /**
   * Appends atomically. Acknowledges only after the events are durable. A stale expected
   * revision throws {@link WrongExpectedRevision} and leaves the stream untouched. Re-appending
   * events whose ids are already the stream's events at those places is a no-op that returns
   * the original result (idempotent retry).
   */
  append(streamId: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult>;

  /**
   * Appends to several streams (each stream at most once in the list) with each stream's own
   * expected revision. Where {@link EventStore.atomicMultiStreamAppend} is true, all appends
   * commit together or none does (a stale revision on any stream throws
   * {@link WrongExpectedRevision} and writes nothing). Otherwise streams are appended in order,
   * each atomically and idempotently (same event ids), so a retry after a failure completes the
   * rest. Results come in the order of the appends.
   */
  appendMany(appends: StreamAppend[]): Promise<AppendResult[]>;

  /** Whether {@link EventStore.appendMany} is all-or-nothing across streams. */
  readonly atomicMultiStreamAppend: boolean;

  /** Reads one stream; a stream that does not exist reads as empty. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;

  /** Revision of the stream's last event, or {@link NO_STREAM_REVISION}. */
  streamRevision(streamId: string): Promise<number>;

  /** One batch of the global log, oldest first, without the store's own system events. */
  readAll(options: ReadAllOptions): Promise<RecordedEvent[]>;

  /** Position of the newest event in the global log (0 when empty). */
  headPosition(): Promise<number>;

  /**
   * Follows the global log live: first everything after the checkpoint, then each new event
   * as it is appended, until the signal aborts.
   */
  follow(options: FollowOptions): AsyncIterable<RecordedEvent>;

  /** A short description for health checks; throws when the store cannot be reached. */
  ping(): Promise<{ kind: string; head: number }>;

  close(): Promise<void>;
}

/** DI token for the EventStore port. */
export const EVENT_STORE = Symbol('EventStore');

/** The stream was not at the revision the writer expected; nothing was appended. */
export class WrongExpectedRevision extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    /** Revision the stream is actually at ({@link NO_STREAM_REVISION} when it does not exist). */
    readonly actual: number,
  ) {
    super(`stream ${streamId}: expected revision ${String(expected)}, actual ${actual}`);
    this.name = 'WrongExpectedRevision';
  }
}
