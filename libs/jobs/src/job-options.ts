import type { AddJobOptions } from './job-queue.port';

export const DEFAULT_ATTEMPTS = 3;
export const DEFAULT_BACKOFF_MS = 1000;

export interface ResolvedJobOptions {
  attempts: number;
  backoffMs: number;
}

/** Applies the port's defaults and rejects values no adapter could honour. */
export const resolveJobOptions = (options: AddJobOptions = {}): ResolvedJobOptions => {
  const attempts = options.attempts ?? DEFAULT_ATTEMPTS;
  const backoffMs = options.backoffMs ?? DEFAULT_BACKOFF_MS;
  if (!Number.isInteger(attempts) || attempts < 1) {
    throw new RangeError(`attempts must be a positive integer, got ${attempts}`);
  }
  if (!Number.isFinite(backoffMs) || backoffMs < 0) {
    throw new RangeError(`backoffMs must be a non-negative number, got ${backoffMs}`);
  }
  return { attempts, backoffMs };
};

/** Delay before the retry that follows failed attempt number `attemptsMade` (1-based): backoffMs * 2^(attemptsMade-1). */
export const retryDelayMs = (backoffMs: number, attemptsMade: number): number =>
  Math.round(backoffMs * 2 ** Math.max(0, attemptsMade - 1));

/**
 * Names Bull uses for its own keys next to the job hashes (`<prefix>:<queue>:<name>`); a job id
 * equal to one of them would overwrite queue bookkeeping. Rejected by every adapter so that code
 * tried against the in-process queue behaves the same on Redis.
 */
const RESERVED_JOB_IDS = new Set([
  'wait', 'active', 'delayed', 'completed', 'failed', 'paused', 'priority', 'id', 'meta',
  'stalled', 'stalled-check', 'limiter', 'repeat', 'events', 'drained', 'metrics',
]);

export const assertJobId = (id: string): void => {
  if (typeof id !== 'string' || id.length === 0) {
    throw new TypeError('job id must be a non-empty string');
  }
  if (RESERVED_JOB_IDS.has(id) || /:(logs|lock)$/.test(id)) {
    throw new TypeError(`job id "${id}" is reserved by the queue`);
  }
};

/** A repeatable's key: Bull writes it into its own colon-separated keys, so it must hold no colon; kept short and plain for both adapters. */
const REPEAT_KEY = /^[A-Za-z0-9._-]{1,200}$/;

export const assertRepeatKey = (key: string): void => {
  if (typeof key !== 'string' || !REPEAT_KEY.test(key)) {
    throw new TypeError(`repeatable key "${key}" must be 1 to 200 letters, digits, '.', '_' or '-'`);
  }
};

/** The id of the job a repeatable makes for one slot, the same in every process. */
export const repeatJobId = (key: string, slotMillis: number): string => `repeat-${key}-${slotMillis}`;

export const assertQueueName = (queue: string): void => {
  if (typeof queue !== 'string' || queue.length === 0) {
    throw new TypeError('queue name must be a non-empty string');
  }
};

/** The message recorded for a failed attempt. */
export const errorMessage = (error: unknown): string => {
  if (error instanceof Error) return error.message || error.name;
  if (typeof error === 'string') return error;
  try {
    return JSON.stringify(error) ?? String(error);
  } catch {
    return String(error);
  }
};

/**
 * Copies a value the way a queue that stores JSON would (Dates become strings, functions vanish),
 * so that payloads and results behave the same in memory as on Redis. `undefined` stays `undefined`.
 */
export const jsonCopy = <T>(value: T): T => {
  const text = JSON.stringify(value);
  return (text === undefined ? undefined : JSON.parse(text)) as T;
};

export class JobQueueClosedError extends Error {
  constructor() {
    super('the job queue is closed');
    this.name = 'JobQueueClosedError';
  }
}
