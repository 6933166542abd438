import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { SqliteEventStore } from '@app/event-store';
import { reportStream } from '@app/reporting';
import { ADMIN_KEY, ApiHarness } from './support/api-harness';
import { queueOnRedis, TestInstallation } from './support/profile';
import { reportGeneratorTestModule } from './support/report-generators';
import { freePort, startServerProcess } from './support/server-process';

const KEY = 'e2e-reports-admin-key-0123456789';

/**
 * Reports in real processes (docs/reporting.md, "The job"). Jobs are never lost: the server, a real
 * process with the tests' slow report generator (test/support/report-server.ts), is killed with
 * SIGKILL while one report is being generated and two wait, and started again on the same data:
 * every one of them is generated, each recorded once. In the embedded profile the in-process
 * queue died with the process and the restart queues the unfinished reports again; on Bull the
 * jobs outlived it, and the one that was running comes back once its lock has run out. And with
 * the processors left to a worker (test/support/report-worker.ts), the worker generates them.
 */
describe('reports in server processes: a crash (kill -9), a worker', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'okrug-reports-process-'));
  const installation = TestInstallation.create();
  afterAll(async () => {
    rmSync(dataDir, { recursive: true, force: true });
    await installation.drop();
  });

  it('generates after the restart every report requested or generating when the server died, each once', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const env = installation.with({ PORT: String(port), OKRUG_DATA_DIR: dataDir, OKRUG_ADMIN_KEY: KEY, OKRUG_DEPARTMENT: 'murygino', OKRUG_TEST_REPORT_DELAY_MS: '2000', OKRUG_QUEUE_LOCK_MS: '5000' });
    const start = () => startServerProcess(env, { script: 'test/support/report-server.ts' });
    const as = () => ({
      get: (path: string) => request(url).get(path).set('Authorization', `Bearer ${KEY}`),
      post: (path: string) => request(url).post(path).set('Authorization', `Bearer ${KEY}`),
    });
    const status = async (reportId: string) => (await as().get(`/reports/${reportId}`)).body as { status: string; progress: number; attempts: number; artifact: { hash: string } | null };

    const first = await start();
    const network = (await as().post('/networks').send({ name: 'Школьный округ № 3', kind: 'educational-district' })).body.id;
    const reports: string[] = [];
    for (const language of ['ru', 'uk', 'en']) {
      const res = await as().post('/reports').send({ report: 'annual-analysis', format: 'json', parameters: { networkId: network, period: { kind: 'academic-year', academicYear: '2020/2021' }, language } });
      expect(res.status).toBe(202);
      reports.push(res.body.id);
    }
    // One is half-way through its generation (its progress recorded), the others wait.
    let generating = await status(reports[0]);
    for (let i = 0; i < 200 && !(generating.status === 'generating' && generating.progress >= 0.2); i++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      generating = await status(reports[0]);
    }
    expect(generating).toMatchObject({ status: 'generating', attempts: 1 });
    first.child.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');

    const second = await start();
    try {
      const deadline = Date.now() + 240_000;
      let states = await Promise.all(reports.map(status));
      while (states.some((s) => s.status !== 'generated') && Date.now() < deadline) {
        expect(states.filter((s) => s.status === 'failed')).toEqual([]);
        await new Promise((resolve) => setTimeout(resolve, 200));
        states = await Promise.all(reports.map(status));
      }
      expect(states.map((s) => s.status)).toEqual(['generated', 'generated', 'generated']);
      // The one cut short was started again.
      expect(states[0].attempts).toBeGreaterThanOrEqual(2);
      for (const [i, reportId] of reports.entries()) {
        const content = await as().get(`/reports/${reportId}/content`).buffer(true);
        expect(content.status).toBe(200);
        const bytes = Buffer.isBuffer(content.body) ? content.body : Buffer.from(content.text);
        expect(createHash('sha256').update(bytes).digest('hex')).toBe(states[i].artifact!.hash);
      }
      if (!queueOnRedis) expect(second.output()).toContain('report job queued again');
    } finally {
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe('SIGTERM');
    }

    // Each report has one outcome in its stream.
    const store = await SqliteEventStore.open({ file: join(dataDir, 'okrug.sqlite') });
    try {
      for (const reportId of reports) {
        const types = (await store.readStream(reportStream(reportId))).map((e) => e.type);
        expect({ reportId, generated: types.filter((t) => t === 'ReportGenerated').length, failed: types.filter((t) => t === 'ReportFailed').length }).toEqual({ reportId, generated: 1, failed: 0 });
      }
    } finally {
      await store.close();
    }
  }, 330_000);

  it('has a worker generate the reports when the API leaves the processors to workers (OKRUG_PROJECTIONS=worker)', async () => {
    const api = await ApiHarness.start({ OKRUG_PROJECTIONS: 'worker' }, TestInstallation.create(), undefined, [reportGeneratorTestModule()]);
    const worker = await startServerProcess(api.processEnv({ OKRUG_ADMIN_KEY: ADMIN_KEY }), { script: 'test/support/report-worker.ts', ready: 'okrug worker is running' });
    try {
      // The admin key is usable once the worker has projected it.
      let network = await api.as().post('/networks').send({ name: 'Школьный округ № 3', kind: 'educational-district' });
      for (let i = 0; i < 100 && network.status !== 201; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        network = await api.as().post('/networks').send({ name: 'Школьный округ № 3', kind: 'educational-district' });
      }
      expect(network.status).toBe(201);
      const asked = await api.as().post('/reports').send({ report: 'annual-analysis', format: 'json', parameters: { networkId: network.body.id, period: { kind: 'academic-year', academicYear: '2020/2021' }, language: 'ru' } });
      expect(asked.status).toBe(202);
      let report = (await api.as().get(`/reports/${asked.body.id}?consistentWith=${asked.body.position}`)).body;
      for (let i = 0; i < 200 && report.status !== 'generated'; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        report = (await api.as().get(`/reports/${asked.body.id}`)).body;
      }
      expect(report).toMatchObject({ status: 'generated', position: network.body.position });
      // The API reads the document the worker stored (the data directory, or GridFS).
      const content = await api.as().get(`/reports/${asked.body.id}/content`).buffer(true);
      expect(content.status).toBe(200);
      expect(content.headers.etag).toBe(`"${report.artifact.hash}"`);
    } finally {
      worker.child.kill('SIGTERM');
      await worker.exited;
      await api.stop();
    }
  }, 60_000);
});
