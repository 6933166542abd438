import { describeWithServer, redisServerBinary, startRedisServer, type RedisServerHandle } from '@app/testing';
import { jobQueueContract } from '../job-queue.contract';
import { BullJobQueue } from './bull-job-queue';

let prefixes = 0;
/** Every test gets its own key prefix on the shared server. */
const uniquePrefix = () => `test-${process.pid}-${prefixes++}`;

describeWithServer(
  'BullJobQueue',
  redisServerBinary(),
  'no redis-server binary found (set REDIS_SERVER_BIN or put redis-server on PATH)',
  () => {
    let server: RedisServerHandle;

    beforeAll(async () => {
      const started = await startRedisServer();
      if (!started) throw new Error('redis-server was found but could not be started');
      server = started;
    });

    afterAll(async () => {
      await server?.stop();
    });

    jobQueueContract('BullJobQueue', async () => {
      const queue = new BullJobQueue(server.url, { prefix: uniquePrefix() });
      return { queue, cleanup: () => queue.close() };
    });

    describe('BullJobQueue on Redis', () => {
      it('keeps its jobs under its prefix and finds them again from a new instance', async () => {
        const prefix = uniquePrefix();
        const first = new BullJobQueue(server.url, { prefix });
        await first.add('kept', 'k', { n: 1 });
        await first.close();

        const second = new BullJobQueue(server.url, { prefix });
        const other = new BullJobQueue(server.url, { prefix: uniquePrefix() });
        try {
          expect(await second.status('kept', 'k')).toMatchObject({ state: 'waiting', payload: { n: 1 } });
          expect(await other.status('kept', 'k')).toBeNull();
        } finally {
          await Promise.all([second.close(), other.close()]);
        }
      });

      it('makes one job per slot when two processes keep the same repeatable on one Redis', async () => {
        const prefix = uniquePrefix();
        const workers = [new BullJobQueue(server.url, { prefix }), new BullJobQueue(server.url, { prefix })];
        const slots: string[] = [];
        try {
          for (const worker of workers) {
            worker.process('twice', async (job) => {
              slots.push(job.slot!);
            });
          }
          await Promise.all(workers.map((worker) => worker.repeat('twice', 'every-second', {}, { cron: '* * * * * *' })));
          for (let i = 0; i < 600 && slots.length < 3; i++) await new Promise((resolve) => setTimeout(resolve, 10));
          await workers[0].removeRepeatable('twice', 'every-second');
          expect(slots.length).toBeGreaterThanOrEqual(3);
          expect(new Set(slots).size).toBe(slots.length);
        } finally {
          await Promise.all(workers.map((worker) => worker.close()));
        }
      });

      it('reports the adapter in ping and fails ping when Redis is unreachable', async () => {
        const queue = new BullJobQueue(server.url, { prefix: uniquePrefix() });
        try {
          expect(await queue.ping()).toEqual({ kind: 'bull' });
        } finally {
          await queue.close();
        }

        // Port 1 (tcpmux) is privileged and unused here, so the connection is refused.
        const unreachable = new BullJobQueue('redis://127.0.0.1:1', { pingTimeoutMs: 500 });
        try {
          await expect(unreachable.ping()).rejects.toThrow();
        } finally {
          await unreachable.close();
        }
      });
    });
  },
);
