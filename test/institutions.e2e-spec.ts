import { ApiHarness } from './support/api-harness';
import { expectedProfile, readModelsInMongo } from './support/profile';

const murygino = {
  fullName: 'Муниципальное бюджетное общеобразовательное учреждение Мурыгинская средняя школа',
  shortName: 'МБОУ Мурыгинская СШ',
  kind: 'general-school',
  settlement: 'с. Мурыгино',
  externalCode: '6713001234',
};
const kindergarten = {
  fullName: 'Муниципальное бюджетное дошкольное образовательное учреждение детский сад № 21',
  shortName: 'МБ ДОУ детский сад № 21',
  kind: 'kindergarten',
  settlement: 'с. Лосня',
};

describe('institutions through the HTTP API (embedded profile)', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await ApiHarness.start();
  });
  afterAll(async () => {
    await api.stop();
  });

  const register = async (body: object, headers: Record<string, string> = {}) => {
    const res = await api.as().post('/institutions').set(headers).send(body);
    return res;
  };
  const head = async (): Promise<number> => {
    const res = await api.http.get('/health');
    return res.body.eventStore.head;
  };

  describe('authentication', () => {
    it('refuses a request without a key with 401 problem', async () => {
      const res = await api.http.get('/institutions');
      expect(res.status).toBe(401);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body).toMatchObject({ type: 'urn:okrug:problem:unauthenticated', status: 401 });
    });
    it('refuses an unknown key', async () => {
      const res = await api.as('not-a-real-key').get('/institutions');
      expect(res.status).toBe(401);
    });
    it('lets health and the API docs through without a key', async () => {
      const health = await api.http.get('/health');
      expect(health.status).toBe(200);
      expect(health.body).toMatchObject({
        status: 'up',
        profile: expectedProfile,
        eventStore: { status: 'up' },
        readStore: { status: 'up' },
        queue: { status: 'up' },
        personalData: { status: 'up' },
        artifacts: { status: 'up', kind: readModelsInMongo ? 'gridfs' : 'files' },
      });
      expect(health.body.projections.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['institution-list', 'network-list']));
      const docs = await api.http.get('/docs-json');
      expect(docs.status).toBe(200);
      expect(Object.keys(docs.body.paths)).toEqual(
        expect.arrayContaining(['/institutions', '/institutions/{id}', '/institutions/{id}/history', '/institutions/{id}/rename', '/health']),
      );
    });
  });

  describe('register → list → rename → correct → history', () => {
    let id: string;

    it('registers an institution and answers id, revision and position', async () => {
      const res = await register(murygino);
      expect(res.status).toBe(201);
      expect(res.body).toEqual({ id: expect.any(String), revision: 0, position: expect.any(Number) });
      expect(res.headers.location).toBe(`/institutions/${res.body.id}`);
      id = res.body.id;

      const list = await api.as().get(`/institutions?consistentWith=${res.body.position}`);
      expect(list.status).toBe(200);
      expect(list.body.total).toBe(1);
      expect(list.body.items[0]).toMatchObject({ id, shortName: 'МБОУ Мурыгинская СШ', status: 'open', revision: 0, department: 'bakhmut' });
    });

    it('renames it when If-Match is current, and the ETag follows', async () => {
      const before = await api.as().get(`/institutions/${id}`);
      expect(before.headers.etag).toBe('"0"');
      const res = await api
        .as()
        .post(`/institutions/${id}/rename`)
        .set('If-Match', before.headers.etag)
        .send({ fullName: 'МБОУ «Мурыгинская средняя школа имени Героя»', shortName: 'Мурыгинская СШ', renamedOn: '2021-09-01' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id, revision: 1 });
      const after = await api.as().get(`/institutions/${id}?consistentWith=${res.body.position}`);
      expect(after.headers.etag).toBe('"1"');
      expect(after.body.shortName).toBe('Мурыгинская СШ');
    });

    it('refuses a stale If-Match with 412 and changes nothing', async () => {
      const position = await head();
      const res = await api.as().post(`/institutions/${id}/rename`).set('If-Match', '"0"').send({ fullName: 'x', shortName: 'y', renamedOn: '2021-09-01' });
      expect(res.status).toBe(412);
      expect(res.body).toMatchObject({ type: 'urn:okrug:problem:stale-revision', currentRevision: 1 });
      expect(await head()).toBe(position);
    });

    it('corrects details with a reason', async () => {
      const res = await api.as().post(`/institutions/${id}/corrections`).send({ settlement: 'село Мурыгино', reason: 'Опечатка в реестре' });
      expect(res.status).toBe(200);
      expect(res.body.revision).toBe(2);
    });

    it('shows every change in the history with actor, reason, time and field changes', async () => {
      const res = await api.as().get(`/institutions/${id}/history?consistentWith=${await head()}`);
      expect(res.status).toBe(200);
      expect(res.body.entries.map((e: { type: string }) => e.type)).toEqual(['InstitutionRegistered', 'InstitutionRenamed', 'InstitutionDetailsCorrected']);
      const [registered, renamed, corrected] = res.body.entries;
      expect(registered.actor).toEqual({ id: 'admin', role: 'admin' });
      expect(renamed).toMatchObject({
        actor: { id: 'admin', role: 'admin' },
        source: 'api',
        effectiveAt: '2021-09-01',
        changes: expect.arrayContaining([{ field: 'shortName', from: 'МБОУ Мурыгинская СШ', to: 'Мурыгинская СШ' }]),
      });
      expect(renamed.recordedAt).toEqual(expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/));
      expect(corrected).toMatchObject({ reason: 'Опечатка в реестре', changes: [{ field: 'settlement', from: 'с. Мурыгино', to: 'село Мурыгино' }] });
    });

    it('refuses a correction without a reason, field by field, and changes nothing', async () => {
      const position = await head();
      const res = await api.as().post(`/institutions/${id}/corrections`).send({ settlement: 'Мурыгино' });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([{ field: 'reason', messages: expect.arrayContaining(['reason must be a string']) }]);
      expect(await head()).toBe(position);
    });

    it('closes it, and refuses to close it again with 422', async () => {
      const closed = await api.as().post(`/institutions/${id}/close`).send({ closedOn: '2022-06-30', reason: 'Реорганизация' });
      expect(closed.status).toBe(200);
      const again = await api.as().post(`/institutions/${id}/close`).send({ closedOn: '2022-07-01', reason: 'Повторно' });
      expect(again.status).toBe(422);
      expect(again.body).toMatchObject({ type: 'urn:okrug:problem:institution-closed', status: 422 });
      const reopened = await api.as().post(`/institutions/${id}/reopen`).send({ reopenedOn: '2022-09-01' });
      expect(reopened.status).toBe(200);
      const view = await api.as().get(`/institutions/${id}?consistentWith=${reopened.body.position}`);
      expect(view.body).toMatchObject({ status: 'open', closedOn: null });
    });
  });

  describe('idempotency', () => {
    it('gives the same answer and records one event for a repeated Idempotency-Key', async () => {
      const key = 'import-row-kindergarten-21';
      const first = await register(kindergarten, { 'Idempotency-Key': key });
      const position = await head();
      const second = await register(kindergarten, { 'Idempotency-Key': key });
      expect(first.status).toBe(201);
      expect(second.status).toBe(201);
      expect(second.body).toEqual(first.body);
      expect(await head()).toBe(position);
      const history = await api.as().get(`/institutions/${first.body.id}/history?consistentWith=${position}`);
      expect(history.body.entries).toHaveLength(1);
    });
  });

  describe('bad input', () => {
    it('refuses unknown fields and wrong types field by field and appends nothing', async () => {
      const position = await head();
      const res = await register({ ...murygino, kind: 'castle', settlement: 42, principal: 'Иванов', externalCode: undefined });
      expect(res.status).toBe(400);
      expect(res.body.type).toBe('urn:okrug:problem:invalid-input');
      const fields = res.body.errors.map((e: { field: string }) => e.field).sort();
      expect(fields).toEqual(['kind', 'principal', 'settlement']);
      expect(res.body.errors.find((e: { field: string }) => e.field === 'principal').messages).toEqual(['property principal should not exist']);
      expect(await head()).toBe(position);
    });
    it('refuses malformed JSON with 400 problem', async () => {
      const res = await api.as().post('/institutions').set('Content-Type', 'application/json').send('{"fullName": ');
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    });
    it('refuses an impossible date', async () => {
      const list = await api.as().get('/institutions?q=садик');
      expect(list.status).toBe(200);
      const id = (await register({ ...kindergarten, shortName: 'ДОУ № 3', fullName: 'Детский сад № 3' })).body.id;
      const res = await api.as().post(`/institutions/${id}/close`).send({ closedOn: '2021-02-30', reason: 'x' });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([{ field: 'closedOn', messages: ['closedOn must be a date written YYYY-MM-DD'] }]);
    });
    it('refuses a second institution with the same external code in the department (422)', async () => {
      const res = await register({ ...murygino, shortName: 'Другая школа' });
      expect(res.status).toBe(422);
      expect(res.body.type).toBe('urn:okrug:problem:external-code-taken');
    });
  });

  describe('unknown resources', () => {
    it('answers 404 for an unknown id and 400 for a malformed one', async () => {
      const unknown = '00000000-0000-4000-8000-000000000000';
      expect((await api.as().get(`/institutions/${unknown}`)).status).toBe(404);
      expect((await api.as().get(`/institutions/${unknown}/history`)).status).toBe(404);
      const rename = await api.as().post(`/institutions/${unknown}/rename`).send({ fullName: 'a', shortName: 'b', renamedOn: '2021-01-01' });
      expect(rename.status).toBe(404);
      const malformed = await api.as().get('/institutions/not-an-id');
      expect(malformed.status).toBe(400);
      expect(malformed.body.errors).toEqual([{ field: 'id', messages: ['id must be a UUID'] }]);
      const route = await api.as().get('/no-such-route');
      expect(route.status).toBe(404);
      expect(route.body.type).toBe('urn:okrug:problem:not-found');
    });
  });

  describe('queries', () => {
    it('filters by kind, status and text in any case, with paging', async () => {
      const res = await api.as().get(`/institutions?kind=kindergarten&q=${encodeURIComponent('САД')}&limit=1&consistentWith=${await head()}`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ total: 2, offset: 0, limit: 1 });
      expect(res.body.items).toHaveLength(1);
      const bad = await api.as().get('/institutions?limit=0&kind=castle');
      expect(bad.status).toBe(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['kind', 'limit']);
    });
    it('refuses a consistentWith beyond the head of the log (no write answered it; the 503 of a lagging read model is in input-limits)', async () => {
      const res = await api.as().get(`/institutions?consistentWith=${(await head()) + 1000}`);
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['consistentWith']);
    });
  });

  describe('durability and rebuild', () => {
    const snapshot = async () => {
      const position = await head();
      const list = await api.as().get(`/institutions?limit=500&consistentWith=${position}`);
      const histories = await Promise.all(
        list.body.items.map(async (i: { id: string }) => (await api.as().get(`/institutions/${i.id}/history`)).body),
      );
      return { list: list.body, histories };
    };

    it('keeps everything across a restart on the same directory', async () => {
      const before = await snapshot();
      expect(before.list.total).toBeGreaterThanOrEqual(3);
      await api.restart();
      expect(await snapshot()).toEqual(before);
    });

    it('rebuilds a projection as a job, and the read model comes out identical', async () => {
      const before = await snapshot();
      for (const projection of ['institution-list', 'institution-history']) {
        const job = await api.as().post(`/projections/${projection}/rebuild`);
        expect(job.status).toBe(202);
        let status = job.body;
        for (let i = 0; i < 100 && status.state !== 'completed' && status.state !== 'failed'; i++) {
          await new Promise((r) => setTimeout(r, 50));
          status = (await api.as().get(`/projections/rebuilds/${job.body.id}`)).body;
        }
        expect(status.state).toBe('completed');
        expect(status.result).toMatchObject({ projection, generation: 2 });
      }
      const projections = await api.as().get('/projections');
      expect(projections.body.find((p: { name: string }) => p.name === 'institution-list')).toMatchObject({ generation: 2, lag: 0 });
      expect(await snapshot()).toEqual(before);
    });

    it('answers 404 for rebuilding an unknown projection', async () => {
      expect((await api.as().post('/projections/no-such/rebuild')).status).toBe(404);
    });
  });
});
