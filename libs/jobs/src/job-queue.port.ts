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
  /** A short description for health checks; throws when the queue cannot be reached. */
  ping(): Promise<{ kind: string }>;
  /** Stops taking new jobs, waits for running ones, releases connections. */
  close(): Promise<void>;
}

/** DI token for the JobQueue port. */
export const JOB_QUEUE = Symbol('JobQueue');
