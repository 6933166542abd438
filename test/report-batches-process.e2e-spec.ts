import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { SqliteEventStore } from '@app/event-store';
import { reportBatchStream, reportStream } from '@app/reporting';
import { queueOnRedis, TestInstallation } from './support/profile';
import { freePort, startServerProcess } from './support/server-process';

const KEY = 'e2e-report-batches-admin-key-0123';
const NETWORKS = 5;

interface BatchAnswer {
  status: string;
  counts: { total: number; requested: number; generating: number; generated: number; failed: number };
  reports: { networkId: string; reportId: string; status: string; progress: number; attempts: number }[];
}

/**
 * A batch in real processes (docs/reporting.md, "Batches"): the server, a real process with the
 * tests' slow report generator (test/support/report-server.ts), is killed with SIGKILL in the
 * middle of a batch of five networks (some reports generated, one half-way, the others waiting),
 * and started again on the same data: every report of the batch is generated, each recorded
 * once; no network has two reports and no report two outcomes. Both profiles (on Bull the report
 * that was running comes back once its job's lock has run out, about 30 s).
 */
describe('a report batch in server processes: a crash (kill -9) in the middle of it', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'okrug-batch-process-'));
  const installation = TestInstallation.create();
  afterAll(async () => {
    rmSync(dataDir, { recursive: true, force: true });
    await installation.drop();
  });

  it('generates after the restart every report of the batch not done when the server died, each network’s once', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const env = installation.with({ PORT: String(port), OKRUG_DATA_DIR: dataDir, OKRUG_ADMIN_KEY: KEY, OKRUG_DEPARTMENT: 'murygino', OKRUG_TEST_REPORT_DELAY_MS: '1000', OKRUG_QUEUE_LOCK_MS: '5000' });
    const start = () => startServerProcess(env, { script: 'test/support/report-server.ts' });
    const as = () => ({
      get: (path: string) => request(url).get(path).set('Authorization', `Bearer ${KEY}`),
      post: (path: string) => request(url).post(path).set('Authorization', `Bearer ${KEY}`),
    });
    const batchOf = async (batchId: string) => (await as().get(`/report-batches/${batchId}`)).body as BatchAnswer;

    const first = await start();
    const networks: string[] = [];
    for (let i = 1; i <= NETWORKS; i++) {
      const res = await as().post('/networks').send({ name: `Школьный округ № ${i}`, kind: 'educational-district' });
      expect(res.status).toBe(201);
      networks.push(res.body.id);
    }
    const asked = await as().post('/report-batches').send({ report: 'annual-analysis', format: 'json', parameters: { period: { kind: 'academic-year', academicYear: '2020/2021' }, language: 'ru' } });
    expect(asked.status).toBe(202);
    const batchId = asked.body.id as string;

    // Some generated, one half-way through its generation (its progress recorded), the others waiting.
    const halfWay = (b: BatchAnswer) => b.counts?.generated >= 2 && b.reports.some((r) => r.status === 'generating' && r.progress >= 0.2);
    let batch = await batchOf(batchId);
    for (let i = 0; i < 800 && !halfWay(batch); i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      batch = await batchOf(batchId);
    }
    expect(batch).toMatchObject({ status: 'generating', counts: { total: NETWORKS, failed: 0 } });
    expect(halfWay(batch)).toBe(true);
    expect(batch.counts.generated).toBeLessThan(NETWORKS);
    first.child.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');
    const cutShort = batch.reports.find((r) => r.status === 'generating')!;

    const second = await start();
    try {
      const deadline = Date.now() + 240_000;
      batch = await batchOf(batchId);
      while (batch.status !== 'generated' && Date.now() < deadline) {
        expect(batch.counts.failed).toBe(0);
        await new Promise((resolve) => setTimeout(resolve, 200));
        batch = await batchOf(batchId);
      }
      expect(batch).toMatchObject({ status: 'generated', counts: { total: NETWORKS, generated: NETWORKS, failed: 0 } });
      expect(batch.reports.map((r) => r.networkId).sort()).toEqual([...networks].sort());
      // The one cut short was started again.
      expect(batch.reports.find((r) => r.reportId === cutShort.reportId)!.attempts).toBeGreaterThanOrEqual(2);
      const listed = (await as().get(`/reports?batch=${batchId}`)).body.items as { reportId: string }[];
      expect(listed.map((r) => r.reportId).sort()).toEqual(batch.reports.map((r) => r.reportId).sort());
      if (!queueOnRedis) expect(second.output()).toContain('report job queued again');
    } finally {
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe('SIGTERM');
    }

    // The batch once; each network's report requested once, with one outcome; no other report names the batch.
    const store = await SqliteEventStore.open({ file: join(dataDir, 'okrug.sqlite') });
    try {
      expect((await store.readStream(reportBatchStream(batchId))).map((e) => e.type)).toEqual(['ReportBatchRequested']);
      for (const { reportId } of batch.reports) {
        const types = (await store.readStream(reportStream(reportId))).map((e) => e.type);
        expect({ reportId, requested: types.filter((t) => t === 'ReportRequested').length, generated: types.filter((t) => t === 'ReportGenerated').length, failed: types.filter((t) => t === 'ReportFailed').length }).toEqual({
          reportId,
          requested: 1,
          generated: 1,
          failed: 0,
        });
      }
      const naming: string[] = [];
      for (let after = 0; ; ) {
        const events = await store.readAll({ after, maxCount: 500 });
        if (events.length === 0) break;
        for (const e of events) if (e.type === 'ReportRequested' && (e.data as { batchId?: string }).batchId === batchId) naming.push((e.data as { parameters: { networkId: string } }).parameters.networkId);
        after = events[events.length - 1].position;
      }
      expect(naming.sort()).toEqual([...networks].sort());
    } finally {
      await store.close();
    }
  }, 330_000);
});
