import { rmSync } from 'node:fs';
import { runCli } from '../apps/api/src/cli';
import { ApiHarness } from './support/api-harness';

describe('the CLI (npm run cli)', () => {
  let api: ApiHarness;
  let dataDir: string;
  const run = async (...argv: string[]) => {
    let out = '';
    const code = await runCli(argv, { OKRUG_DATA_DIR: dataDir, OKRUG_LOG_LEVEL: 'silent' }, (text) => (out += text));
    return { code, out };
  };

  beforeAll(async () => {
    api = await ApiHarness.start();
    dataDir = api.dataDir;
    for (const n of [3, 5]) {
      const res = await api.as().post('/institutions').send({ fullName: `МБ ДОУ детский сад № ${n}`, shortName: `Детский сад № ${n}`, kind: 'kindergarten', settlement: 'Мурыгино' });
      expect(res.status).toBe(201);
      await api.as().get(`/institutions?consistentWith=${res.body.position}`);
    }
    await api.close();
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('prints the status of every projection', async () => {
    const { code, out } = await run('projections', 'status');
    expect(code).toBe(0);
    const line = out.split('\n').find((l) => l.startsWith('institution-list'))!;
    expect(line.split(/\s+/)).toEqual(['institution-list', '1', '3', '3', '0']);
  });

  it('rebuilds a projection into a new generation with the same documents', async () => {
    const { code, out } = await run('projections', 'rebuild', 'institution-list');
    expect(code).toBe(0);
    expect(out).toMatch(/institution-list\s+2\s+3\s+3/);
    const status = await run('projections', 'status');
    expect(status.out).toMatch(/institution-list\s+2\s+3\s+3\s+0/);
  });

  it('names the projections when asked for an unknown one, and prints usage for unknown commands', async () => {
    const unknown = await run('projections', 'rebuild', 'nope');
    expect(unknown.code).toBe(2);
    expect(unknown.out).toContain('one of: api-keys, institution-list, institution-history');
    const usage = await run('frobnicate');
    expect(usage.code).toBe(2);
    expect(usage.out).toContain('usage: npm run cli');
  });
});
