import type { JobQueue } from './job-queue.port';
import { BullJobQueue } from './bull/bull-job-queue';
import { InProcessJobQueue } from './in-process/in-process-job-queue';

export interface CreateJobQueueOptions {
  /** Redis to keep jobs in; without it jobs live in this process only. */
  redisUrl?: string;
  /** Prefix of the Redis keys (Bull only); default `okrug`. */
  prefix?: string;
  /** How long a worker's hold on a running job lasts (Bull only; default 30 s). */
  lockMs?: number;
}

/** Bull on Redis when a Redis URL is given, the in-process queue otherwise. */
export const createJobQueue = (options: CreateJobQueueOptions = {}): JobQueue =>
  options.redisUrl
    ? new BullJobQueue(options.redisUrl, { prefix: options.prefix, lockMs: options.lockMs })
    : new InProcessJobQueue();
