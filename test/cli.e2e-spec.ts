import { runCli } from '../apps/api/src/cli';
import { ApiHarness } from './support/api-harness';

describe('the CLI (npm run cli)', () => {
  let api: ApiHarness;
  const run = async (...argv: string[]) => {
    let out = '';
    const code = await runCli(argv, api.processEnv({ OKRUG_LOG_LEVEL: 'silent' }), (text) => (out += text));
    return { code, out };
  };

  beforeAll(async () => {
    api = await ApiHarness.start();
    for (const n of [3, 5]) {
      const res = await api.as().post('/institutions').send({ fullName: `МБ ДОУ детский сад № ${n}`, shortName: `Детский сад № ${n}`, kind: 'kindergarten', settlement: 'Мурыгино' });
      expect(res.status).toBe(201);
      await api.as().get(`/institutions?consistentWith=${res.body.position}`);
    }
    await api.close();
  });
  afterAll(() => api.dispose());

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

describe('the CLI for keys and departments, while the API runs', () => {
  let api: ApiHarness;
  const run = async (...argv: string[]) => {
    let out = '';
    const code = await runCli(argv, api.processEnv({ OKRUG_LOG_LEVEL: 'silent', OKRUG_DEPARTMENT: 'bakhmut' }), (text) => (out += text));
    return { code, out };
  };
  beforeAll(async () => {
    api = await ApiHarness.start();
  });
  afterAll(async () => {
    await api.stop();
  });

  it('creates another department and prints its first admin key once; the running API accepts it at once', async () => {
    const { code, out } = await run('departments', 'create', 'kramatorsk');
    expect(code).toBe(0);
    const secret = /^\s+(okrug_\S+)$/m.exec(out)![1];
    const calendar = await api.as(secret).get('/department/academic-year');
    expect(calendar.status).toBe(200);
    expect(calendar.body.department).toBe('kramatorsk');
    // The new department's admin sees none of bakhmut's keys, and may issue its own.
    const keys = await api.as(secret).get('/api-keys');
    expect(keys.body.items).toEqual([expect.objectContaining({ role: 'admin', actorId: 'admin', status: 'active' })]);
    expect((await api.as(secret).post('/api-keys').send({ actorId: 'operator.k', role: 'operator', label: 'k' })).body.department).toBe('kramatorsk');
  });

  it('refuses a department that exists (created before, or the one keys were issued for) and a bad name', async () => {
    for (const name of ['kramatorsk', 'bakhmut']) {
      const again = await run('departments', 'create', name);
      expect({ name, code: again.code }).toEqual({ name, code: 3 });
      expect(again.out).toContain('exists already');
      expect(again.out).not.toMatch(/okrug_/);
    }
    const bad = await run('departments', 'create', 'Not A Name');
    expect(bad.code).toBe(3);
    expect(bad.out).toContain('lower-case');
  });

  it('lists a department’s keys and revokes one: the running API refuses it at once', async () => {
    const issued = (await api.as().post('/api-keys').send({ actorId: 'operator.cli', role: 'operator', label: 'to revoke' })).body;
    const listed = await run('keys', 'list');
    expect(listed.code).toBe(0);
    expect(listed.out).toMatch(new RegExp(`${issued.keyId}\\s+operator\\.cli\\s+operator\\s+active`));
    expect(listed.out).not.toContain(issued.secret);
    const revoked = await run('keys', 'revoke', issued.keyId, '--reason', 'left the department');
    expect(revoked.code).toBe(0);
    expect((await api.as(issued.secret).get('/institutions')).status).toBe(401);
    expect((await run('keys', 'list')).out).toMatch(new RegExp(`${issued.keyId}\\s+operator\\.cli\\s+operator\\s+revoked`));
    // Another department's key is unknown to this one.
    expect((await run('keys', 'revoke', issued.keyId, '--reason', 'x', '--department', 'kramatorsk')).code).toBe(3);
  });

  it('prints usage for a revocation without a reason or unknown subcommands', async () => {
    expect((await run('keys', 'revoke', 'x')).code).toBe(2);
    expect((await run('keys', 'frobnicate')).code).toBe(2);
    expect((await run('departments')).code).toBe(2);
  });
});
