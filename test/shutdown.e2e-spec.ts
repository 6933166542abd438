import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { freePort, startServerProcess } from './support/server-process';
import { TestInstallation } from './support/profile';

const KEY = 'shutdown-e2e-admin-key-0123456789';
const auth = { Authorization: `Bearer ${KEY}` };

type Answer = { status: number; body: any; contentType: string } | { status: 'no answer'; error: string };

/**
 * SIGTERM in the middle of a burst of writes, on a real server process: requests in flight
 * finish (their commands append before the stores close), requests that arrive while the
 * server drains get a clean 503 problem, and everything acknowledged is there after a restart.
 */
describe('the server process on SIGTERM', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'okrug-shutdown-'));
  const installation = TestInstallation.create();
  afterAll(async () => {
    rmSync(dataDir, { recursive: true, force: true });
    await installation.drop();
  });

  it('drains the commands in flight before it closes the stores', async () => {
    const port = await freePort();
    const env = installation.with({ PORT: String(port), OKRUG_DATA_DIR: dataDir, OKRUG_ADMIN_KEY: KEY, OKRUG_DEPARTMENT: 'murygino' });
    const url = `http://127.0.0.1:${port}`;
    const send = (path: string, body: object): Promise<Answer> =>
      request(url)
        .post(path)
        .set(auth)
        .send(body)
        .then((res): Answer => ({ status: res.status, body: res.body, contentType: String(res.headers['content-type'] ?? '') }))
        .catch((error: Error): Answer => ({ status: 'no answer', error: error.message }));
    const registration = (n: number) => ({ fullName: `Школа № ${n}`, shortName: `СШ № ${n}`, kind: 'general-school', settlement: 'Мурыгино' });

    const first = await startServerProcess(env);
    // Institutions to admit, and the network that admits them.
    const candidates: string[] = [];
    for (let wave = 0; wave < 10; wave++) {
      const answers = await Promise.all(Array.from({ length: 25 }, (_, i) => send('/institutions', registration(1000 + wave * 25 + i))));
      for (const answer of answers) {
        if (answer.status !== 201) throw new Error(`setup: ${JSON.stringify(answer)}`);
        candidates.push((answer as { body: { id: string } }).body.id);
      }
    }
    const network = await send('/networks', { name: 'Освітній округ № 3', kind: 'educational-district', number: '3' });
    expect(network.status).toBe(201);
    const networkId = (network as { body: { id: string } }).body.id;
    const council = await send('/networks', { name: 'Рада керівників', kind: 'council-of-heads' });
    expect(council.status).toBe(201);
    const councilId = (council as { body: { id: string } }).body.id;
    const spare = candidates.splice(0, 20);

    // The burst: 30 writers, each sending one request after another until one is not served;
    // 6 admit institutions (all to one network map), 24 register institutions (a stream each).
    const admitted: { institutionId: string; answer: Answer }[] = [];
    const registered: Answer[] = [];
    let answered = 0;
    let signalled!: () => void;
    const burstUnderWay = new Promise<void>((resolve) => (signalled = resolve));
    const served = (a: Answer) => a.status !== 'no answer' && ((a.status >= 200 && a.status < 300) || a.status === 409);
    const note = () => {
      if (++answered === 60) signalled();
    };
    let next = 0;
    const admitting = async () => {
      while (next < candidates.length) {
        const institutionId = candidates[next++];
        const answer = await send(`/networks/${networkId}/members`, { institutionId, role: 'member', from: '2020-09-01' });
        admitted.push({ institutionId, answer });
        note();
        if (!served(answer)) return;
      }
    };
    let n = 0;
    const registering = async () => {
      for (;;) {
        const answer = await send('/institutions', registration(n++));
        registered.push(answer);
        note();
        if (!served(answer)) return;
      }
    };
    const writers = [...Array.from({ length: 6 }, admitting), ...Array.from({ length: 24 }, registering)];
    await burstUnderWay;
    // The server stalls (its event loop busy, as under load: here it is stopped), requests pile
    // up, some clients hang up, and SIGTERM arrives before the server gets to any of it. When it
    // goes on, it reads the requests and the signal at once: the commands of those requests run
    // during the shutdown, the hung-up ones after their connections are gone.
    first.child.kill('SIGSTOP');
    const piledUp = spare.map(
      (institutionId) =>
        new Promise<void>((sent) => {
          const req = httpRequest({ host: '127.0.0.1', port, method: 'POST', path: `/networks/${councilId}/members`, headers: { ...auth, 'Content-Type': 'application/json' } });
          req.on('error', () => undefined);
          req.end(JSON.stringify({ institutionId, role: 'member', from: '2020-09-01' }), () => {
            req.destroy();
            sent();
          });
        }),
    );
    await Promise.all(piledUp);
    first.child.kill('SIGTERM');
    first.child.kill('SIGCONT');
    await Promise.all(writers);
    expect(await first.exited).toBe('SIGTERM');
    expect(first.output()).toContain('stores closed');

    const answers = [...admitted.map((a) => a.answer), ...registered];
    const unclean = answers.filter(
      (a) =>
        a.status !== 'no answer' &&
        !(a.status >= 200 && a.status < 300) &&
        !(a.status === 503 && a.contentType.startsWith('application/problem+json')) &&
        // Admissions to one map contend: a conflict after the retries is a clean refusal too.
        !(a.status === 409 && a.contentType.startsWith('application/problem+json')),
    );
    expect(first.output()).not.toContain('the event store is closed');
    expect(first.output()).not.toContain('"level":"error"');
    expect(unclean).toEqual([]);
    const acknowledgedAdmissions = admitted.filter((a) => a.answer.status === 200).map((a) => a.institutionId);
    const acknowledgedRegistrations = registered.filter((a) => a.status === 201).map((a) => (a as { body: { id: string } }).body.id);
    // SIGTERM came mid-burst: some of it was acknowledged.
    expect(acknowledgedAdmissions.length + acknowledgedRegistrations.length).toBeGreaterThan(0);

    const second = await startServerProcess(env);
    try {
      const head = (await request(url).get('/health')).body.eventStore?.head ?? 0;
      const consistent = `consistentWith=${head}`;
      for (const id of acknowledgedRegistrations) {
        const res = await request(url).get(`/institutions/${id}?${consistent}`).set(auth);
        expect(res.status).toBe(200);
      }
      const composition = await request(url).get(`/networks/${networkId}/composition?on=2020-09-01&${consistent}`).set(auth);
      expect(composition.status).toBe(200);
      const members = new Set(composition.body.members.map((m: { institutionId: string }) => m.institutionId));
      for (const id of acknowledgedAdmissions) expect(members.has(id)).toBe(true);
    } finally {
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe('SIGTERM');
    }
  }, 120_000);

  it.each([
    ['the API', 'apps/api/src/main.ts', 'okrug is listening'],
    ['the worker', 'apps/worker/src/main.ts', 'okrug worker is running'],
  ])('%s goes on running on SIGHUP and SIGUSR2, and stops on SIGINT', async (_name, script, ready) => {
    const port = await freePort();
    const env = installation.with({ PORT: String(port), OKRUG_DATA_DIR: dataDir, OKRUG_ADMIN_KEY: KEY, OKRUG_DEPARTMENT: 'murygino' });
    const server = await startServerProcess(env, { script, ready });
    try {
      server.child.kill('SIGHUP');
      await server.waitForOutput(/"signal ignored[^\n]*"signal":"SIGHUP"/);
      server.child.kill('SIGUSR2');
      await server.waitForOutput(/"signal ignored[^\n]*"signal":"SIGUSR2"/);
      expect(server.output()).not.toContain('shutting down');
      if (script.includes('api')) expect((await request(`http://127.0.0.1:${port}`).get('/health')).status).toBe(200);
      expect(server.child.exitCode).toBeNull();
      expect(server.child.signalCode).toBeNull();
    } finally {
      server.child.kill('SIGINT');
    }
    expect(await server.exited).toBe('SIGINT');
    expect(server.output()).toContain('stores closed');
  }, 60_000);
});
