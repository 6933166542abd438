import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { loadConfig, openReadStore } from '@app/platform';
import { freePort, startServerProcess } from './support/server-process';
import { TestInstallation, readModelsInMongo } from './support/profile';

const KEY = 'rebuild-e2e-admin-key-0123456789';
const auth = { Authorization: `Bearer ${KEY}` };
const PROJECTION = 'institution-list';

/**
 * A rebuild cut short by kill -9 leaves the copy it was writing. On the next start the rebuild
 * goes on from that copy's checkpoint and swaps it in; afterwards no copy but the active one is
 * left, and the reads are what they were.
 */
describe('a rebuild cut short by a crash', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'okrug-rebuild-crash-'));
  const installation = TestInstallation.create();
  afterAll(async () => {
    rmSync(dataDir, { recursive: true, force: true });
    await installation.drop();
  });

  it('is resumed on the next start, and leaves no orphaned copy', async () => {
    const port = await freePort();
    const env = installation.with({ PORT: String(port), OKRUG_DATA_DIR: dataDir, OKRUG_ADMIN_KEY: KEY, OKRUG_DEPARTMENT: 'remontnoye' });
    const url = `http://127.0.0.1:${port}`;
    const config = loadConfig(installation.with({ OKRUG_DATA_DIR: dataDir }));

    // A register long enough that its rebuild takes a while.
    const first = await startServerProcess(env);
    // FerretDB (the MongoDB profile's test server) scans a collection for every lookup, so there a
    // smaller register already makes a rebuild long enough to be cut short part-way.
    const perImport = readModelsInMongo ? 500 : 2_500;
    const total = 4 * perImport;
    for (let part = 0; part < 4; part++) {
      const institutions = Array.from({ length: perImport }, (_, i) => {
        const n = part * perImport + i + 1;
        return { fullName: `Муніципальний заклад загальної середньої освіти № ${n}`, shortName: `ЗЗСО № ${n}`, kind: 'general-school', settlement: `с. Поселення ${n % 97}` };
      });
      const res = await request(url).post('/imports').set(auth).send({ institutions });
      if (res.status >= 300) throw new Error(`import: ${res.status} ${JSON.stringify(res.body).slice(0, 500)}`);
    }
    const head = (await request(url).get('/health')).body.eventStore.head as number;
    // A read model further behind than a read waits answers 503 "try again shortly"; so does this test
    // (the MongoDB profile on FerretDB projects 10,000 institutions in several seconds).
    const page = async (query: string) => {
      for (let tries = 0; ; tries++) {
        const res = await request(url).get(`/institutions?${query}&consistentWith=${head}`).set(auth);
        if (res.status !== 503 || tries === 40) return res;
        await new Promise((r) => setTimeout(r, 500));
      }
    };
    const pages = async () => [
      (await page('limit=50')).body,
      (await page(`limit=20&offset=${Math.floor(total * 0.7)}&kind=general-school`)).body,
      (await page(`limit=50&offset=${total - 50}`)).body,
    ];
    const before = await pages();
    // Totals are counted only a little past the page asked for; the last page knows them all.
    expect(before[2]).toMatchObject({ total, totalExact: true });
    expect(before[2].items).toHaveLength(50);

    const statusOf = async () =>
      ((await request(url).get('/projections').set(auth)).body as { name: string; generation: number; state: string }[]).find((p) => p.name === PROJECTION)!;
    expect((await statusOf()).generation).toBe(1);

    // The rebuild starts; once its copy has a checkpoint part-way, the process is killed.
    const store = await openReadStore(config);
    try {
      const rebuild = await request(url).post(`/projections/${PROJECTION}/rebuild`).set(auth);
      expect(rebuild.status).toBe(202);
      let copied = 0;
      for (let i = 0; i < 2_000 && copied === 0; i++) {
        copied = (await store.checkpoint(PROJECTION, 2))?.position ?? 0;
        if (copied === 0) await new Promise((r) => setTimeout(r, 2));
      }
      first.child.kill('SIGSTOP');
      first.child.kill('SIGKILL');
      expect(await first.exited).toBe('SIGKILL');
      // Cut short: generation 1 still active, generation 2 part-way.
      expect(await store.activeGeneration(PROJECTION)).toBe(1);
      const left = (await store.checkpoint(PROJECTION, 2))?.position ?? 0;
      expect(left).toBeGreaterThan(0);
      expect(left).toBeLessThan(head);
    } finally {
      await store.close();
    }

    const second = await startServerProcess(env);
    try {
      await second.waitForOutput('resuming an interrupted rebuild');
      await second.waitForOutput(/"msg":"projection rebuilt","projection":"institution-list"/);
      const status = await statusOf();
      expect(status).toMatchObject({ generation: 2, state: 'live' });
      expect(await pages()).toEqual(before);
    } finally {
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe('SIGTERM');
    }

    // Only the active copy is left.
    const reopened = await openReadStore(config);
    try {
      expect(await reopened.activeGeneration(PROJECTION)).toBe(2);
      expect(await reopened.checkpoint(PROJECTION, 1)).toBeNull();
      expect(await reopened.checkpoint(PROJECTION, 3)).toBeNull();
      const ids = (before[0].items as { id: string }[]).map((item) => item.id);
      expect((await reopened.loadDocuments('institutions', 1, ids)).size).toBe(0);
      expect((await reopened.loadDocuments('institutions', 2, ids)).size).toBe(ids.length);
    } finally {
      await reopened.close();
    }
  }, 180_000);
});
