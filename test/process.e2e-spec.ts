import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { freePort, root, startServerProcess } from './support/server-process';
import { TestInstallation } from './support/profile';

/** Starts the server as `npm start` does, and waits until it listens. */
const startServer = (env: Record<string, string>) => startServerProcess(env);

describe('the server process', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'okrug-process-'));
  const installation = TestInstallation.create();
  afterAll(async () => {
    rmSync(dataDir, { recursive: true, force: true });
    await installation.drop();
  });

  it('refuses to start on an invalid configuration, naming each wrong value', async () => {
    const child = spawn(process.execPath, ['scripts/run-ts.js', 'apps/api/src/main.ts'], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', PORT: 'http', REDIS_URL: 'localhost:6379', OKRUG_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (c) => (stderr += c));
    const code = await new Promise((done) => child.on('exit', done));
    expect(code).toBe(2);
    expect(stderr).toContain("PORT: 'http' is not a port number");
    expect(stderr).toContain("REDIS_URL: scheme 'localhost' is not supported; use redis:// or rediss://");
  });

  it('prints an admin key once, serves with it, finishes in-flight writes on SIGTERM, and keeps them', async () => {
    const port = await freePort();
    const env = installation.with({ PORT: String(port), OKRUG_DATA_DIR: dataDir, OKRUG_DEPARTMENT: 'murygino' });
    const first = await startServer(env);
    const key = /^\s+(okrug_[A-Za-z0-9_-]+)\s*$/m.exec(first.output())?.[1];
    expect(key).toBeDefined();
    const url = `http://127.0.0.1:${port}`;

    // A burst of writes, and SIGTERM while they are in flight.
    const write = (i: number) =>
      request(url)
        .post('/institutions')
        .set('Authorization', `Bearer ${key}`)
        .send({ fullName: `Школа № ${i + 1}`, shortName: `СШ № ${i + 1}`, kind: 'general-school', settlement: 'Мурыгино' })
        .then((res) => res.status)
        .catch(() => 'refused');
    for (let i = 0; i < 5; i++) expect(await write(100 + i)).toBe(201);
    const writes = Array.from({ length: 30 }, (_, i) => write(i));
    await new Promise((r) => setTimeout(r, 10));
    first.child.kill('SIGTERM');
    const statuses = await Promise.all(writes);
    expect(await first.exited).toBe('SIGTERM');
    expect(first.output()).toContain('stores closed');
    const acknowledged = statuses.filter((s) => s === 201).length + 5;

    const second = await startServer(env);
    try {
      expect(second.output()).not.toContain('okrug_');
      const list = await request(url).get('/institutions?limit=100').set('Authorization', `Bearer ${key}`);
      expect(list.status).toBe(200);
      // Every acknowledged write is there; nothing was half-written.
      expect(list.body.total).toBeGreaterThanOrEqual(acknowledged);
      const requestLog = () => second.output().split('\n').find((line) => line.includes('"msg":"request"'));
      for (let i = 0; i < 40 && !requestLog(); i++) await new Promise((r) => setTimeout(r, 50));
      const log = requestLog();
      expect(JSON.parse(log!)).toMatchObject({ msg: 'request', method: 'GET', status: 200, correlationId: expect.any(String) });
    } finally {
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe('SIGTERM');
    }
  });
});
