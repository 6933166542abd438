import { jobQueueContract } from '../job-queue.contract';
import { InProcessJobQueue } from './in-process-job-queue';

jobQueueContract('InProcessJobQueue', async () => {
  const queue = new InProcessJobQueue();
  return { queue, cleanup: () => queue.close() };
});

describe('InProcessJobQueue', () => {
  it('drops pending retries on close without waiting for their timers', async () => {
    const queue = new InProcessJobQueue();
    let runs = 0;
    queue.process('slow-retry', async () => {
      runs += 1;
      throw new Error('later');
    });
    await queue.add('slow-retry', 'r', {}, { attempts: 2, backoffMs: 60_000 });
    for (let i = 0; i < 100 && (await queue.status('slow-retry', 'r'))?.state !== 'delayed'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect((await queue.status('slow-retry', 'r'))?.state).toBe('delayed');

    const started = Date.now();
    await queue.close();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(runs).toBe(1);
  });

  it('stores payloads and results as JSON would', async () => {
    const queue = new InProcessJobQueue();
    const at = new Date('2024-09-01T00:00:00.000Z');
    const payload = { at, nested: { list: [1] } };
    queue.process<{ at: unknown }>('json', async (job) => ({ got: job.payload.at }));
    await queue.add('json', 'j', payload);
    payload.nested.list.push(2); // later changes by the caller do not reach the job
    for (let i = 0; i < 100 && (await queue.status('json', 'j'))?.state !== 'completed'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(await queue.status('json', 'j')).toMatchObject({
      payload: { at: '2024-09-01T00:00:00.000Z', nested: { list: [1] } },
      result: { got: '2024-09-01T00:00:00.000Z' },
    });
    await queue.close();
  });

  it('forgets the finished jobs of a repeatable beyond the newest it keeps', async () => {
    const queue = new InProcessJobQueue({ keptRepeatJobs: 2 });
    const ids: string[] = [];
    queue.process('kept', async (job) => {
      ids.push(job.id);
    });
    await queue.repeat('kept', 'every-second', {}, { cron: '* * * * * *' });
    for (let i = 0; i < 500 && ids.length < 4; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    await queue.removeRepeatable('kept', 'every-second');
    const kept = await Promise.all(ids.map((id) => queue.status('kept', id)));
    // The older ones forgotten, the newest two kept.
    expect(kept.map((status) => status?.state ?? null)).toEqual([...ids.slice(2).map(() => null), 'completed', 'completed']);
    await queue.close();
  });

  it('rejects invalid options and ids', async () => {
    const queue = new InProcessJobQueue();
    await expect(queue.add('q', 'x', {}, { attempts: 0 })).rejects.toThrow(RangeError);
    await expect(queue.add('q', 'x', {}, { backoffMs: -1 })).rejects.toThrow(RangeError);
    await expect(queue.add('q', '', {})).rejects.toThrow(TypeError);
    await expect(queue.add('q', 'completed', {})).rejects.toThrow(TypeError);
    expect(() => queue.process('q', async () => 1, { concurrency: 0 })).toThrow(RangeError);
    queue.process('q', async () => 1);
    expect(() => queue.process('q', async () => 2)).toThrow();
    await queue.close();
  });
});
