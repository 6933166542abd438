export type JobState = 'waiting' | 'delayed' | 'active' | 'completed' | 'failed';

export interface JobStatus {
  /** Caller-chosen id; adding the same id twice keeps one job. */
  id: string;
  /** The queue (kind of work) the job belongs to. */
  queue: string;
  state: JobState;
  payload: unknown;
  /** Attempts made so far (including the running one). */
  attemptsMade: number;
  maxAttempts: number;
  result?: unknown;
  /** Message of the last failure. */
  error?: string;
  createdAt: string;
  finishedAt?: string;
}

export interface AddJobOptions {
  /** Total attempts before the job is failed for good; default 3. */
  attempts?: number;
  /** First retry delay in ms, doubled on each later retry; default 1000. */
  backoffMs?: number;
}

export interface Job<P = unknown> {
  id: string;
  queue: string;
  payload: P;
  attemptsMade: number;
  /** For a job a repeatable made: the slot it is for (the instant its cron named, ISO), not when it runs. */
  slot?: string;
}

/** When a repeatable job comes: a cron expression (five fields, or six with seconds first) read in an IANA time zone. */
export interface RepeatOptions extends AddJobOptions {
  cron: string;
  /** IANA time zone the cron is read in (`Europe/Kyiv`); default UTC. */
  tz?: string;
}

/** A repeatable job as the queue keeps it. */
export interface Repeatable {
  key: string;
  cron: string;
  tz: string;
  /** The next slot it will make a job for (ISO); null when none is pending. */
  next: string | null;
}

export type JobHandler<P = unknown> = (job: Job<P>) => Promise<unknown>;

/**
 * Background jobs: add work with an id, process it with retries and exponential backoff,
 * ask for its status. Every adapter passes the same contract suite (`job-queue.contract.ts`).
 */
export interface JobQueue {
  /** Adds a job; when a job with this id exists, returns its status and adds nothing. */
  add<P>(queue: string, id: string, payload: P, options?: AddJobOptions): Promise<JobStatus>;
  /** Registers the handler of a queue; jobs start running once it is registered. */
  process<P>(queue: string, handler: JobHandler<P>, options?: { concurrency?: number }): void;
  status(queue: string, id: string): Promise<JobStatus | null>;
  /**
   * Keeps a repeatable job under `key`: at each slot of the cron (in `tz`) one job with the
   * payload, given to the queue's handler with its `slot`. The same key again with the same cron
   * and zone changes nothing; with another cron or zone it replaces the first. However many
   * processes keep the same repeatable, one job is made per slot (its id is derived from the key
   * and the slot). A slot passed while no process kept it is not made up for. Keys are letters,
   * digits, `-`, `_` and `.`.
   */
  repeat<P>(queue: string, key: string, payload: P, options: RepeatOptions): Promise<Repeatable>;
  /** Stops the repeatable job of `key` (its pending slot included); a key it does not keep: nothing. */
  removeRepeatable(queue: string, key: string): Promise<void>;
  /** The queue's repeatable jobs, by key. */
  repeatables(queue: string): Promise<Repeatable[]>;
  /** A short description for health checks; throws when the queue cannot be reached. */
  ping(): Promise<{ kind: string }>;
  /** Stops taking new jobs, waits for running ones, releases connections. */
  close(): Promise<void>;
}

/** DI token for the JobQueue port. */
export const JOB_QUEUE = Symbol('JobQueue');
