import { EventEmitter } from 'node:events';
import { realpathSync } from 'node:fs';
import Database from 'better-sqlite3';
import { NewEvent, RecordedEvent } from '@app/kernel';
import {
  AppendOptions,
  AppendResult,
  StreamAppend,
  EventStore,
  ExpectedRevision,
  FollowOptions,
  NO_STREAM_REVISION,
  ReadAllOptions,
  ReadStreamOptions,
  WrongExpectedRevision,
} from '../event-store.port';
import { DuplicateEventId } from '../errors';
import { preparePrivateDatabaseFile } from './private-database-file';
import { FOREGROUND_CHECKPOINT_PAGES, acquireWalCheckpointer } from './wal-checkpointer';

export interface SqliteEventStoreOptions {
  /** Database file; its directory is created when missing. */
  file: string;
  /** How long to wait for a lock another connection holds, in ms (default 10 s). */
  busyTimeoutMs?: number;
  /** How often `follow` looks for events appended by other connections, in ms (default 250). */
  pollIntervalMs?: number;
  /** Most appends committed in one transaction (default 500). */
  maxAppendsPerCommit?: number;
  /** Appends stop joining a transaction once it holds this many events (default 5,000). */
  maxEventsPerCommit?: number;
  /**
   * Whether the WAL is checkpointed on a thread of its own rather than by the commits on the
   * event loop (default true; see `wal-checkpointer.ts`).
   */
  backgroundCheckpoints?: boolean;
}

/** Counters of the group commit, for tests and benchmarks. */
export interface SqliteEventStoreStats {
  /** Transactions committed (each durable on COMMIT). */
  transactions: number;
  /** Appends acknowledged, idempotent retries included. */
  appends: number;
  /** Events written. */
  events: number;
}

/** One row as stored: position, stream_id, revision, event_id, type, data, metadata. */
type Row = [number, string, number, string, string, string, string];

/** An event already serialised for its row: id, type, data JSON, metadata JSON. */
type PreparedEvent = [string, string, string, string];

/** One stream's part of a write, checked and serialised. */
interface PreparedAppend {
  streamId: string;
  expected: ExpectedRevision;
  events: PreparedEvent[];
}

/** A queued write: one append, or the parts of an `appendMany` that commit together. */
interface PendingWrite {
  parts: PreparedAppend[];
  /** Answers with one result per part (`appendMany`) rather than a single one. */
  many: boolean;
  resolve: (result: AppendResult | AppendResult[]) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; results: AppendResult[] } | { ok: false; error: unknown };

const SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  position  INTEGER PRIMARY KEY,
  stream_id TEXT    NOT NULL,
  revision  INTEGER NOT NULL,
  event_id  TEXT    NOT NULL UNIQUE,
  type      TEXT    NOT NULL,
  data      TEXT    NOT NULL,
  metadata  TEXT    NOT NULL,
  UNIQUE (stream_id, revision)
);
CREATE TABLE IF NOT EXISTS streams (
  stream_id TEXT    PRIMARY KEY,
  revision  INTEGER NOT NULL
) WITHOUT ROWID;
`;

const COLUMNS = 'position, stream_id, revision, event_id, type, data, metadata';

const FOLLOW_BATCH = 500;

/**
 * Commits on one file announced to every store of this process open on it, so their followers
 * wake at once; other processes are noticed by polling.
 */
interface FileChannel {
  readonly emitter: EventEmitter;
  /** Incremented on every commit that wrote events, so a follower never misses a wake-up. */
  seq: number;
  users: number;
}

const channels = new Map<string, FileChannel>();

const joinChannel = (key: string): FileChannel => {
  let channel = channels.get(key);
  if (!channel) {
    channel = { emitter: new EventEmitter(), seq: 0, users: 0 };
    channel.emitter.setMaxListeners(0);
    channels.set(key, channel);
  }
  channel.users++;
  return channel;
};

const leaveChannel = (key: string, channel: FileChannel): void => {
  if (--channel.users === 0 && channels.get(key) === channel) channels.delete(key);
};

let memoryFiles = 0;

const toRecorded = (row: Row): RecordedEvent => ({
  id: row[3],
  type: row[4],
  data: JSON.parse(row[5]),
  metadata: JSON.parse(row[6]),
  streamId: row[1],
  revision: row[2],
  position: row[0],
});

const checkExpected = (expected: ExpectedRevision): void => {
  if (expected === 'any' || expected === 'no_stream') return;
  if (typeof expected !== 'number' || !Number.isSafeInteger(expected) || expected < NO_STREAM_REVISION) {
    throw new RangeError(`not an expected revision: ${String(expected)}`);
  }
};

/** Thrown inside a group when its transaction cannot go on: the whole group is rolled back. */
class GroupLost extends Error {
  constructor(readonly reason: unknown) {
    super('the group commit was abandoned');
  }
}

/** Checks an append's input and serialises its events, outside the write transaction. */
const prepare = (append: StreamAppend): PreparedAppend => {
  const { streamId, events, expectedRevision } = append ?? ({} as StreamAppend);
  if (typeof streamId !== 'string' || streamId.length === 0) throw new RangeError('a stream id is required');
  if (!Array.isArray(events)) throw new RangeError('events must be an array');
  checkExpected(expectedRevision);
  return {
    streamId,
    expected: expectedRevision,
    events: events.map((e): PreparedEvent => {
      if (typeof e?.id !== 'string' || e.id.length === 0) throw new RangeError('every event needs an id');
      if (typeof e.type !== 'string' || e.type.length === 0) throw new RangeError('every event needs a type');
      return [e.id, e.type, JSON.stringify(e.data ?? null), JSON.stringify(e.metadata ?? {})];
    }),
  };
};

/**
 * Not `instanceof Error`: the native binding keeps the error class of the first context that
 * loaded it, so in another context (a second Jest test file, a vm) its errors are not `Error`s there.
 */
const isUniqueViolation = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE';

/**
 * The embedded event store: one SQLite file in WAL mode with `synchronous=FULL`, so an append is
 * acknowledged only once its COMMIT is on disk.
 *
 * Appends are group-committed: every append that arrives while the event loop is busy joins the
 * same transaction (flushed on `setImmediate`, at most `maxAppendsPerCommit` appends), so one
 * fsync serves many writers. Each append still has its own expected-revision check, made against
 * the stream as the appends before it in the group left it, and is undone on its own when refused
 * (a failing statement undoes itself; several events go under a savepoint): a refused append
 * leaves no trace, and the others of its group commit. Global positions are assigned as max + 1
 * inside the write transaction, so the log has no gaps, even after refused or rolled-back appends.
 *
 * Other connections — in this process or another — may use the same file: writes take the lock
 * with `BEGIN IMMEDIATE` and wait for it up to the busy timeout (better-sqlite3 is synchronous:
 * the event loop waits too). Followers wake at once on commits of any store of this process open
 * on the same file, and poll every `pollIntervalMs` for commits of other processes.
 */
export class SqliteEventStore implements EventStore {
  /** Announces this store's own closing to its followers. */
  private readonly closedSignal = new EventEmitter();
  private queue: PendingWrite[] = [];
  private flushScheduled = false;
  private closed = false;
  private closing: Promise<void> | null = null;
  private drained: Array<() => void> = [];
  private readonly counters: SqliteEventStoreStats = { transactions: 0, appends: 0, events: 0 };

  private readonly stmt: {
    begin: Database.Statement;
    commit: Database.Statement;
    rollback: Database.Statement;
    savepoint: Database.Statement;
    release: Database.Statement;
    rollbackToSavepoint: Database.Statement;
    savepointMany: Database.Statement;
    releaseMany: Database.Statement;
    rollbackToMany: Database.Statement;
    head: Database.Statement;
    streamRevision: Database.Statement;
    eventById: Database.Statement;
    idsFrom: Database.Statement;
    insertEvent: Database.Statement;
    upsertStream: Database.Statement;
    readForwards: Database.Statement;
    readBackwards: Database.Statement;
    readAll: Database.Statement;
  };

  private readonly channel: FileChannel;

  private constructor(
    private readonly db: Database.Database,
    private readonly channelKey: string,
    private readonly options: Required<Omit<SqliteEventStoreOptions, 'file' | 'backgroundCheckpoints'>>,
    private readonly releaseCheckpointer: () => Promise<void>,
  ) {
    this.closedSignal.setMaxListeners(0);
    this.channel = joinChannel(channelKey);
    const raw = (sql: string) => db.prepare(sql).raw(true);
    const pluck = (sql: string) => db.prepare(sql).pluck(true);
    this.stmt = {
      begin: db.prepare('BEGIN IMMEDIATE'),
      commit: db.prepare('COMMIT'),
      rollback: db.prepare('ROLLBACK'),
      savepoint: db.prepare('SAVEPOINT append'),
      release: db.prepare('RELEASE append'),
      rollbackToSavepoint: db.prepare('ROLLBACK TO append'),
      savepointMany: db.prepare('SAVEPOINT append_many'),
      releaseMany: db.prepare('RELEASE append_many'),
      rollbackToMany: db.prepare('ROLLBACK TO append_many'),
      head: pluck('SELECT max(position) FROM events'),
      streamRevision: pluck('SELECT revision FROM streams WHERE stream_id = ?'),
      eventById: raw('SELECT stream_id, revision FROM events WHERE event_id = ?'),
      idsFrom: raw(
        'SELECT event_id, position FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision LIMIT ?',
      ),
      insertEvent: db.prepare(
        'INSERT INTO events (position, stream_id, revision, event_id, type, data, metadata) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      upsertStream: db.prepare(
        'INSERT INTO streams (stream_id, revision) VALUES (?, ?) ON CONFLICT (stream_id) DO UPDATE SET revision = excluded.revision',
      ),
      readForwards: raw(
        `SELECT ${COLUMNS} FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision LIMIT ?`,
      ),
      readBackwards: raw(
        `SELECT ${COLUMNS} FROM events WHERE stream_id = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`,
      ),
      readAll: raw(`SELECT ${COLUMNS} FROM events WHERE position > ? ORDER BY position LIMIT ?`),
    };
  }

  /** Opens (creating when needed) the store in `file`. */
  static async open(options: SqliteEventStoreOptions): Promise<SqliteEventStore> {
    preparePrivateDatabaseFile(options.file);
    const busyTimeoutMs = options.busyTimeoutMs ?? 10_000;
    const db = new Database(options.file, { timeout: busyTimeoutMs });
    try {
      db.pragma(`busy_timeout = ${Math.trunc(busyTimeoutMs)}`);
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.pragma('temp_store = MEMORY');
      db.pragma('cache_size = -32768');
      const background = options.backgroundCheckpoints ?? true;
      // Every ~16 MB of WAL rather than 4 MB: index pages that many commits touch are copied
      // back once per checkpoint, not once per 1,000 pages; with the background checkpointer
      // most of them are copied already when a commit gets there.
      db.pragma(`wal_autocheckpoint = ${background ? FOREGROUND_CHECKPOINT_PAGES : 4000}`);
      db.exec(SCHEMA);
    } catch (error) {
      db.close();
      throw error;
    }
    const channelKey = options.file === ':memory:' ? `:memory:${++memoryFiles}` : realpathSync(options.file);
    const releaseCheckpointer = (options.backgroundCheckpoints ?? true) ? acquireWalCheckpointer(options.file, { busyTimeoutMs }) : async () => undefined;
    return new SqliteEventStore(
      db,
      channelKey,
      {
        busyTimeoutMs,
        pollIntervalMs: options.pollIntervalMs ?? 250,
        maxAppendsPerCommit: options.maxAppendsPerCommit ?? 500,
        maxEventsPerCommit: options.maxEventsPerCommit ?? 5_000,
      },
      releaseCheckpointer,
    );
  }

  /** Group-commit counters since the store was opened. */
  get stats(): SqliteEventStoreStats {
    return { ...this.counters };
  }

  /** Appends to several streams in one transaction: all of them commit, or none. */
  readonly atomicMultiStreamAppend = true;

  append(streamId: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult> {
    return this.enqueue([{ streamId, events, expectedRevision: options?.expectedRevision }], false) as Promise<AppendResult>;
  }

  appendMany(appends: StreamAppend[]): Promise<AppendResult[]> {
    if (Array.isArray(appends) && appends.length === 0) return Promise.resolve([]);
    return this.enqueue(appends, true) as Promise<AppendResult[]>;
  }

  private enqueue(appends: StreamAppend[], many: boolean): Promise<AppendResult | AppendResult[]> {
    if (this.closed || this.closing) return Promise.reject(new Error('the event store is closed'));
    let parts: PreparedAppend[];
    try {
      if (!Array.isArray(appends)) throw new RangeError('appends must be an array');
      const streams = new Set<string>();
      parts = appends.map((a) => {
        const part = prepare(a);
        if (streams.has(part.streamId)) throw new RangeError(`stream ${part.streamId} appears twice in one appendMany`);
        streams.add(part.streamId);
        return part;
      });
    } catch (error) {
      return Promise.reject(error);
    }
    return new Promise((resolve, reject) => {
      this.queue.push({ parts, many, resolve, reject });
      this.scheduleFlush();
    });
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    // Most reads of the write path ask for a stream not yet written (a registration) or for a
    // tail with nothing new (a cached fold): the stream's row, one primary-key lookup, tells.
    // It is written in the same transaction as the stream's events, so it never lags them.
    const current = this.stmt.streamRevision.get(streamId) as number | undefined;
    if (current === undefined || (options.direction !== 'backwards' && (options.fromRevision ?? 0) > current)) return [];
    const limit = options.maxCount ?? -1;
    const rows = (
      options.direction === 'backwards'
        ? this.stmt.readBackwards.all(streamId, options.fromRevision ?? Number.MAX_SAFE_INTEGER, limit)
        : this.stmt.readForwards.all(streamId, options.fromRevision ?? 0, limit)
    ) as Row[];
    return rows.map(toRecorded);
  }

  async streamRevision(streamId: string): Promise<number> {
    this.assertOpen();
    return (this.stmt.streamRevision.get(streamId) as number | undefined) ?? NO_STREAM_REVISION;
  }

  async readAll(options: ReadAllOptions): Promise<RecordedEvent[]> {
    this.assertOpen();
    return this.readAllNow(options.after ?? 0, options.maxCount);
  }

  async headPosition(): Promise<number> {
    this.assertOpen();
    return this.headNow();
  }

  async *follow(options: FollowOptions): AsyncGenerator<RecordedEvent> {
    const { signal } = options;
    let checkpoint = options.after;
    while (!signal?.aborted && !this.closed) {
      const seq = this.channel.seq;
      const batch = this.readAllNow(checkpoint, FOLLOW_BATCH);
      for (const event of batch) {
        if (signal?.aborted) return;
        yield event;
        checkpoint = event.position;
      }
      if (batch.length < FOLLOW_BATCH) await this.changeAfter(seq, signal);
    }
  }

  async ping(): Promise<{ kind: string; head: number }> {
    this.assertOpen();
    return { kind: 'sqlite', head: this.headNow() };
  }

  close(): Promise<void> {
    if (this.closed) return Promise.resolve();
    if (!this.closing) {
      this.closing = (async () => {
        if (this.queue.length > 0 || this.flushScheduled) await new Promise<void>((r) => this.drained.push(r));
        this.closed = true;
        this.closedSignal.emit('close');
        leaveChannel(this.channelKey, this.channel);
        // The checkpointer's connection goes first, so that the last connection to close —
        // usually this one — checkpoints the rest and removes the WAL, as SQLite does.
        await this.releaseCheckpointer();
        this.db.close();
      })();
    }
    return this.closing;
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('the event store is closed');
  }

  private headNow(): number {
    return (this.stmt.head.get() as number | null) ?? 0;
  }

  private readAllNow(after: number, maxCount: number): RecordedEvent[] {
    if (this.closed) return [];
    return (this.stmt.readAll.all(after, maxCount) as Row[]).map(toRecorded);
  }

  /** Resolves on the next commit after `seq`, after a poll interval, on abort, or on close. */
  private changeAfter(seq: number, signal: AbortSignal | undefined): Promise<void> {
    if (this.channel.seq !== seq || signal?.aborted || this.closed) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.channel.emitter.off('appended', done);
        this.closedSignal.off('close', done);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, this.options.pollIntervalMs);
      this.channel.emitter.on('appended', done);
      this.closedSignal.on('close', done);
      signal?.addEventListener('abort', done, { once: true });
    });
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(this.flush);
  }

  /** Commits the queued appends (up to the caps) in one transaction, then settles them. */
  private readonly flush = (): void => {
    this.flushScheduled = false;
    const batch = this.takeBatch();
    if (batch.length > 0) {
      let outcomes: Outcome[];
      try {
        outcomes = this.commitBatch(batch);
      } catch (error) {
        outcomes = batch.map(() => ({ ok: false, error }));
      }
      for (let i = 0; i < batch.length; i++) {
        const outcome = outcomes[i];
        if (!outcome.ok) batch[i].reject(outcome.error);
        else batch[i].resolve(batch[i].many ? outcome.results : outcome.results[0]);
      }
    }
    if (this.queue.length > 0) this.scheduleFlush();
    else for (const resolve of this.drained.splice(0)) resolve();
  };

  private takeBatch(): PendingWrite[] {
    const { maxAppendsPerCommit, maxEventsPerCommit } = this.options;
    let count = 0;
    let events = 0;
    while (count < this.queue.length && count < maxAppendsPerCommit) {
      for (const part of this.queue[count].parts) events += part.events.length;
      if (count > 0 && events > maxEventsPerCommit) break;
      count++;
    }
    if (count === this.queue.length) {
      const all = this.queue;
      this.queue = [];
      return all;
    }
    return this.queue.splice(0, count);
  }

  private commitBatch(batch: PendingWrite[]): Outcome[] {
    const { stmt } = this;
    const outcomes: Outcome[] = [];
    let written = 0;
    try {
      stmt.begin.run();
    } catch (error) {
      return batch.map(() => ({ ok: false, error }));
    }
    try {
      let head = this.headNow();
      for (const pending of batch) {
        try {
          const results = pending.parts.length === 1 ? [this.applyOne(pending.parts[0], head)] : this.applyMany(pending.parts, head);
          for (const result of results) {
            if (result.position > head) {
              written += result.position - head;
              head = result.position;
            }
          }
          outcomes.push({ ok: true, results });
        } catch (error) {
          if (error instanceof GroupLost) throw error.reason;
          // Some errors (I/O, full disk) end the whole transaction: then nothing of the group stands.
          if (!this.db.inTransaction) throw error;
          outcomes.push({ ok: false, error });
        }
      }
      stmt.commit.run();
    } catch (error) {
      // The transaction as a whole failed (I/O, lock): nothing of it is durable.
      if (this.db.inTransaction) {
        try {
          stmt.rollback.run();
        } catch {
          /* the connection already rolled back */
        }
      }
      return batch.map(() => ({ ok: false, error }));
    }
    this.counters.transactions++;
    this.counters.events += written;
    for (const outcome of outcomes) if (outcome.ok) this.counters.appends++;
    if (written > 0) {
      this.channel.seq++;
      this.channel.emitter.emit('appended');
    }
    return outcomes;
  }

  /**
   * Checks and writes one append inside the open transaction. Throws (leaving the stream as it
   * was) when the append is refused; returns the original result for an idempotent retry.
   *
   * The happy path reads one row (the stream's revision) and writes; whether the events were
   * appended before is asked only when the append would fail otherwise (stale revision, or an
   * event id the unique index refuses), so a retry is recognised whatever its expected revision.
   */
  private applyOne(pending: PreparedAppend, head: number): AppendResult {
    const { stmt } = this;
    const { streamId, expected, events } = pending;
    const current = (stmt.streamRevision.get(streamId) as number | undefined) ?? NO_STREAM_REVISION;

    const refused =
      expected === 'no_stream' ? current !== NO_STREAM_REVISION : expected !== 'any' && expected !== current;
    if (refused) {
      const retry = this.earlierAppend(pending);
      if (retry) return retry;
      throw new WrongExpectedRevision(streamId, expected, current);
    }

    if (events.length === 0) {
      const last = current === NO_STREAM_REVISION ? undefined : (stmt.idsFrom.get(streamId, current, 1) as [string, number]);
      return { nextRevision: current, position: last ? last[1] : 0 };
    }

    // A failing statement undoes itself; several inserts need a savepoint to go back as one.
    const savepoint = events.length > 1;
    let inserted = 0;
    if (savepoint) stmt.savepoint.run();
    try {
      for (let i = 0; i < events.length; i++) {
        const e = events[i];
        stmt.insertEvent.run(head + 1 + i, streamId, current + 1 + i, e[0], e[1], e[2], e[3]);
        inserted++;
      }
      stmt.upsertStream.run(streamId, current + events.length);
      if (savepoint) stmt.release.run();
    } catch (error) {
      // Some errors (I/O, full disk) end the whole transaction: then nothing of the group stands.
      if (!this.db.inTransaction) throw new GroupLost(error);
      if (savepoint) {
        try {
          stmt.rollbackToSavepoint.run();
          stmt.release.run();
        } catch {
          throw new GroupLost(error);
        }
      } else if (inserted > 0) {
        // The event is in but the stream row failed: only dropping the group undoes it.
        throw new GroupLost(error);
      }
      if (!isUniqueViolation(error)) throw error;
      const retry = this.earlierAppend(pending);
      if (retry) return retry;
      throw this.duplicateOf(pending);
    }
    return { nextRevision: current + events.length, position: head + events.length };
  }

  /** The parts of an `appendMany`, under one savepoint: the first refusal undoes them all. */
  private applyMany(parts: PreparedAppend[], head: number): AppendResult[] {
    const { stmt } = this;
    stmt.savepointMany.run();
    const results: AppendResult[] = [];
    try {
      let at = head;
      for (const part of parts) {
        const result = this.applyOne(part, at);
        if (result.position > at) at = result.position;
        results.push(result);
      }
      stmt.releaseMany.run();
    } catch (error) {
      if (error instanceof GroupLost || !this.db.inTransaction) throw error;
      try {
        stmt.rollbackToMany.run();
        stmt.releaseMany.run();
      } catch {
        throw new GroupLost(error);
      }
      throw error;
    }
    return results;
  }

  /**
   * The result of an earlier append of exactly these events to this stream (an idempotent
   * retry), or undefined when the first event id is unknown. An id used otherwise is an error.
   */
  private earlierAppend(pending: PreparedAppend): AppendResult | undefined {
    if (pending.events.length === 0) return undefined;
    const existing = this.stmt.eventById.get(pending.events[0][0]) as [string, number] | undefined;
    return existing ? this.idempotentResult(pending, existing) : undefined;
  }

  /** The append's first event id exists: it is a retry of the very same append, or an error. */
  private idempotentResult(pending: PreparedAppend, existing: [string, number]): AppendResult {
    const { streamId, events } = pending;
    const [existingStream, firstRevision] = existing;
    if (existingStream !== streamId) throw new DuplicateEventId(streamId, events[0][0], existingStream);
    const stored = this.stmt.idsFrom.all(streamId, firstRevision, events.length) as Array<[string, number]>;
    const same = stored.length === events.length && stored.every(([id], i) => id === events[i][0]);
    if (!same) throw new DuplicateEventId(streamId, events[0][0], existingStream);
    return { nextRevision: firstRevision + events.length - 1, position: stored[stored.length - 1][1] };
  }

  /** Names the id that made an insert fail: one used elsewhere, or twice in the append. */
  private duplicateOf(pending: PreparedAppend): DuplicateEventId {
    const seen = new Set<string>();
    for (const [id] of pending.events) {
      if (seen.has(id)) return new DuplicateEventId(pending.streamId, id, pending.streamId);
      seen.add(id);
      const existing = this.stmt.eventById.get(id) as [string, number] | undefined;
      if (existing) return new DuplicateEventId(pending.streamId, id, existing[0]);
    }
    return new DuplicateEventId(pending.streamId, pending.events[0][0]);
  }
}
