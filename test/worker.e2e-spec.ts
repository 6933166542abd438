import { ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { ADMIN_KEY, ApiHarness } from './support/api-harness';
import { queueOnRedis } from './support/profile';

const root = resolve(__dirname, '..');

describe('an API that leaves the read models to a separate worker process', () => {
  let api: ApiHarness;
  let worker: ChildProcess;
  let output = '';

  beforeAll(async () => {
    api = await ApiHarness.start({ OKRUG_PROJECTIONS: 'worker' });
    worker = spawn(process.execPath, ['scripts/run-ts.js', 'apps/worker/src/main.ts'], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', ...api.processEnv({ OKRUG_ADMIN_KEY: ADMIN_KEY }) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    worker.stdout!.on('data', (c) => (output += c));
    worker.stderr!.on('data', (c) => (output += c));
    for (let i = 0; i < 300 && !output.includes('okrug worker is running'); i++) await new Promise((r) => setTimeout(r, 100));
  });
  afterAll(async () => {
    const exited = new Promise((done) => worker.on('exit', done));
    worker.kill('SIGTERM');
    await exited;
    await api.stop();
  });

  it('the worker keeps the read models and a query waits for it with consistentWith', async () => {
    expect(output).toContain('okrug worker is running');
    // The admin key becomes usable once the worker has projected it.
    let status = 0;
    for (let i = 0; i < 100 && status !== 200; i++) {
      status = (await api.as().get('/institutions')).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toBe(200);

    const res = await api.as().post('/institutions').send({ fullName: 'Ремонтненский лицей', shortName: 'Лицей', kind: 'lyceum', settlement: 'с. Ремонтное' });
    expect(res.status).toBe(201);
    const list = await api.as().get(`/institutions?consistentWith=${res.body.position}`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((i: { id: string }) => i.id)).toEqual([res.body.id]);

    const health = await api.http.get('/health');
    expect(health.body.projections.find((p: { name: string }) => p.name === 'institution-list')).toMatchObject({ state: 'remote', lag: 0 });
  });

  // Which answer is right depends on the profile: without a shared queue no worker can receive the request.
  const rebuildTitle = queueOnRedis
    ? 'hands a rebuild request to the worker through the shared queue (REDIS_URL set)'
    : 'refuses a rebuild request that no worker could receive without a shared queue (no REDIS_URL)';
  it(rebuildTitle, async () => {
    const job = await api.as().post('/projections/institution-list/rebuild');
    if (!queueOnRedis) {
      expect(job.status).toBe(422);
      expect(job.body.type).toBe('urn:okrug:problem:no-worker-reachable');
      return;
    }
    expect(job.status).toBe(202);
    let status = job.body;
    for (let i = 0; i < 300 && status.state !== 'completed' && status.state !== 'failed'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      status = (await api.as().get(`/projections/rebuilds/${job.body.id}`)).body;
    }
    expect(status).toMatchObject({ state: 'completed', result: { projection: 'institution-list' } });
    expect(output).toContain('projection rebuilt');
  });
});
