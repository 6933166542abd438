import { realpathSync } from 'node:fs';
import { Worker } from 'node:worker_threads';

/**
 * How many WAL pages a connection of a store lets pile up before it checkpoints by itself, on
 * the event loop (about 16 MB; SQLite's default is 1,000 pages). Under steady writes the
 * background checkpointer rarely catches up with the very end of the WAL, and only such a full
 * checkpoint lets the next writer start the WAL over; this one does, and has little left to copy.
 * A larger limit (64 MB) left a long WAL behind a write burst and slowed the reads after it.
 */
export const FOREGROUND_CHECKPOINT_PAGES = 4_000;

/** How often the background checkpointer copies the WAL back into the database (ms). */
export const BACKGROUND_CHECKPOINT_MS = 100;

/** What the checkpointer's thread runs: a connection of its own that only checkpoints. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
let db;
try {
  db = new Database(workerData.file, { timeout: workerData.busyTimeoutMs, fileMustExist: true });
} catch (error) {
  parentPort.postMessage({ failed: String(error && error.message || error) });
  process.exit(0);
}
const tick = () => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    // Busy or interrupted: the next tick tries again; the stores' own limit is the fallback.
  }
};
const timer = setInterval(tick, workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  try { db.close(); } catch (error) { /* closing anyway */ }
  parentPort.close();
});
`;

interface Running {
  worker: Worker;
  users: number;
  exited: Promise<void>;
}

const running = new Map<string, Running>();

/**
 * Copies the write-ahead log of a SQLite file back into the database on a thread of its own.
 *
 * A checkpoint copies every page the recent commits touched and waits for the disk; run by
 * SQLite on whichever connection's commit crosses the WAL limit, it held up the event loop —
 * and every request — for tens of milliseconds, a few times a second under load (the read
 * models' index pages are many). Here the stores' connections checkpoint by themselves only
 * past {@link FOREGROUND_CHECKPOINT_PAGES}, and one connection on another thread runs a passive
 * checkpoint every {@link BACKGROUND_CHECKPOINT_MS}: it never waits for, nor blocks, a writer or
 * a reader, and leaves the foreground checkpoint little to copy. Durability is unchanged: a commit is durable when its WAL frames are on disk
 * (`synchronous=FULL` for the log), whoever copies them back later.
 *
 * One checkpointer per file and process, shared by the stores open on it (counted); the last
 * to release it stops the thread and closes its connection.
 */
export const acquireWalCheckpointer = (file: string, options: { busyTimeoutMs?: number; intervalMs?: number } = {}): (() => Promise<void>) => {
  if (file === ':memory:' || file === '' || file.startsWith('file:')) return async () => undefined;
  const key = realpathSync(file);
  let entry = running.get(key);
  if (!entry) {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        file: key,
        driver: require.resolve('better-sqlite3'),
        busyTimeoutMs: options.busyTimeoutMs ?? 10_000,
        intervalMs: options.intervalMs ?? BACKGROUND_CHECKPOINT_MS,
      },
    });
    // It must not keep a process alive that has nothing else to do.
    worker.unref();
    // Without it the stores still checkpoint by themselves, past their own limit.
    worker.on('error', () => undefined);
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    const created: Running = { worker, users: 0, exited };
    exited.then(() => {
      if (running.get(key) === created) running.delete(key);
    });
    running.set(key, (entry = created));
  }
  entry.users++;
  const held = entry;
  let released = false;
  return async () => {
    if (released) return;
    released = true;
    if (--held.users > 0) return;
    if (running.get(key) === held) running.delete(key);
    held.worker.postMessage('stop');
    // A thread that does not stop in time is ended; its connection only ever read.
    const timer = setTimeout(() => void held.worker.terminate(), 5_000);
    await held.exited;
    clearTimeout(timer);
  };
};
