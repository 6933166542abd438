import { randomUUID } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { apiKeyStream } from '@app/identity';
import { IdentityService } from '@app/identity/administration';
// Reaches inside on purpose: which key id and which old hash a secret has.
import { apiKeyIdOf, legacyApiKeyHash } from '@app/identity/api-key-secret';
import { Clock, metadataFor } from '@app/kernel';
import { CLOCK, loadConfig } from '@app/platform';
import { createApi } from '../apps/api/src/create-app';
import { ADMIN_KEY, ApiHarness } from './support/api-harness';
import { secondDepartmentAdmin } from './support/second-department';

describe('API keys and roles', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await ApiHarness.start();
  });
  afterAll(async () => {
    await api.stop();
  });

  it('issues a key for an operator of the admin’s department, shown once', async () => {
    const res = await api.as().post('/api-keys').send({ actorId: 'operator.ivanova', role: 'operator', label: 'Operator of the department' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ actorId: 'operator.ivanova', role: 'operator', department: 'bakhmut', secret: expect.stringMatching(/^okrug_/) });

    // The operator's key works once the key read model has it, and its writes carry the operator.
    const operator = res.body.secret as string;
    const registered = await api.as(operator).post('/institutions').send({
      fullName: 'Бахмутський навчально-виховний комплекс № 11',
      shortName: 'НВК № 11',
      kind: 'educational-complex',
      settlement: 'Бахмут',
    });
    expect(registered.status).toBe(201);
    const history = await api.as(operator).get(`/institutions/${registered.body.id}/history?consistentWith=${registered.body.position}`);
    expect(history.body.entries[0].actor).toEqual({ id: 'operator.ivanova', role: 'operator' });

    // Operators may not issue keys nor rebuild read models.
    const forbidden = await api.as(operator).post('/api-keys').send({ actorId: 'x', role: 'admin', label: 'escalation' });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.type).toBe('urn:okrug:problem:forbidden');
    expect((await api.as(operator).post('/projections/institution-list/rebuild')).status).toBe(403);
  });

  it('refuses an unknown role and missing fields field by field', async () => {
    const res = await api.as().post('/api-keys').send({ role: 'superuser' });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['actorId', 'label', 'role']);
  });

  it('refuses without a key', async () => {
    expect((await api.http.post('/api-keys').send({ actorId: 'a', role: 'operator', label: 'l' })).status).toBe(401);
  });
});

describe('API key operations: list, revoke, expiry, network heads, stored hashes', () => {
  let api: ApiHarness;
  let second: NestFastifyApplication;
  beforeAll(async () => {
    api = await ApiHarness.start();
    // A second API on the same data, keeping no read models: it stands for another process.
    ({ app: second } = await createApi(api.config, { runProjections: false }));
  });
  afterAll(async () => {
    await second.close();
    await api.stop();
  });
  const issue = async (body: object) => api.as().post('/api-keys').send({ actorId: 'someone', role: 'operator', label: 'a key', ...body });
  const asSecond = (key: string) => request(second.getHttpServer()).get('/institutions').set('Authorization', `Bearer ${key}`);

  it('lists the department’s keys without their secrets or hashes, to admins and auditors only', async () => {
    const operator = (await issue({ actorId: 'operator.list' })).body;
    const auditor = (await issue({ actorId: 'auditor.list', role: 'auditor' })).body;
    const listed = await api.as(auditor.secret).get('/api-keys');
    expect(listed.status).toBe(200);
    const mine = listed.body.items.find((k: { keyId: string }) => k.keyId === operator.keyId);
    expect(mine).toMatchObject({ actorId: 'operator.list', role: 'operator', status: 'active', label: 'a key', issuedAt: expect.any(String) });
    expect(listed.text).not.toContain(operator.secret);
    expect(Object.keys(mine)).not.toContain('keyHash');
    expect(Object.keys(mine)).not.toContain('id');
    expect((await api.as(operator.secret).get('/api-keys')).status).toBe(403);
  });

  it('revokes a key with a reason: 401 at once, in this process and in another, and the list says so', async () => {
    const key = (await issue({ actorId: 'operator.leaving' })).body;
    expect((await asSecond(key.secret)).status).toBe(200);
    const revoked = await api.as().post(`/api-keys/${key.keyId}/revoke`).send({ reason: 'left the department' });
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ id: key.keyId, revision: 1, position: expect.any(Number) });
    for (const res of [await api.as(key.secret).get('/institutions'), await asSecond(key.secret)]) {
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ type: 'urn:okrug:problem:unauthenticated', detail: 'the API key was revoked' });
    }
    const listed = (await api.as().get('/api-keys')).body.items.find((k: { keyId: string }) => k.keyId === key.keyId);
    expect(listed).toMatchObject({ status: 'revoked', revokedReason: 'left the department', revokedAt: expect.any(String) });
    // Once revoked, a key stays revoked.
    const again = await api.as().post(`/api-keys/${key.keyId}/revoke`).send({ reason: 'again' });
    expect(again.status).toBe(422);
    expect(again.body.type).toBe('urn:okrug:problem:api-key-not-active');
  });

  it('refuses a revocation without a reason, of an unknown key, and by a non-admin', async () => {
    const key = (await issue({})).body;
    const noReason = await api.as().post(`/api-keys/${key.keyId}/revoke`).send({});
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors.map((e: { field: string }) => e.field)).toEqual(['reason']);
    expect((await api.as().post(`/api-keys/${randomUUID()}/revoke`).send({ reason: 'x' })).status).toBe(404);
    expect((await api.as().post('/api-keys/not-a-uuid/revoke').send({ reason: 'x' })).status).toBe(400);
    expect((await api.as(key.secret).post(`/api-keys/${key.keyId}/revoke`).send({ reason: 'x' })).status).toBe(403);
    expect((await api.as(key.secret).get('/institutions')).status).toBe(200);
  });

  it('refuses an expired key with 401, in every process, and lists it as expired', async () => {
    const expiresAt = new Date(Date.now() + 3_600_000).toISOString();
    const key = (await issue({ actorId: 'operator.temporary', expiresAt })).body;
    expect(key.expiresAt).toBe(expiresAt);
    expect((await api.as(key.secret).get('/institutions')).status).toBe(200);
    const clock = api.app.get<symbol, Clock>(CLOCK);
    const now = clock.now;
    clock.now = () => new Date(Date.parse(expiresAt) + 1);
    try {
      const res = await api.as(key.secret).get('/institutions');
      expect(res.status).toBe(401);
      expect(res.body.detail).toBe('the API key expired');
      expect((await asSecond(key.secret)).status).toBe(401);
      const listed = (await api.as().get('/api-keys')).body.items.find((k: { keyId: string }) => k.keyId === key.keyId);
      expect(listed).toMatchObject({ status: 'expired', expiresAt });
    } finally {
      clock.now = now;
    }
  });

  it('refuses an expiry in the past or malformed, and a department other than the admin’s', async () => {
    const past = await issue({ expiresAt: '2020-01-01T00:00:00Z' });
    expect(past.status).toBe(422);
    expect(past.body.type).toBe('urn:okrug:problem:expiry-in-the-past');
    const malformed = await issue({ expiresAt: '2027-02-30' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors.map((e: { field: string }) => e.field)).toEqual(['expiresAt']);
    const elsewhere = await issue({ department: 'kramatorsk' });
    expect(elsewhere.status).toBe(400);
  });

  it('issues a network head’s key for networks of the department only', async () => {
    // Right after the network's registration: the key's networks are checked against the log as written.
    const network = (await api.as().post('/networks').send({ name: 'Освітній округ № 4', kind: 'educational-district' })).body;
    const head = await issue({ actorId: 'head.kovalenko', role: 'network-head', networkIds: [network.id] });
    expect(head.status).toBe(201);
    expect(head.body).toMatchObject({ role: 'network-head', networkIds: [network.id] });
    expect((await api.as(head.body.secret).get(`/networks/${network.id}/composition`)).status).toBe(200);
    expect((await api.as(head.body.secret).post(`/networks/${network.id}/rename`).send({ name: 'x', renamedOn: '2021-09-01' })).status).toBe(403);
    const noNetworks = await issue({ role: 'network-head' });
    expect(noNetworks.status).toBe(422);
    expect(noNetworks.body.type).toBe('urn:okrug:problem:networks-required');
    const unknown = await issue({ role: 'network-head', networkIds: [randomUUID()] });
    expect(unknown.status).toBe(422);
    expect(unknown.body.type).toBe('urn:okrug:problem:network-not-registered');
    const operatorWithNetworks = await issue({ role: 'operator', networkIds: [network.id] });
    expect(operatorWithNetworks.status).toBe(422);
    const badIds = await issue({ role: 'network-head', networkIds: ['nope'] });
    expect(badIds.status).toBe(400);
  });

  it('records keys under a keyed hash, never the plain SHA-256 of the secret', async () => {
    const key = (await issue({ actorId: 'operator.hashed' })).body;
    const events = await api.app.get<symbol, EventStore>(EVENT_STORE).readStream(apiKeyStream(key.keyId));
    expect(events).toHaveLength(1);
    const recorded = JSON.stringify(events[0]);
    expect(recorded).not.toContain(key.secret);
    expect(recorded).not.toContain(legacyApiKeyHash(key.secret));
    const admin = await api.app.get<symbol, EventStore>(EVENT_STORE).readStream(apiKeyStream(apiKeyIdOf(legacyApiKeyHash(ADMIN_KEY))));
    expect(admin).toHaveLength(0);
  });

  it('keeps the department’s last admin key: it cannot be revoked before another admin key exists', async () => {
    const admins = (await api.as().get('/api-keys')).body.items.filter((k: { role: string }) => k.role === 'admin');
    expect(admins).toHaveLength(1);
    const last = await api.as().post(`/api-keys/${admins[0].keyId}/revoke`).send({ reason: 'by mistake' });
    expect(last.status).toBe(422);
    expect(last.body.type).toBe('urn:okrug:problem:last-admin-key');
    const deputy = (await issue({ actorId: 'admin.deputy', role: 'admin' })).body;
    expect((await api.as(deputy.secret).post(`/api-keys/${admins[0].keyId}/revoke`).send({ reason: 'handed over' })).status).toBe(200);
    expect((await api.as().get('/api-keys')).status).toBe(401);
    expect((await api.as(deputy.secret).post(`/api-keys/${deputy.keyId}/revoke`).send({ reason: 'x' })).body.type).toBe('urn:okrug:problem:last-admin-key');
  });
});

describe('POST /api-keys with an Idempotency-Key', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await ApiHarness.start();
  });
  afterAll(async () => {
    await api.stop();
  });
  const issue = (actorId: string, idempotencyKey?: string, key = ADMIN_KEY, body: object = {}) => {
    const req = api.as(key).post('/api-keys');
    return (idempotencyKey === undefined ? req : req.set('Idempotency-Key', idempotencyKey)).send({ actorId, role: 'operator', label: 'a key', ...body });
  };
  const keysOf = async (actorId: string, key = ADMIN_KEY) =>
    ((await api.as(key).get('/api-keys')).body.items as { keyId: string; actorId: string; status: string }[]).filter((k) => k.actorId === actorId);
  const refusedAsRepeatOf = (res: request.Response, keyId: string) => {
    expect(res.status).toBe(409);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).toMatchObject({ type: 'urn:okrug:problem:idempotency-key-reused', status: 409, keyId });
    expect(res.body.detail).toContain(keyId);
    expect(res.body.detail).toMatch(/shown once/);
    expect(res.body.detail).toMatch(/revoke/);
    expect(res.body).not.toHaveProperty('secret');
  };

  it('issues one key for the same key twice; the repeat names it and shows no secret', async () => {
    const first = await issue('operator.retried', 'issue-retried');
    expect(first.status).toBe(201);
    expect(first.body.secret).toMatch(/^okrug_/);
    // A different body changes nothing: the key names the request.
    const again = await issue('operator.retried', 'issue-retried', ADMIN_KEY, { label: 'another label' });
    refusedAsRepeatOf(again, first.body.keyId);
    expect(again.text).not.toContain(first.body.secret);
    expect(await keysOf('operator.retried')).toEqual([expect.objectContaining({ keyId: first.body.keyId, status: 'active' })]);
    expect((await api.as(first.body.secret).get('/institutions')).status).toBe(200);
  });

  /**
   * Holds the reads of issue streams (`ApiKeyIssue-…`) until `count` requests are waiting, so that
   * every request has looked before any appends: the interleaving in which none sees the others'
   * claim. (In one process on SQLite the first request is otherwise recorded before the next is
   * read off its socket.) Released after `ms` at the latest, so a change that no longer reads the
   * stream shows as `met: false`, not as a hang.
   */
  const holdIssueReads = (count: number, ms = 2_000) => {
    const store = api.app.get<symbol, EventStore>(EVENT_STORE);
    const readStream = store.readStream.bind(store);
    const waiting: Array<() => void> = [];
    const barrier = { met: false, release: () => waiting.splice(0).forEach((go) => go()) };
    const timer = setTimeout(barrier.release, ms);
    store.readStream = async (streamId, options) => {
      if (streamId.startsWith('ApiKeyIssue-') && !barrier.met) {
        await new Promise<void>((go) => {
          waiting.push(go);
          if (waiting.length === count) {
            barrier.met = true;
            clearTimeout(timer);
            barrier.release();
          }
        });
      }
      return readStream(streamId, options);
    };
    return { barrier, restore: () => { clearTimeout(timer); barrier.release(); store.readStream = readStream; } };
  };

  it('issues exactly one key for requests with the same key at once', async () => {
    for (const count of [2, 5]) {
      const actorId = `operator.concurrent-${count}`;
      const hold = holdIssueReads(count);
      const answers = await Promise.all(Array.from({ length: count }, () => issue(actorId, `issue-concurrent-${count}`))).finally(hold.restore);
      expect({ count, allLookedFirst: hold.barrier.met }).toEqual({ count, allLookedFirst: true });
      const issued = answers.filter((res) => res.status === 201);
      expect({ count, issued: issued.length }).toEqual({ count, issued: 1 });
      for (const res of answers.filter((r) => r !== issued[0])) refusedAsRepeatOf(res, issued[0].body.keyId);
      expect((await keysOf(actorId)).map((k) => k.keyId)).toEqual([issued[0].body.keyId]);
    }
  });

  it('issues a key for each different key, and for each request without one', async () => {
    const a = await issue('operator.two-keys', 'issue-a');
    const b = await issue('operator.two-keys', 'issue-b');
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.keyId).not.toBe(b.body.keyId);
    const plain = [await issue('operator.no-key'), await issue('operator.no-key')];
    expect(plain.map((res) => res.status)).toEqual([201, 201]);
    expect((await keysOf('operator.two-keys')).map((k) => k.keyId).sort()).toEqual([a.body.keyId, b.body.keyId].sort());
    expect(await keysOf('operator.no-key')).toHaveLength(2);
  });

  it('lets a refused request be sent again with the same key, and another department use the same key', async () => {
    const refused = await issue('operator.fixed', 'issue-fixed', ADMIN_KEY, { expiresAt: '2020-01-01T00:00:00Z' });
    expect(refused.status).toBe(422);
    expect((await issue('operator.fixed', 'issue-fixed')).status).toBe(201);
    const otherAdmin = await secondDepartmentAdmin(api, 'kramatorsk');
    const there = await issue('operator.fixed', 'issue-fixed', otherAdmin);
    expect(there.status).toBe(201);
    expect(there.body.department).toBe('kramatorsk');
    expect(await keysOf('operator.fixed')).toHaveLength(1);
    expect(await keysOf('operator.fixed', otherAdmin)).toHaveLength(1);
  });
});

describe('API keys recorded before the keyed hash', () => {
  it('still work, and a chosen admin key is recorded again under the keyed hash on start', async () => {
    const api = await ApiHarness.start();
    try {
      const legacySecret = 'a-chosen-admin-key-from-before';
      const legacyHash = legacyApiKeyHash(legacySecret);
      const keyId = apiKeyIdOf(legacyHash);
      const store = api.app.get<symbol, EventStore>(EVENT_STORE);
      const context = { actor: { id: 'system', role: 'system' }, department: 'bakhmut', commandId: randomUUID(), correlationId: randomUUID(), source: 'system' as const, receivedAt: new Date() };
      await store.append(
        apiKeyStream(keyId),
        [{ id: randomUUID(), type: 'ApiKeyIssued', data: { keyId, keyHash: legacyHash, actorId: 'admin', role: 'admin', department: 'bakhmut', label: 'bootstrap admin' }, metadata: metadataFor(context) }],
        { expectedRevision: 'no_stream' },
      );
      expect((await api.as(legacySecret).get('/institutions')).status).toBe(200);

      await api.close();
      const config = loadConfig(api.processEnv({ OKRUG_ADMIN_KEY: legacySecret, OKRUG_LOG_LEVEL: 'silent', OKRUG_DEPARTMENT: 'bakhmut' }));
      ({ app: api.app } = await createApi(config));
      expect((await api.as(legacySecret).get('/institutions')).status).toBe(200);
      const keys = (await api.as(legacySecret).get('/api-keys')).body.items as { keyId: string; status: string; label: string }[];
      expect(keys.find((k) => k.keyId === keyId)).toMatchObject({ status: 'revoked' });
      const now = await api.app.get(IdentityService).keyOf(legacySecret);
      expect(now).toMatchObject({ status: 'active', role: 'admin', department: 'bakhmut' });
      expect(now!.keyHash).not.toBe(legacyHash);
      expect(keys.find((k) => k.keyId === now!.keyId)).toMatchObject({ status: 'active' });
    } finally {
      await api.stop();
    }
  });
});
