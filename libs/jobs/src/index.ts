export * from './job-queue.port';
export { DEFAULT_ATTEMPTS, DEFAULT_BACKOFF_MS, JobQueueClosedError } from './job-options';
export * from './in-process/in-process-job-queue';
export * from './bull/bull-job-queue';
export * from './create-job-queue';
export { cronProblem, isTimeZone, nextSlot, nextSlots, previousSlot } from './cron';
