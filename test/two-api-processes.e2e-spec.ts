import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { describeWithMongo } from '@app/testing';
import { TestInstallation } from './support/profile';
import { ServerProcess, freePort, startServerProcess } from './support/server-process';

const KEY = 'two-processes-admin-key-0123456789';
const auth = { Authorization: `Bearer ${KEY}` };
const REGISTRATIONS = 400;

/**
 * Two API processes on one data directory and one MongoDB database, both keeping the read models
 * (the default): each projects the whole log into the same collections, so every document is
 * written twice, at about the same time. Registrations spread across both must all be in the read
 * models of both, and neither may report a lag or an error. (On a server that stops a bulk write
 * early, a read store that trusted its short answer ended with 354–395 of 400.)
 */
describeWithMongo('two API processes sharing one MongoDB database', (server) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'okrug-two-processes-'));
  let installation: TestInstallation;
  const processes: ServerProcess[] = [];
  const urls: string[] = [];

  beforeAll(async () => {
    installation = TestInstallation.create({ mongodbUrl: server().url });
    for (let i = 0; i < 2; i++) {
      const port = await freePort();
      // One after the other: the first start records the admin key, the second finds it.
      processes.push(await startServerProcess(installation.with({ PORT: String(port), OKRUG_DATA_DIR: dataDir, OKRUG_ADMIN_KEY: KEY, OKRUG_DEPARTMENT: 'murygino' })));
      urls.push(`http://127.0.0.1:${port}`);
    }
  }, 120_000);

  afterAll(async () => {
    for (const process of processes) process.child.kill('SIGTERM');
    await Promise.all(processes.map((process) => process.exited));
    rmSync(dataDir, { recursive: true, force: true });
    await installation?.drop();
  }, 60_000);

  it(`puts all of ${REGISTRATIONS} concurrent registrations into the read models of both`, async () => {
    const register = (n: number) =>
      request(urls[n % 2])
        .post('/institutions')
        .set(auth)
        .send({ fullName: `Муниципальное бюджетное общеобразовательное учреждение школа № ${n}`, shortName: `Школа № ${n}`, kind: 'general-school', settlement: `с. Поселение ${n % 13}` });
    const ids = new Set<string>();
    let last = 0;
    // 40 requests in flight at a time, alternating between the two processes.
    for (let wave = 0; wave < REGISTRATIONS / 40; wave++) {
      const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => register(wave * 40 + i)));
      for (const answer of answers) {
        expect(answer.status).toBe(201);
        ids.add(answer.body.id);
        last = Math.max(last, answer.body.position);
      }
    }
    expect(ids.size).toBe(REGISTRATIONS);

    for (const url of urls) {
      // Read-your-writes through either process: its projections have reached the last write.
      const seen = new Set<string>();
      for (let offset = 0; offset < REGISTRATIONS + 500; offset += 500) {
        let page = await request(url).get(`/institutions?limit=500&offset=${offset}&consistentWith=${last}`).set(auth);
        for (let tries = 0; page.status === 503 && tries < 40; tries++) {
          await new Promise((r) => setTimeout(r, 500));
          page = await request(url).get(`/institutions?limit=500&offset=${offset}&consistentWith=${last}`).set(auth);
        }
        expect(page.status).toBe(200);
        for (const item of page.body.items as { id: string }[]) seen.add(item.id);
        if (page.body.items.length < 500) break;
      }
      expect([...ids].filter((id) => !seen.has(id))).toEqual([]);
      expect(seen.size).toBe(REGISTRATIONS);

      // The read above may have been answered by the other process's checkpoint (they share the
      // database); health reports this process's own runner, which gets there a moment later.
      const ownList = async () => {
        const health = await request(url).get('/health');
        expect(health.status).toBe(200);
        expect(health.body.profile.readStore).toBe('mongodb');
        return (health.body.projections as { name: string; lag: number; state: string }[]).find((p) => p.name === 'institution-list')!;
      };
      let list = await ownList();
      for (let tries = 0; list.lag > 0 && tries < 100; tries++) {
        await new Promise((r) => setTimeout(r, 100));
        list = await ownList();
      }
      expect(list).toMatchObject({ lag: 0 });
      expect(list.state).not.toBe('failed');
    }
    for (const process of processes) expect(process.output()).not.toMatch(/"level":"error"/);
  }, 240_000);
});
