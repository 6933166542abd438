import Bull from 'bull';
import Redis from 'ioredis';
import type { AddJobOptions, JobHandler, JobQueue, JobState, JobStatus, Repeatable, RepeatOptions } from '../job-queue.port';
import { assertRepeat } from '../cron';
import {
  assertJobId,
  assertRepeatKey,
  assertQueueName,
  errorMessage,
  JobQueueClosedError,
  resolveJobOptions,
  retryDelayMs,
} from '../job-options';

export const DEFAULT_KEY_PREFIX = 'okrug';

/**
 * Bull's built-in `exponential` backoff waits delay * (2^n - 1) after failure n (1x, 3x, 7x...);
 * the port promises a doubling delay (1x, 2x, 4x...), so jobs use this custom strategy instead.
 */
export const DOUBLING_BACKOFF = 'doubling';

/** The completed and failed jobs of a repeatable Bull keeps (the newest), so a cron of seconds does not fill Redis. */
const KEPT_REPEAT_JOBS = 1000;

export interface BullJobQueueOptions {
  /** Prefix of every Redis key; distinct prefixes keep users of one Redis apart. Default `okrug`. */
  prefix?: string;
  /** Errors Bull reports outside any call (lost connections and the like); ignored by default. */
  onError?: (error: Error, queue: string) => void;
  /** Longest wait for a PING answer in ping(); default 3000 ms. */
  pingTimeoutMs?: number;
  /**
   * How long a worker holds a running job (Bull's lockDuration, renewed half-way while it runs)
   * and how often stalled jobs are looked for; default 30 000 ms. A worker that died gives its
   * job to another within about twice this.
   */
  lockMs?: number;
}

/** Jobs in Redis through Bull: one Bull queue per queue name, created on first use. */
export class BullJobQueue implements JobQueue {
  private readonly queues = new Map<string, Bull.Queue>();
  private readonly prefix: string;
  private readonly onError: (error: Error, queue: string) => void;
  private readonly pingTimeoutMs: number;
  private readonly lockMs: number;
  private pingClient?: Redis;
  private closing?: Promise<void>;

  constructor(
    private readonly redisUrl: string,
    options: BullJobQueueOptions = {},
  ) {
    this.prefix = options.prefix ?? DEFAULT_KEY_PREFIX;
    this.onError = options.onError ?? (() => undefined);
    this.pingTimeoutMs = options.pingTimeoutMs ?? 3000;
    this.lockMs = options.lockMs ?? 30_000;
  }

  async add<P>(queue: string, id: string, payload: P, options?: AddJobOptions): Promise<JobStatus> {
    assertQueueName(queue);
    assertJobId(id);
    const { attempts, backoffMs } = resolveJobOptions(options);
    const bullQueue = this.queue(queue);
    // Bull keeps the first job with a given id and ignores later adds; the status is read back so
    // the caller sees the stored job, not the one it just asked for.
    await bullQueue.add(payload, {
      jobId: id,
      attempts,
      backoff: { type: DOUBLING_BACKOFF, options: { delayMs: backoffMs } },
      removeOnComplete: false,
      removeOnFail: false,
    });
    const status = await this.status(queue, id);
    if (!status) throw new Error(`job "${id}" of queue "${queue}" vanished right after it was added`);
    return status;
  }

  process<P>(queue: string, handler: JobHandler<P>, options: { concurrency?: number } = {}): void {
    assertQueueName(queue);
    const concurrency = options.concurrency ?? 1;
    if (!Number.isInteger(concurrency) || concurrency < 1) {
      throw new RangeError(`concurrency must be a positive integer, got ${concurrency}`);
    }
    const bullQueue = this.queue(queue);
    // Bull resolves this promise only when the queue closes; failures surface as errors.
    bullQueue
      .process(concurrency, async (job: Bull.Job<P>) => {
        try {
          const result = await handler({
            id: String(job.id),
            queue,
            payload: job.data,
            // Bull counts failed attempts; the port counts the running one too.
            attemptsMade: job.attemptsMade + 1,
            ...slotOf(job),
          });
          return result ?? null;
        } catch (error) {
          // Bull records error.message; make sure whatever was thrown has one.
          throw error instanceof Error ? error : new Error(errorMessage(error));
        }
      })
      .catch((error: unknown) => this.onError(asError(error), queue));
  }

  async status(queue: string, id: string): Promise<JobStatus | null> {
    assertQueueName(queue);
    const bullQueue = this.queue(queue);
    const found = await bullQueue.getJob(id);
    if (!found) return null;
    const state = await stateOf(found);
    // The state is read after the first fetch; read the job again so its fields are at least as
    // recent as the state (a job seen completed then always carries its result).
    const job = (await bullQueue.getJob(id)) ?? found;
    const counted = state === 'active' || state === 'completed' ? job.attemptsMade + 1 : job.attemptsMade;
    const status: JobStatus = {
      id: String(job.id),
      queue,
      state,
      payload: job.data,
      attemptsMade: counted,
      maxAttempts: job.opts.attempts ?? 1,
      createdAt: new Date(job.timestamp).toISOString(),
    };
    if (state === 'completed' && job.returnvalue !== null && job.returnvalue !== undefined) {
      status.result = job.returnvalue;
    }
    if (job.failedReason) status.error = job.failedReason;
    if ((state === 'completed' || state === 'failed') && job.finishedOn) {
      status.finishedAt = new Date(job.finishedOn).toISOString();
    }
    return status;
  }

  /**
   * Bull's repeatable job, its `jobId` the key: Bull keeps it in Redis (`<prefix>:<queue>:repeat`)
   * with its next slot's job delayed until then, and makes the following slot's job when one is
   * taken, under an id derived from the key and the slot, so two processes make one job per slot.
   */
  async repeat<P>(queue: string, key: string, payload: P, options: RepeatOptions): Promise<Repeatable> {
    assertQueueName(queue);
    assertRepeatKey(key);
    const { cron, tz = 'UTC', ...jobOptions } = options;
    assertRepeat(cron, tz);
    const { attempts, backoffMs } = resolveJobOptions(jobOptions);
    const bullQueue = this.queue(queue);
    const kept = (await bullQueue.getRepeatableJobs()).filter((r) => r.id === key);
    const same = kept.find((r) => r.cron === cron && (r.tz ?? 'UTC') === tz);
    if (same) return repeatableOf(same);
    for (const other of kept) await bullQueue.removeRepeatableByKey(other.key);
    await bullQueue.add(payload, {
      jobId: key,
      repeat: { cron, tz },
      attempts,
      backoff: { type: DOUBLING_BACKOFF, options: { delayMs: backoffMs } },
      removeOnComplete: KEPT_REPEAT_JOBS,
      removeOnFail: KEPT_REPEAT_JOBS,
    });
    const added = (await bullQueue.getRepeatableJobs()).find((r) => r.id === key && r.cron === cron);
    return added ? repeatableOf(added) : { key, cron, tz, next: null };
  }

  async removeRepeatable(queue: string, key: string): Promise<void> {
    assertQueueName(queue);
    const bullQueue = this.queue(queue);
    for (const kept of await bullQueue.getRepeatableJobs()) {
      if (kept.id === key) await bullQueue.removeRepeatableByKey(kept.key);
    }
  }

  async repeatables(queue: string): Promise<Repeatable[]> {
    assertQueueName(queue);
    const kept = await this.queue(queue).getRepeatableJobs();
    return kept
      .filter((r) => r.id && r.cron)
      .map(repeatableOf)
      .sort((a, b) => a.key.localeCompare(b.key));
  }

  async ping(): Promise<{ kind: string }> {
    this.assertOpen();
    if (!this.pingClient) {
      this.pingClient = new Redis(this.redisUrl, {
        lazyConnect: true,
        maxRetriesPerRequest: 1,
        connectTimeout: this.pingTimeoutMs,
        // When the socket is already gone, ioredis still waits this long for it to close on
        // disconnect (2 s by default), holding the process open.
        disconnectTimeout: 100,
      });
      this.pingClient.on('error', () => undefined); // failures are reported by ping() itself
    }
    const reply = await withTimeout(this.pingClient.ping(), this.pingTimeoutMs, 'Redis did not answer PING');
    if (reply !== 'PONG') throw new Error(`unexpected PING reply from Redis: ${reply}`);
    return { kind: 'bull' };
  }

  /** Stops taking jobs, waits for running handlers, closes every Redis connection. Idempotent. */
  close(): Promise<void> {
    this.closing ??= this.closeAll();
    return this.closing;
  }

  private async closeAll(): Promise<void> {
    // A queue made just before the close (a processor or a repeatable registered at start) may still
    // be connecting its clients; closing them mid-connection leaves Bull's own commands failing
    // with "Connection is closed" where nobody awaits them. Let each finish connecting first.
    await Promise.all([...this.queues.values()].map((queue) => queue.isReady().catch(() => undefined)));
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
    const client = this.pingClient;
    if (client) {
      if (client.status === 'ready') await client.quit().catch(() => client.disconnect());
      else client.disconnect();
    }
  }

  private assertOpen(): void {
    if (this.closing) throw new JobQueueClosedError();
  }

  private queue(name: string): Bull.Queue {
    this.assertOpen();
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Bull(name, this.redisUrl, {
        prefix: this.prefix,
        settings: {
          // A worker holds a running job this long, renewing it half-way; a job whose holder died is
          // found stalled at the next check and given to another worker.
          lockDuration: this.lockMs,
          stalledInterval: this.lockMs,
          backoffStrategies: {
            [DOUBLING_BACKOFF]: (attemptsMade: number, _error: Error, options?: { delayMs?: number }) =>
              retryDelayMs(options?.delayMs ?? 0, attemptsMade),
          },
        },
      });
      queue.on('error', (error: Error) => this.onError(error, name));
      this.queues.set(name, queue);
    }
    return queue;
  }
}

const STATES: Record<string, JobState> = {
  waiting: 'waiting',
  paused: 'waiting',
  delayed: 'delayed',
  active: 'active',
  completed: 'completed',
  failed: 'failed',
};

/**
 * Bull checks the job's lists one after another, so a job moving between two of them can be seen
 * in neither ('stuck'); asking again settles it.
 */
const stateOf = async (job: Bull.Job): Promise<JobState> => {
  for (let tries = 0; tries < 5; tries++) {
    const state = STATES[await job.getState()];
    if (state) return state;
  }
  return 'waiting';
};

/** A repeatable's job carries the slot Bull made it for (`opts.prevMillis`, the cron's instant). */
const slotOf = (job: Bull.Job): { slot?: string } => {
  const millis = (job.opts as { prevMillis?: number }).prevMillis;
  return job.opts.repeat && typeof millis === 'number' ? { slot: new Date(millis).toISOString() } : {};
};

const repeatableOf = (r: Bull.JobInformation): Repeatable => ({ key: String(r.id), cron: r.cron, tz: r.tz ?? 'UTC', next: r.next ? new Date(r.next).toISOString() : null });

const asError = (error: unknown): Error => (error instanceof Error ? error : new Error(errorMessage(error)));

const withTimeout = <T>(promise: Promise<T>, ms: number, message: string): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
    timer.unref();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
};
