import { realpathSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

/**
 * One document write, ready for SQL: the copy, the id, the document's JSON text (null: a
 * tombstone), its position, and for each word-indexed field of the copy whose words change the
 * words it loses and those it gains.
 */
export type PreparedWrite = [copy: string, id: string, doc: string | null, position: number, words: [field: string, lost: string[], gained: string[]][]];

/** A projection's commit with its work done: what is left is SQL. */
export interface PreparedCommit {
  projection: string;
  generation: number;
  position: number;
  /**
   * The checkpoint the words were compared at (null: none yet). The words lost are those of the
   * documents as they were then; a commit that finds the checkpoint moved (another process
   * committed the same projection meanwhile) is 'stale', applies nothing, and is prepared again.
   */
  seen: number | null;
  writes: PreparedWrite[];
}

/** What applying a commit did. */
export type CommitOutcome = 'applied' | 'skipped' | 'stale';

/** A statement by its text, prepared once per connection. */
type Statements = (text: string) => Database.Statement;

/**
 * Applies a prepared commit in one immediate transaction on `db`: nothing when the checkpoint is
 * at or past its position (a replay) or not where it was prepared at (stale); otherwise each
 * document (only over an older version: a write replayed behind a newer one changes nothing),
 * its words (those it lost removed, those it gained added), and the checkpoint. The same
 * program runs on the store's own connection and on the writer thread's, so it is plain
 * JavaScript, kept as text.
 */
const APPLY_COMMIT = `function applyCommit(db, sql, commit) {
  return db.transaction(() => {
    const row = sql('SELECT position FROM read_checkpoints WHERE projection = ? AND generation = ?').get(commit.projection, commit.generation);
    if (row && row.position >= commit.position) return 'skipped';
    if ((row ? row.position : null) !== commit.seen) return 'stale';
    const upsert = sql(
      'INSERT INTO read_documents (collection_copy, id, doc, position) VALUES (?, ?, ?, ?) ' +
        'ON CONFLICT (collection_copy, id) DO UPDATE SET doc = excluded.doc, position = excluded.position ' +
        'WHERE excluded.position > read_documents.position',
    );
    // One statement each way per document and field: the words go in as one JSON list.
    const lose = sql('DELETE FROM read_words WHERE collection_copy = ? AND field = ? AND id = ? AND word IN (SELECT value FROM json_each(?))');
    const gain = sql('INSERT OR IGNORE INTO read_words (collection_copy, field, word, id) SELECT ?, ?, value, ? FROM json_each(?)');
    for (const [copy, id, doc, position, words] of commit.writes) {
      // The words follow the document only when this write replaced it (not an older one).
      if (upsert.run(copy, id, doc, position).changes === 0) continue;
      for (const [field, lost, gained] of words) {
        if (lost.length > 0) lose.run(copy, field, id, JSON.stringify(lost));
        if (gained.length > 0) gain.run(copy, field, id, JSON.stringify(gained));
      }
    }
    sql(
      'INSERT INTO read_checkpoints (projection, generation, position) VALUES (?, ?, ?) ' +
        'ON CONFLICT (projection, generation) DO UPDATE SET position = excluded.position ' +
        'WHERE excluded.position > read_checkpoints.position',
    ).run(commit.projection, commit.generation, commit.position);
    return 'applied';
  }).immediate();
}`;

/** {@link APPLY_COMMIT} for the store's own connection. */
export const applyCommit: (db: Database.Database, sql: Statements, commit: PreparedCommit) => CommitOutcome = new Function(
  `return (${APPLY_COMMIT});`,
)();

/** The writer thread: a connection of its own that applies the commits it is sent, in order. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const applyCommit = ${APPLY_COMMIT};
let db;
try {
  db = new Database(workerData.file, { timeout: workerData.busyTimeoutMs, fileMustExist: true });
  db.pragma('synchronous = NORMAL');
  db.pragma('wal_autocheckpoint = ' + workerData.checkpointPages);
} catch (error) {
  parentPort.postMessage({ failed: String((error && error.message) || error) });
  process.exit(0);
}
const statements = new Map();
const sql = (text) => {
  let statement = statements.get(text);
  if (!statement) statements.set(text, (statement = db.prepare(text)));
  return statement;
};
parentPort.on('message', (message) => {
  if (message === 'stop') {
    try { db.close(); } catch (error) { /* closing anyway */ }
    parentPort.close();
    return;
  }
  try {
    parentPort.postMessage({ id: message.id, result: applyCommit(db, sql, message.commit) });
  } catch (error) {
    parentPort.postMessage({ id: message.id, error: { name: error && error.name, message: String((error && error.message) || error), code: error && error.code } });
  }
});
parentPort.postMessage({ ready: true });
`;

interface Pending {
  key: string;
  resolve: (result: CommitOutcome) => void;
  reject: (error: Error) => void;
}

const trackKey = (projection: string, generation: number): string => `${projection}\u0000${generation}`;

/**
 * Applies a read store's large commits on a thread of its own. A catch-up commit is mostly
 * SQLite's work (the documents, their index entries and words, the WAL pages) and the
 * projections' own work (reading the log, folding, serialising) is the event loop's; with the
 * SQL on another core the two overlap, and the event loop is free for requests while a rebuild
 * or a catch-up writes. Commits are applied in the order they were sent, each in its own
 * transaction, exactly as on the store's connection; a commit resolves once it is committed,
 * so what the projection reads next sees it.
 *
 * When the thread cannot be started or has stopped, `alive` is false and the store applies its
 * commits itself.
 */
export class SqliteCommitWriter {
  private readonly pending = new Map<number, Pending>();
  /** Commits sent and not yet answered, by projection and generation. */
  private readonly sent = new Map<string, number>();
  private next = 0;
  private dead = false;
  private readonly exited: Promise<void>;

  private constructor(private readonly worker: Worker) {
    worker.unref();
    worker.on('message', (message: { id?: number; result?: CommitOutcome; error?: { name?: string; message: string; code?: string }; failed?: string; ready?: boolean }) => {
      if (message.failed !== undefined) return this.die(new Error(`the read store's writer thread could not open the database: ${message.failed}`));
      if (message.id === undefined) return;
      const waiting = this.pending.get(message.id);
      if (!waiting) return;
      this.pending.delete(message.id);
      this.settled(waiting.key);
      if (this.pending.size === 0) worker.unref();
      if (message.error) {
        const error = new Error(message.error.message) as Error & { code?: string };
        if (message.error.name) error.name = message.error.name;
        if (message.error.code) error.code = message.error.code;
        waiting.reject(error);
      } else waiting.resolve(message.result!);
    });
    worker.on('error', (error) => this.die(error));
    this.exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    void this.exited.then(() => this.die(new Error("the read store's writer thread stopped")));
  }

  /** A writer for a database file; null for one another thread cannot open (in memory). */
  static start(file: string, options: { busyTimeoutMs: number; checkpointPages: number }): SqliteCommitWriter | null {
    if (file === ':memory:' || file === '' || file.startsWith('file:')) return null;
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { file: realpathSync(file), driver: require.resolve('better-sqlite3'), busyTimeoutMs: options.busyTimeoutMs, checkpointPages: options.checkpointPages },
    });
    return new SqliteCommitWriter(worker);
  }

  /** Whether it takes commits. */
  get alive(): boolean {
    return !this.dead;
  }

  /**
   * Whether commits of a projection's generation sent to it are still being applied: a later
   * one of the same must follow them here. Others may be applied on the store's connection.
   */
  busyWith(projection: string, generation: number): boolean {
    return this.sent.has(trackKey(projection, generation));
  }

  apply(commit: PreparedCommit): Promise<CommitOutcome> {
    if (this.dead) return Promise.reject(new Error("the read store's writer thread stopped"));
    const id = ++this.next;
    const key = trackKey(commit.projection, commit.generation);
    return new Promise((resolve, reject) => {
      this.pending.set(id, { key, resolve, reject });
      this.sent.set(key, (this.sent.get(key) ?? 0) + 1);
      // A commit under way keeps the process alive until it is answered.
      this.worker.ref();
      this.worker.postMessage({ id, commit });
    });
  }

  /** Waits for the commits sent, then stops the thread and closes its connection. */
  async close(): Promise<void> {
    if (this.dead) return;
    // Messages are handled in order: every commit sent before the stop is answered first.
    this.worker.ref();
    this.worker.postMessage('stop');
    const timer = setTimeout(() => void this.worker.terminate(), 10_000);
    await this.exited;
    clearTimeout(timer);
  }

  private settled(key: string): void {
    const left = (this.sent.get(key) ?? 1) - 1;
    if (left > 0) this.sent.set(key, left);
    else this.sent.delete(key);
  }

  private die(error: Error): void {
    this.dead = true;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
    this.sent.clear();
  }
}
