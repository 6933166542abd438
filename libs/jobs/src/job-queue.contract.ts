import type { Job, JobQueue, JobState, JobStatus } from './job-queue.port';

export interface OpenedJobQueue {
  queue: JobQueue;
  /** Closes the queue (if the test has not) and releases whatever open() set up. */
  cleanup(): Promise<void>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

let counter = 0;
/** A queue name no other test (nor an earlier run against the same store) has used. */
const uniqueQueue = (label: string) => `${label}-${Date.now().toString(36)}-${(counter++).toString(36)}`;

/** Polls the status until `accept` holds; fails with the last status seen. */
const waitForStatus = async (
  queue: JobQueue,
  name: string,
  id: string,
  accept: (status: JobStatus | null) => boolean,
  timeoutMs = 10_000,
): Promise<JobStatus> => {
  const deadline = Date.now() + timeoutMs;
  let last: JobStatus | null = null;
  for (;;) {
    last = await queue.status(name, id);
    if (accept(last)) return last!;
    if (Date.now() > deadline) {
      throw new Error(`job ${name}/${id} did not reach the expected status; last seen: ${JSON.stringify(last)}`);
    }
    await sleep(10);
  }
};

const finished = (status: JobStatus | null) => status?.state === 'completed' || status?.state === 'failed';
const inState = (state: JobState) => (status: JobStatus | null) => status?.state === state;

/**
 * The behaviour every JobQueue adapter shares. `open` gives a fresh queue per test, isolated from
 * the others (its own key prefix on a shared server, for instance).
 */
export const jobQueueContract = (name: string, open: () => Promise<OpenedJobQueue>): void => {
  describe(`${name} (JobQueue contract)`, () => {
    let opened: OpenedJobQueue | undefined;
    let jobs: JobQueue;

    beforeEach(async () => {
      opened = await open();
      jobs = opened.queue;
    });

    afterEach(async () => {
      await opened?.cleanup();
      opened = undefined;
    });

    it('runs a job and keeps its result in the status', async () => {
      const name = uniqueQueue('runs');
      const seen: Job<{ n: number }>[] = [];
      jobs.process<{ n: number }>(name, async (job) => {
        seen.push(job);
        return { doubled: job.payload.n * 2 };
      });

      const added = await jobs.add(name, 'job-1', { n: 21 });
      expect(added).toMatchObject({ id: 'job-1', queue: name, payload: { n: 21 }, maxAttempts: 3 });
      expect(Number.isNaN(Date.parse(added.createdAt))).toBe(false);

      const done = await waitForStatus(jobs, name, 'job-1', finished);
      expect(done).toMatchObject({
        id: 'job-1',
        queue: name,
        state: 'completed',
        payload: { n: 21 },
        result: { doubled: 42 },
        attemptsMade: 1,
        maxAttempts: 3,
      });
      expect(done.error).toBeUndefined();
      expect(Date.parse(done.finishedAt!)).toBeGreaterThanOrEqual(Date.parse(done.createdAt));
      expect(seen).toEqual([{ id: 'job-1', queue: name, payload: { n: 21 }, attemptsMade: 1 }]);
    });

    it('keeps one job per id: a second add returns the existing job and runs nothing', async () => {
      const name = uniqueQueue('idempotent');
      let runs = 0;
      jobs.process(name, async () => {
        runs += 1;
        await sleep(30);
        return 'once';
      });

      await jobs.add(name, 'same', { version: 1 });
      const again = await jobs.add(name, 'same', { version: 2 }, { attempts: 5 });
      expect(again).toMatchObject({ id: 'same', payload: { version: 1 }, maxAttempts: 3 });

      await waitForStatus(jobs, name, 'same', finished);
      const afterCompletion = await jobs.add(name, 'same', { version: 3 });
      expect(afterCompletion).toMatchObject({ state: 'completed', payload: { version: 1 }, result: 'once' });

      await sleep(100);
      expect(runs).toBe(1);
    });

    it('retries a failing job until it succeeds', async () => {
      const name = uniqueQueue('retries');
      const attemptsSeen: number[] = [];
      jobs.process(name, async (job) => {
        attemptsSeen.push(job.attemptsMade);
        if (job.attemptsMade < 3) throw new Error(`boom ${job.attemptsMade}`);
        return 'third time lucky';
      });

      await jobs.add(name, 'flaky', {}, { attempts: 3, backoffMs: 20 });

      const done = await waitForStatus(jobs, name, 'flaky', finished);
      expect(done).toMatchObject({ state: 'completed', attemptsMade: 3, maxAttempts: 3, result: 'third time lucky' });
      expect(done.error).toBe('boom 2'); // the last failure stays visible
      expect(attemptsSeen).toEqual([1, 2, 3]);
    });

    it('fails a job for good once its attempts are used up', async () => {
      const name = uniqueQueue('fails');
      let runs = 0;
      jobs.process(name, async () => {
        runs += 1;
        throw new Error('always broken');
      });

      await jobs.add(name, 'doomed', { x: 1 }, { attempts: 2, backoffMs: 20 });

      const done = await waitForStatus(jobs, name, 'doomed', finished);
      expect(done).toMatchObject({ state: 'failed', attemptsMade: 2, maxAttempts: 2, error: 'always broken' });
      expect(done.result).toBeUndefined();
      expect(done.finishedAt).toBeDefined();
      await sleep(60);
      expect(runs).toBe(2);
    });

    it('waits before a retry, twice as long before each later one', async () => {
      const name = uniqueQueue('backoff');
      const backoffMs = 100;
      const starts: number[] = [];
      const failures: number[] = [];
      jobs.process(name, async (job) => {
        starts.push(Date.now());
        if (job.attemptsMade < 3) {
          failures.push(Date.now());
          throw new Error('not yet');
        }
        return 'ok';
      });

      await jobs.add(name, 'patient', {}, { attempts: 3, backoffMs });

      // Between attempts the job waits as 'delayed', carrying the failure.
      const waiting = await waitForStatus(jobs, name, 'patient', (s) => s?.state === 'delayed' || finished(s));
      expect(waiting).toMatchObject({ state: 'delayed', attemptsMade: 1, error: 'not yet' });

      await waitForStatus(jobs, name, 'patient', finished);
      expect(starts).toHaveLength(3);
      // Loose bounds: timers may fire a little early or late, the order of magnitude is what counts.
      expect(starts[1] - failures[0]).toBeGreaterThanOrEqual(backoffMs * 0.8);
      expect(starts[2] - failures[1]).toBeGreaterThanOrEqual(2 * backoffMs * 0.8);
    });

    it('runs at most `concurrency` jobs of a queue at once', async () => {
      const name = uniqueQueue('concurrency');
      const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
      for (const id of ids) await jobs.add(name, id, {});
      let running = 0;
      let mostAtOnce = 0;
      jobs.process(
        name,
        async () => {
          running += 1;
          mostAtOnce = Math.max(mostAtOnce, running);
          await sleep(60);
          running -= 1;
        },
        { concurrency: 2 },
      );

      for (const id of ids) {
        expect(await waitForStatus(jobs, name, id, finished)).toMatchObject({ state: 'completed' });
      }
      expect(mostAtOnce).toBe(2);
    });

    it('answers null for a job it does not know', async () => {
      const name = uniqueQueue('unknown');
      expect(await jobs.status(name, 'nobody')).toBeNull();
      await jobs.add(name, 'somebody', {});
      expect(await jobs.status(name, 'nobody')).toBeNull();
    });

    it('keeps jobs added before any handler waiting, and runs them once one registers', async () => {
      const name = uniqueQueue('early');
      const added = await jobs.add(name, 'early-bird', { n: 1 });
      expect(added).toMatchObject({ state: 'waiting', attemptsMade: 0 });
      await sleep(80);
      expect(await jobs.status(name, 'early-bird')).toMatchObject({ state: 'waiting', attemptsMade: 0 });

      let runs = 0;
      jobs.process<{ n: number }>(name, async (job) => {
        runs += 1;
        return job.payload.n + 1;
      });

      expect(await waitForStatus(jobs, name, 'early-bird', finished)).toMatchObject({ state: 'completed', result: 2 });
      expect(runs).toBe(1);
    });

    it('keeps queues apart: the same id in two queues is two jobs', async () => {
      const first = uniqueQueue('apart');
      const second = uniqueQueue('apart');
      jobs.process(first, async () => 'first');
      jobs.process(second, async () => 'second');
      await jobs.add(first, 'shared-id', {});
      await jobs.add(second, 'shared-id', {});
      expect(await waitForStatus(jobs, first, 'shared-id', finished)).toMatchObject({ queue: first, result: 'first' });
      expect(await waitForStatus(jobs, second, 'shared-id', finished)).toMatchObject({ queue: second, result: 'second' });
    });

    it('makes one job per slot of a repeatable, each given its slot, until it is removed', async () => {
      const name = uniqueQueue('repeat');
      const seen: Job<{ schedule: string }>[] = [];
      jobs.process<{ schedule: string }>(name, async (job) => {
        seen.push(job);
      });
      const kept = await jobs.repeat(name, 'every-second', { schedule: 's1' }, { cron: '* * * * * *', tz: 'Europe/Kyiv' });
      expect(kept).toMatchObject({ key: 'every-second', cron: '* * * * * *', tz: 'Europe/Kyiv' });
      expect(Date.parse(kept.next!) % 1000).toBe(0);
      for (let i = 0; i < 400 && seen.length < 2; i++) await sleep(10);
      expect(seen.length).toBeGreaterThanOrEqual(2);
      const slots = seen.map((job) => job.slot!);
      expect(new Set(slots).size).toBe(slots.length); // one job per slot
      for (const job of seen) {
        expect(job.payload).toEqual({ schedule: 's1' });
        expect(Date.parse(job.slot!) % 1000).toBe(0); // the cron's instant, not when it ran
      }
      expect(Date.parse(slots[1]) - Date.parse(slots[0])).toBe(1000);

      await jobs.removeRepeatable(name, 'every-second');
      expect(await jobs.repeatables(name)).toEqual([]);
      const after = seen.length;
      await sleep(1500);
      expect(seen.length).toBe(after);
    });

    it('keeps one repeatable per key: the same again changes nothing, another cron or zone replaces it', async () => {
      const name = uniqueQueue('repeat-key');
      const yearly = { cron: '0 6 25 10 *', tz: 'Europe/Kyiv' };
      const first = await jobs.repeat(name, 'annual', { n: 1 }, yearly);
      // 25 October, 06:00 in Kyiv is 03:00 UTC (summer time, UTC+3).
      expect(first.next).toMatch(/-10-25T03:00:00\.000Z$/);
      expect(await jobs.repeat(name, 'annual', { n: 2 }, yearly)).toEqual(first);
      await jobs.repeat(name, 'other', { n: 3 }, { cron: '0 0 1 1 *' });
      expect((await jobs.repeatables(name)).map((r) => [r.key, r.cron, r.tz])).toEqual([
        ['annual', '0 6 25 10 *', 'Europe/Kyiv'],
        ['other', '0 0 1 1 *', 'UTC'],
      ]);
      const moved = await jobs.repeat(name, 'annual', { n: 4 }, { cron: '0 6 25 10 *', tz: 'Asia/Tokyo' });
      expect(moved.next).toMatch(/-10-24T21:00:00\.000Z$/);
      expect((await jobs.repeatables(name)).map((r) => [r.key, r.tz])).toEqual([
        ['annual', 'Asia/Tokyo'],
        ['other', 'UTC'],
      ]);
      await jobs.removeRepeatable(name, 'annual');
      await jobs.removeRepeatable(name, 'never-kept');
      expect((await jobs.repeatables(name)).map((r) => r.key)).toEqual(['other']);
      await jobs.removeRepeatable(name, 'other');
    });

    it('refuses a repeatable of a bad cron, zone or key', async () => {
      const name = uniqueQueue('repeat-bad');
      await expect(jobs.repeat(name, 'k', {}, { cron: '61 * * * *' })).rejects.toThrow(RangeError);
      await expect(jobs.repeat(name, 'k', {}, { cron: '* * *' })).rejects.toThrow(RangeError);
      await expect(jobs.repeat(name, 'k', {}, { cron: '0 6 25 10 *', tz: 'Europe/Nowhere' })).rejects.toThrow(RangeError);
      await expect(jobs.repeat(name, 'a:b', {}, { cron: '0 6 25 10 *' })).rejects.toThrow(TypeError);
      expect(await jobs.repeatables(name)).toEqual([]);
    });

    it('answers ping while open', async () => {
      const answer = await jobs.ping();
      expect(typeof answer.kind).toBe('string');
    });

    it('waits for running jobs when closed', async () => {
      const name = uniqueQueue('close');
      let started = false;
      let finishedRun = false;
      jobs.process(name, async () => {
        started = true;
        await sleep(150);
        finishedRun = true;
      });
      await jobs.add(name, 'in-flight', {});
      await waitForStatus(jobs, name, 'in-flight', () => started);

      await jobs.close();
      expect(finishedRun).toBe(true);
      await expect(jobs.add(name, 'too-late', {})).rejects.toThrow();
    });
  });
};
