import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { legacyStreamName, streamCategory } from '@app/kernel';
import { AppConfig, loadConfig } from '@app/platform';
import { createApi } from '../apps/api/src/create-app';
import { TestInstallation } from './support/profile';

/**
 * A data directory recorded before stream names had distinct categories: the events are those
 * this version records, with each stream renamed to the name the version before gave it
 * (`institution-…`, `institution-code-…`, `network-map-…`, `department-calendar-…`, `api-key-…`,
 * `api-key-bootstrap-admin`). On it, the API must find every one of them, and append to each
 * under its old name rather than start the stream again under the new one.
 */
describe('a data directory with the old stream names', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'okrug-legacy-names-'));
  const installation = TestInstallation.create();
  let config: AppConfig;
  let app: NestFastifyApplication;
  let adminKey: string;
  let operatorKey: string;
  let operatorKeyId: string;
  const ids: Record<string, string> = {};
  let lastPosition = 0;

  const as = (key: string) => {
    const auth = { Authorization: `Bearer ${key}` };
    const server = app.getHttpServer();
    return {
      get: (url: string) => request(server).get(url).set(auth),
      post: (url: string) => request(server).post(url).set(auth),
      put: (url: string) => request(server).put(url).set(auth),
    };
  };
  const post = async (url: string, body: object, expected: number, headers: Record<string, string> = {}) => {
    const res = await as(adminKey).post(url).set(headers).send(body);
    expect({ url, status: res.status, body: res.body }).toMatchObject({ url, status: expected });
    lastPosition = Math.max(lastPosition, res.body.position ?? 0);
    return res;
  };
  const start = async () => {
    const started = await createApi(config, { runProjections: true });
    app = started.app;
    return started;
  };
  /** The streams of the SQLite event store and the types of their events. */
  const storedStreams = (): Map<string, string[]> => {
    const db = new Database(config.databaseFile, { readonly: true });
    try {
      const rows = db.prepare('SELECT stream_id, type FROM events ORDER BY position').all() as { stream_id: string; type: string }[];
      const streams = new Map<string, string[]>();
      for (const { stream_id, type } of rows) streams.set(stream_id, [...(streams.get(stream_id) ?? []), type]);
      return streams;
    } finally {
      db.close();
    }
  };

  beforeAll(async () => {
    // No OKRUG_ADMIN_KEY: the first admin key is made on the first start, in the bootstrap stream.
    config = loadConfig(installation.with({ OKRUG_DATA_DIR: dataDir, OKRUG_LOG_LEVEL: 'silent', OKRUG_DEPARTMENT: 'bakhmut' }));
    adminKey = (await start()).createdAdminKey!;
    expect(adminKey).toEqual(expect.any(String));
    ids.coded = (await post('/institutions', { fullName: 'НВК № 11 м. Бахмут', shortName: 'НВК № 11', kind: 'educational-complex', settlement: 'Бахмут', externalCode: 'UA-11' }, 201)).body.id;
    ids.network = (await post('/networks', { name: 'Освітній округ НВК № 11', kind: 'educational-district' }, 201)).body.id;
    await post(`/networks/${ids.network}/members`, { institutionId: ids.coded, role: 'member', from: '2017-09-01' }, 200);
    const calendar = await as(adminKey).put('/department/academic-year').send({ month: 8, day: 15 });
    expect(calendar.status).toBe(200);
    const operator = await post('/api-keys', { actorId: 'operator.test', role: 'operator', label: 'operator' }, 201);
    operatorKey = operator.body.secret;
    operatorKeyId = operator.body.keyId;
    await app.close();

    // The same events under the old names.
    const db = new Database(config.databaseFile);
    try {
      const rename = db.transaction(() => {
        for (const { stream_id } of db.prepare('SELECT stream_id FROM streams').all() as { stream_id: string }[]) {
          const legacy = legacyStreamName(stream_id);
          if (!legacy) continue;
          db.prepare('UPDATE events SET stream_id = ? WHERE stream_id = ?').run(legacy.name, stream_id);
          db.prepare('UPDATE streams SET stream_id = ? WHERE stream_id = ?').run(legacy.name, stream_id);
        }
      });
      rename();
    } finally {
      db.close();
    }
    const old = [...storedStreams().keys()];
    expect(old.every((name) => /^[a-z]/.test(name))).toBe(true);
    expect(new Set(old.map((name) => streamCategory(name)))).toEqual(new Set(['BootstrapKey', 'Institution', 'ExternalCode', 'NetworkMap', 'DepartmentCalendar', 'ApiKey']));
  });
  afterAll(async () => {
    await app?.close().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
    await installation.drop();
  });

  it('starts without making another first admin key, and lets the old keys in', async () => {
    const started = await start();
    expect(started.createdAdminKey).toBeUndefined();
    expect((await as(adminKey).get('/institutions')).status).toBe(200);
    expect((await as(operatorKey).get('/institutions')).status).toBe(200);
  });

  it('keeps an external code claimed under its old name taken', async () => {
    const again = await as(adminKey).post('/institutions').send({ fullName: 'Інший ліцей', shortName: 'Ліцей', kind: 'lyceum', settlement: 'Бахмут', externalCode: 'UA-11' });
    expect({ status: again.status, type: again.body.type }).toEqual({ status: 422, type: 'urn:okrug:problem:external-code-taken' });
  });

  it('keeps the academic year start set under its old name', async () => {
    expect((await as(adminKey).get('/department/academic-year')).body.academicYearStart).toEqual({ month: 8, day: 15 });
  });

  it('continues an old institution and an old network map where they were, with their revisions', async () => {
    const renamed = await post(`/institutions/${ids.coded}/rename`, { fullName: 'Бахмутський ліцей № 11', shortName: 'Ліцей № 11', renamedOn: '2020-09-01' }, 200, { 'If-Match': '"0"' });
    expect(renamed.body.revision).toBe(1);
    ids.fresh = (await post('/institutions', { fullName: 'ЗОШ № 7 м. Бахмут', shortName: 'ЗОШ № 7', kind: 'general-school', settlement: 'Бахмут' }, 201)).body.id;
    await post(`/networks/${ids.network}/members`, { institutionId: ids.fresh, role: 'member', from: '2019-09-01' }, 200);
    const composition = await as(adminKey).get(`/networks/${ids.network}/composition?on=2020-09-01&consistentWith=${lastPosition}`);
    expect(composition.body.members.map((m: { shortName: string }) => m.shortName).sort()).toEqual(['ЗОШ № 7', 'Ліцей № 11']);
  });

  it('revokes a key recorded under its old name', async () => {
    expect((await post(`/api-keys/${operatorKeyId}/revoke`, { reason: 'left the department' }, 200)).body.revision).toBe(1);
    expect((await as(operatorKey).get('/institutions')).status).toBe(401);
  });

  it('left every old stream under its old name and made new ones under the new names', async () => {
    await app.close();
    const streams = storedStreams();
    const split = [...streams.keys()].filter((name) => /^[A-Z]/.test(name) && streams.has(legacyStreamName(name)!.name));
    expect(split).toEqual([]);
    expect(streams.get(`institution-${ids.coded}`)).toEqual(['InstitutionRegistered', 'InstitutionRenamed']);
    expect(streams.get(`Institution-${ids.fresh}`)).toEqual(['InstitutionRegistered']);
    expect(streams.get('network-map-bakhmut-educational-district')).toEqual(['NetworkRegistered', 'MemberAdmitted', 'MemberAdmitted']);
    expect(streams.get(`api-key-${operatorKeyId}`)).toEqual(['ApiKeyIssued', 'ApiKeyRevoked']);
    expect(streams.has('BootstrapKey-admin')).toBe(false);
  });
});
