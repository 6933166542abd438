import type { AddJobOptions, Job, JobHandler, JobQueue, JobState, JobStatus, Repeatable, RepeatOptions } from '../job-queue.port';
import { assertRepeat, nextSlot } from '../cron';
import {
  assertJobId,
  assertRepeatKey,
  assertQueueName,
  errorMessage,
  jsonCopy,
  JobQueueClosedError,
  resolveJobOptions,
  repeatJobId,
  retryDelayMs,
} from '../job-options';

interface StoredJob {
  id: string;
  queue: string;
  state: JobState;
  payload: unknown;
  attemptsMade: number;
  maxAttempts: number;
  backoffMs: number;
  result?: unknown;
  error?: string;
  createdAt: Date;
  finishedAt?: Date;
  /** Made by a repeatable: the slot it is for (ISO). */
  slot?: string;
}

interface StoredRepeatable {
  key: string;
  cron: string;
  tz: string;
  payload: unknown;
  options: AddJobOptions;
  next: Date | null;
  timer?: NodeJS.Timeout;
  /** The ids of the jobs it made, oldest first: the finished ones beyond the queue's `keptRepeatJobs` are forgotten, as Bull forgets them. */
  made: string[];
}

/** The jobs of a repeatable kept once finished (the newest), so a cron of seconds does not fill the memory; as many as Bull keeps. */
const KEPT_REPEAT_JOBS = 1000;

/** setTimeout takes at most 2^31-1 ms (about 24.8 days); a later slot is waited for in steps. */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

interface NamedQueue {
  name: string;
  jobs: Map<string, StoredJob>;
  /** Ids ready to run, oldest first. */
  waiting: string[];
  handler?: JobHandler<unknown>;
  concurrency: number;
  active: number;
  repeatables: Map<string, StoredRepeatable>;
}

export interface InProcessJobQueueOptions {
  /** Source of timestamps; defaults to the system time. */
  now?: () => Date;
  /** How many finished jobs of each repeatable are kept, the newest (default 1000). */
  keptRepeatJobs?: number;
}

/**
 * Jobs in memory, with Bull's semantics: idempotent ids, per-queue concurrency, retries with a
 * doubling backoff. For development and tests; jobs do not survive the process.
 */
export class InProcessJobQueue implements JobQueue {
  private readonly queues = new Map<string, NamedQueue>();
  private readonly retryTimers = new Set<NodeJS.Timeout>();
  private readonly running = new Set<Promise<void>>();
  private readonly now: () => Date;
  private readonly keptRepeatJobs: number;
  private closed = false;

  constructor(options: InProcessJobQueueOptions = {}) {
    this.now = options.now ?? (() => new Date());
    this.keptRepeatJobs = options.keptRepeatJobs ?? KEPT_REPEAT_JOBS;
  }

  async add<P>(queue: string, id: string, payload: P, options?: AddJobOptions): Promise<JobStatus> {
    this.assertOpen();
    assertQueueName(queue);
    assertJobId(id);
    const named = this.queue(queue);
    const existing = named.jobs.get(id);
    if (existing) return snapshot(existing);
    return this.store(named, id, payload, options);
  }

  private store(named: NamedQueue, id: string, payload: unknown, options?: AddJobOptions, slot?: string): JobStatus {
    const { attempts, backoffMs } = resolveJobOptions(options);
    const job: StoredJob = {
      id,
      queue: named.name,
      state: 'waiting',
      payload: jsonCopy(payload),
      attemptsMade: 0,
      maxAttempts: attempts,
      backoffMs,
      createdAt: this.now(),
      ...(slot ? { slot } : {}),
    };
    named.jobs.set(id, job);
    named.waiting.push(id);
    const status = snapshot(job);
    this.pump(named);
    return status;
  }

  process<P>(queue: string, handler: JobHandler<P>, options: { concurrency?: number } = {}): void {
    this.assertOpen();
    assertQueueName(queue);
    const concurrency = options.concurrency ?? 1;
    if (!Number.isInteger(concurrency) || concurrency < 1) {
      throw new RangeError(`concurrency must be a positive integer, got ${concurrency}`);
    }
    const named = this.queue(queue);
    if (named.handler) throw new Error(`queue "${queue}" already has a handler`);
    named.handler = handler as JobHandler<unknown>;
    named.concurrency = concurrency;
    this.pump(named);
  }

  async status(queue: string, id: string): Promise<JobStatus | null> {
    const job = this.queues.get(queue)?.jobs.get(id);
    return job ? snapshot(job) : null;
  }

  async repeat<P>(queue: string, key: string, payload: P, options: RepeatOptions): Promise<Repeatable> {
    this.assertOpen();
    assertQueueName(queue);
    assertRepeatKey(key);
    const { cron, tz = 'UTC', ...jobOptions } = options;
    assertRepeat(cron, tz);
    resolveJobOptions(jobOptions);
    const named = this.queue(queue);
    const existing = named.repeatables.get(key);
    if (existing && existing.cron === cron && existing.tz === tz) return repeatableOf(existing);
    if (existing) this.stopRepeatable(named, key);
    const repeatable: StoredRepeatable = { key, cron, tz, payload: jsonCopy(payload), options: jobOptions, next: nextSlot(cron, tz, this.now()), made: [] };
    named.repeatables.set(key, repeatable);
    this.arm(named, repeatable);
    return repeatableOf(repeatable);
  }

  async removeRepeatable(queue: string, key: string): Promise<void> {
    this.assertOpen();
    assertQueueName(queue);
    const named = this.queues.get(queue);
    if (named) this.stopRepeatable(named, key);
  }

  async repeatables(queue: string): Promise<Repeatable[]> {
    assertQueueName(queue);
    const named = this.queues.get(queue);
    return named ? [...named.repeatables.values()].map(repeatableOf).sort((a, b) => a.key.localeCompare(b.key)) : [];
  }

  async ping(): Promise<{ kind: string }> {
    this.assertOpen();
    return { kind: 'in-process' };
  }

  /** Stops starting jobs (waiting and delayed ones stay where they are) and waits for running ones. */
  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.retryTimers) clearTimeout(timer);
    this.retryTimers.clear();
    for (const named of this.queues.values()) for (const repeatable of named.repeatables.values()) clearTimeout(repeatable.timer);
    while (this.running.size > 0) {
      await Promise.allSettled([...this.running]);
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new JobQueueClosedError();
  }

  private queue(name: string): NamedQueue {
    let named = this.queues.get(name);
    if (!named) {
      named = { name, jobs: new Map(), waiting: [], concurrency: 1, active: 0, repeatables: new Map() };
      this.queues.set(name, named);
    }
    return named;
  }

  private stopRepeatable(named: NamedQueue, key: string): void {
    const repeatable = named.repeatables.get(key);
    if (!repeatable) return;
    clearTimeout(repeatable.timer);
    named.repeatables.delete(key);
  }

  private forgetOldJobs(named: NamedQueue, repeatable: StoredRepeatable): void {
    while (repeatable.made.length > this.keptRepeatJobs) {
      const oldest = named.jobs.get(repeatable.made[0]);
      if (oldest && oldest.state !== 'completed' && oldest.state !== 'failed') return;
      named.jobs.delete(repeatable.made.shift()!);
    }
  }

  /** Waits for the repeatable's next slot, then makes its job (one id per slot) and waits for the one after. */
  private arm(named: NamedQueue, repeatable: StoredRepeatable): void {
    const slot = repeatable.next;
    if (!slot || this.closed) return;
    const wait = slot.getTime() - this.now().getTime();
    repeatable.timer = setTimeout(() => {
      if (this.closed || named.repeatables.get(repeatable.key) !== repeatable) return;
      if (this.now().getTime() < slot.getTime()) return this.arm(named, repeatable); // a long wait's step, or an early timer
      const id = repeatJobId(repeatable.key, slot.getTime());
      if (!named.jobs.has(id)) {
        this.store(named, id, repeatable.payload, repeatable.options, slot.toISOString());
        repeatable.made.push(id);
        this.forgetOldJobs(named, repeatable);
        this.pump(named);
      }
      const now = this.now();
      repeatable.next = nextSlot(repeatable.cron, repeatable.tz, now > slot ? now : slot);
      this.arm(named, repeatable);
    }, Math.min(Math.max(0, wait), LONGEST_TIMER_MS));
    repeatable.timer.unref();
  }

  /** Starts waiting jobs while the queue has a handler and free slots. */
  private pump(named: NamedQueue): void {
    while (!this.closed && named.handler && named.active < named.concurrency && named.waiting.length > 0) {
      const job = named.jobs.get(named.waiting.shift()!)!;
      job.state = 'active';
      job.attemptsMade += 1;
      named.active += 1;
      const run = this.attempt(named, named.handler, job).finally(() => {
        this.running.delete(run);
        named.active -= 1;
        this.pump(named);
      });
      this.running.add(run);
    }
  }

  private async attempt(named: NamedQueue, handler: JobHandler<unknown>, job: StoredJob): Promise<void> {
    const view: Job<unknown> = {
      id: job.id,
      queue: job.queue,
      payload: jsonCopy(job.payload),
      attemptsMade: job.attemptsMade,
      ...(job.slot ? { slot: job.slot } : {}),
    };
    try {
      // A microtask first, so a handler that throws synchronously still counts as a failed attempt.
      const result = await Promise.resolve().then(() => handler(view));
      job.result = jsonCopy(result);
      job.state = 'completed';
      job.finishedAt = this.now();
    } catch (error) {
      job.error = errorMessage(error);
      if (job.attemptsMade >= job.maxAttempts) {
        job.state = 'failed';
        job.finishedAt = this.now();
        return;
      }
      this.scheduleRetry(named, job);
    }
  }

  private scheduleRetry(named: NamedQueue, job: StoredJob): void {
    const delay = retryDelayMs(job.backoffMs, job.attemptsMade);
    if (delay <= 0) {
      job.state = 'waiting';
      named.waiting.push(job.id);
      return;
    }
    job.state = 'delayed';
    const timer = setTimeout(() => {
      this.retryTimers.delete(timer);
      job.state = 'waiting';
      named.waiting.push(job.id);
      this.pump(named);
    }, delay);
    timer.unref();
    this.retryTimers.add(timer);
  }
}

const snapshot = (job: StoredJob): JobStatus => {
  const status: JobStatus = {
    id: job.id,
    queue: job.queue,
    state: job.state,
    payload: jsonCopy(job.payload),
    attemptsMade: job.attemptsMade,
    maxAttempts: job.maxAttempts,
    createdAt: job.createdAt.toISOString(),
  };
  if (job.state === 'completed' && job.result !== undefined) status.result = jsonCopy(job.result);
  if (job.error !== undefined) status.error = job.error;
  if (job.finishedAt) status.finishedAt = job.finishedAt.toISOString();
  return status;
};

const repeatableOf = (r: StoredRepeatable): Repeatable => ({ key: r.key, cron: r.cron, tz: r.tz, next: r.next?.toISOString() ?? null });
