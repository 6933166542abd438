import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { runCli } from '../apps/api/src/cli';
import { ApiHarness } from './support/api-harness';
import { TestInstallation } from './support/profile';

/**
 * Importing the lists a department already has. The facts are those of school district No. 3
 * of the Murygino report for 2020/2021 (Починковский район): four schools and three
 * kindergartens, МБОУ Мурыгинская СШ its base school (the anchor), all from 2020-09-01.
 */
const fixture = (name: string) => join(__dirname, 'fixtures', 'imports', name);
const JSON_FILE = JSON.parse(readFileSync(fixture('murygino-district-3.json'), 'utf8'));
const CSV_FILE = readFileSync(fixture('murygino-district-3.csv'), 'utf8');
const CSV_WITH_BAD_ROW = readFileSync(fixture('murygino-district-3-bad-row.csv'), 'utf8');
const NONE = { institutions: 0, networks: 0, memberships: 0, anchors: 0 };
const ALL = { institutions: 7, networks: 1, memberships: 7, anchors: 1 };

const headOf = (api: ApiHarness) => api.app.get<EventStore>(EVENT_STORE).headPosition();

describe('imports through the HTTP API', () => {
  describe('a JSON file', () => {
    let api: ApiHarness;
    let networkId: string;
    let position: number;

    beforeAll(async () => {
      api = await ApiHarness.start({ OKRUG_DEPARTMENT: 'murygino' });
    });
    afterAll(async () => {
      await api.stop();
    });

    it('answers a dry run with what would be created, and writes nothing', async () => {
      const head = await headOf(api);
      const res = await api.as().post('/imports?dryRun=true').send(JSON_FILE);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ dryRun: true, applied: false, counts: { created: ALL, unchanged: NONE, rejected: 0 } });
      expect(res.body.position).toBeUndefined();
      expect(res.body.rows.slice(0, 2)).toEqual([
        { row: 'institutions[0]', entity: 'institution', key: 'МБОУ Лосненская СШ, с. Лосня', outcome: 'created', id: expect.any(String) },
        { row: 'institutions[1]', entity: 'institution', key: 'МБОУ Мурыгинская СШ, с. Мурыгино', outcome: 'created', id: expect.any(String) },
      ]);
      expect(res.body.rows.at(-1)).toMatchObject({ row: 'networks[0].anchor', entity: 'anchor', outcome: 'created' });
      expect(await headOf(api)).toBe(head);
    });

    it('imports it (201): the composition shows the members and the anchor, the history says source import', async () => {
      const res = await api.as().post('/imports').set('X-Correlation-Id', 'import-murygino-1').send(JSON_FILE);
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ dryRun: false, applied: true, counts: { created: ALL, unchanged: NONE, rejected: 0 }, position: await headOf(api) });
      position = res.body.position;
      networkId = res.body.rows.find((r: { entity: string }) => r.entity === 'network').id;

      const composition = await api.as().get(`/networks/${networkId}/composition?on=2020-09-01&consistentWith=${position}`);
      expect(composition.status).toBe(200);
      expect(composition.body.network).toMatchObject({ id: networkId, name: 'Школьный округ № 3' });
      expect(composition.body.anchor).toMatchObject({ shortName: 'МБОУ Мурыгинская СШ', since: '2020-09-01' });
      const members = composition.body.members.map((m: { shortName: string; role: string }) => [m.shortName, m.role]);
      expect(members[0]).toEqual(['МБОУ Мурыгинская СШ', 'anchor']);
      expect(members.slice(1).map((m: string[]) => m[0]).sort()).toEqual(
        ['МБОУ Лосненская СШ', 'МБОУ Рябцевская ОШ', 'МБОУ Переснянская СШ', 'МБ ДОУ детский сад № 21', 'МБ ДОУ детский сад № 3', 'МБ ДОУ детский сад № 5'].sort(),
      );
      const before = await api.as().get(`/networks/${networkId}/composition?on=2020-08-31&consistentWith=${position}`);
      expect(before.body.members).toEqual([]);

      const losnya = res.body.rows[0].id;
      const history = await api.as().get(`/institutions/${losnya}/history?consistentWith=${position}`);
      expect(history.status).toBe(200);
      expect(history.body.entries).toMatchObject([
        { type: 'InstitutionRegistered', source: 'import', actor: { id: 'admin', role: 'admin' }, correlationId: 'import-murygino-1' },
      ]);
      const timeline = await api.as().get(`/networks/${networkId}/timeline?consistentWith=${position}`);
      expect(timeline.body.entries.find((e: { type: string }) => e.type === 'AnchorSet')).toMatchObject({ source: 'import', effectiveAt: '2020-09-01' });
    });

    it('imports the same file again: everything unchanged (200), nothing written', async () => {
      const head = await headOf(api);
      const res = await api.as().post('/imports').send(JSON_FILE);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ dryRun: false, applied: true, counts: { created: NONE, unchanged: ALL, rejected: 0 } });
      expect(res.body.rows.every((r: { outcome: string }) => r.outcome === 'unchanged')).toBe(true);
      expect(res.body.rows.find((r: { entity: string }) => r.entity === 'network').id).toBe(networkId);
      expect(await headOf(api)).toBe(head);
    });

    it('finds the records of the JSON import when the same district comes as CSV', async () => {
      // The CSV writes the full names with their settlements: registered differently, so refused.
      const res = await api.as().post('/imports?dryRun=true').set('Content-Type', 'text/csv').send(CSV_FILE);
      expect(res.status).toBe(422);
      expect(res.body.summary.rows[0]).toMatchObject({ row: 1, entity: 'institution', outcome: 'rejected', rule: 'registered-with-different-details', field: 'fullName' });
      expect(res.body.summary.rows[0].reason).toContain('correct it through the API');
    });

    it('refuses a wrong shape field by field (400), malformed JSON (400), an unknown dryRun (400)', async () => {
      const shape = await api.as().post('/imports').send({ institutions: [{ fullName: 7, town: 'x' }], networks: 'none' });
      expect(shape.status).toBe(400);
      expect(shape.body.type).toBe('urn:okrug:problem:invalid-input');
      expect(shape.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['institutions[0].fullName', 'institutions[0].town', 'networks']);
      const malformed = await api.as().post('/imports').set('Content-Type', 'application/json').send('{"institutions": [');
      expect(malformed.status).toBe(400);
      const dryRun = await api.as().post('/imports?dryRun=maybe').send(JSON_FILE);
      expect(dryRun.status).toBe(400);
      expect(dryRun.body.errors.map((e: { field: string }) => e.field)).toEqual(['dryRun']);
      const header = await api.as().post('/imports').set('Content-Type', 'text/csv').send('name,kind\nA,B\n');
      expect(header.status).toBe(400);
      expect(header.body.errors.map((e: { field: string }) => e.field)).toEqual(['name', 'fullName', 'shortName', 'settlement']);
    });

    it('answers a file of 10,000 bad items (the most one list may hold) with a bounded summary that counts them all, writing nothing', async () => {
      const head = await headOf(api);
      const items = 10_000;
      const rejected = await api.as().post('/imports?dryRun=true').send({ institutions: Array.from({ length: items }, () => ({})) });
      expect(rejected.status).toBe(422);
      expect(rejected.text.length).toBeLessThan(100_000);
      const summary = rejected.body.summary;
      expect(summary.counts).toMatchObject({ rejected: items, rejectedByRule: { 'invalid-value': items } });
      expect(summary.rows).toHaveLength(100);
      expect(summary.rows[0]).toMatchObject({ row: 'institutions[0]', outcome: 'rejected', rule: 'invalid-value', reason: expect.stringContaining('fullName is required') });
      expect(summary.omittedRows).toBe(items - 100);

      const shapes = await api.as().post('/imports?dryRun=true').send({ institutions: Array.from({ length: items }, () => 1) });
      expect(shapes.status).toBe(400);
      expect(shapes.text.length).toBeLessThan(100_000);
      expect(shapes.body.errors).toHaveLength(101);
      expect(shapes.body.errors[100]).toEqual({ field: 'body', messages: [`${items - 100} more fields are invalid; the first 100 are listed`] });

      // A longer list is refused before the importer reads it, in a small answer.
      const tooLong = await api.as().post('/imports?dryRun=true').send({ institutions: Array.from({ length: 60_000 }, () => ({})) });
      expect(tooLong.status).toBe(400);
      expect(tooLong.text.length).toBeLessThan(10_000);
      expect(tooLong.body.errors).toEqual([expect.objectContaining({ field: 'institutions' })]);
      expect(await headOf(api)).toBe(head);
    });

    it('is documented: JSON or CSV, dryRun, the summary, the problems', async () => {
      const docs = await api.http.get('/docs-json');
      const post = docs.body.paths['/imports'].post;
      expect(Object.keys(post.requestBody.content).sort()).toEqual(['application/json', 'text/csv']);
      expect(post.parameters).toEqual([expect.objectContaining({ name: 'dryRun', in: 'query', required: false })]);
      expect(Object.keys(post.responses).sort()).toEqual(['200', '201', '400', '401', '403', '409', '422', '503']);
      expect(docs.body.components.schemas.ImportSummaryDto.properties.rows.items.$ref).toBe('#/components/schemas/ImportRowDto');
    });

    it('needs a key (401) of an admin or an operator (403 for an auditor)', async () => {
      const anonymous = await api.http.post('/imports').send(JSON_FILE);
      expect(anonymous.status).toBe(401);
      expect(anonymous.body.type).toBe('urn:okrug:problem:unauthenticated');
      const issue = async (role: string) => (await api.as().post('/api-keys').send({ actorId: `${role}.murygino`, role, label: role })).body.secret as string;
      const auditor = await api.as(await issue('auditor')).post('/imports?dryRun=true').send(JSON_FILE);
      expect(auditor.status).toBe(403);
      const operator = await api.as(await issue('operator')).post('/imports?dryRun=true').send(JSON_FILE);
      expect(operator.status).toBe(200);
    });
  });

  describe('a CSV file', () => {
    let api: ApiHarness;

    beforeAll(async () => {
      api = await ApiHarness.start({ OKRUG_DEPARTMENT: 'murygino' });
    });
    afterAll(async () => {
      await api.stop();
    });

    it('refuses a file with one bad row among good ones (422): the reasons per row, nothing written', async () => {
      const head = await headOf(api);
      const res = await api.as().post('/imports').set('Content-Type', 'text/csv; charset=utf-8').send(CSV_WITH_BAD_ROW);
      expect(res.status).toBe(422);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body).toMatchObject({
        type: 'urn:okrug:problem:import-rejected',
        status: 422,
        detail: '1 row is rejected; nothing was imported',
        summary: { dryRun: false, applied: false, counts: { rejected: 1 } },
      });
      const rejected = res.body.summary.rows.filter((r: { outcome: string }) => r.outcome === 'rejected');
      expect(rejected).toEqual([
        {
          row: 3,
          entity: 'membership',
          key: 'МБОУ Рябцевская ОШ, с. Рябцево in «Школьный округ № 3» № 3 (educational-district)',
          outcome: 'rejected',
          field: 'from',
          rule: 'invalid-value',
          reason: 'from must be a date written YYYY-MM-DD',
        },
      ]);
      // The other rows would have been created.
      expect(res.body.summary.counts.created).toEqual({ institutions: 7, networks: 1, memberships: 6, anchors: 1 });
      expect(await headOf(api)).toBe(head);
    });

    it('imports a CSV with Cyrillic, quoted commas and doubled quotes (201); again → unchanged', async () => {
      const res = await api.as().post('/imports').set('Content-Type', 'text/csv').send(CSV_FILE);
      expect(res.status).toBe(201);
      expect(res.body.counts).toEqual({ created: ALL, unchanged: NONE, rejected: 0, rejectedByRule: {} });
      expect(res.body.rows.slice(0, 4).map((r: { row: number; entity: string }) => [r.row, r.entity])).toEqual([
        [1, 'institution'],
        [1, 'network'],
        [1, 'membership'],
        [2, 'institution'],
      ]);
      const peresna = res.body.rows.find((r: { key: string; entity: string }) => r.entity === 'institution' && r.key.startsWith('МБОУ Переснянская СШ')).id;
      const one = await api.as().get(`/institutions/${peresna}?consistentWith=${res.body.position}`);
      expect(one.body).toMatchObject({
        fullName: 'Муниципальное бюджетное общеобразовательное учреждение "Переснянская средняя школа", с. Пересна',
        settlement: 'с. Пересна',
      });
      const networkId = res.body.rows[1].id;
      const composition = await api.as().get(`/networks/${networkId}/composition?on=2021-05-01&consistentWith=${res.body.position}`);
      expect(composition.body.anchor).toMatchObject({ shortName: 'МБОУ Мурыгинская СШ' });
      expect(composition.body.members).toHaveLength(7);

      const head = await headOf(api);
      const again = await api.as().post('/imports').set('Content-Type', 'text/csv').send(CSV_FILE);
      expect(again.status).toBe(200);
      expect(again.body.counts).toEqual({ created: NONE, unchanged: ALL, rejected: 0, rejectedByRule: {} });
      expect(await headOf(api)).toBe(head);
    });
  });
});

describe('the import command of the CLI', () => {
  let dataDir: string;
  const installation = TestInstallation.create();
  const run = async (...argv: string[]) => {
    let out = '';
    const code = await runCli(argv, installation.with({ OKRUG_DATA_DIR: dataDir, OKRUG_LOG_LEVEL: 'silent', OKRUG_DEPARTMENT: 'murygino' }), (text) => (out += text));
    return { code, out };
  };

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'okrug-import-cli-'));
  });
  afterAll(async () => {
    rmSync(dataDir, { recursive: true, force: true });
    await installation.drop();
  });

  it('checks a file with --dry-run, imports it, and finds it unchanged the second time', async () => {
    const dry = await run('import', fixture('murygino-district-3.csv'), '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.out).toContain('created:   7 institutions, 1 networks, 7 memberships, 1 anchors');
    expect(dry.out).toContain('dry run: nothing was written');
    expect(dry.out).toMatch(/2\s+anchor\s+created\s+МБОУ Мурыгинская СШ/);

    const imported = await run('import', fixture('murygino-district-3.csv'));
    expect(imported.code).toBe(0);
    expect(imported.out).toMatch(/imported; last event at position \d+/);

    const again = await run('import', fixture('murygino-district-3.csv'));
    expect(again.code).toBe(0);
    expect(again.out).toContain('unchanged: 7 institutions, 1 networks, 7 memberships, 1 anchors');
    expect(again.out).toContain('nothing new to import');

    // The CLI let the read models catch up with what it imported.
    const status = await run('projections', 'status');
    expect(status.out).toMatch(/institution-list\s+1\s+(\d+)\s+\1\s+0/);
  });

  it('exits 3 when rows are rejected and 2 for a missing or malformed file', async () => {
    const bad = await run('import', fixture('murygino-district-3-bad-row.csv'));
    expect(bad.code).toBe(3);
    expect(bad.out).toContain('from must be a date written YYYY-MM-DD');
    expect(bad.out).toContain('nothing was written');
    expect((await run('import', join(dataDir, 'missing.csv'))).code).toBe(2);
    expect((await run('import')).code).toBe(2);
  });
});
