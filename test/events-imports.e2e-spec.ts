import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { runCli } from '../apps/api/src/cli';
import { ApiHarness } from './support/api-harness';

/**
 * Importing a department's list of events (docs/events.md, "Importing events"). The district
 * of НВК № 11 of the Bakhmut report for 2019/2020, with its consilium, joint meetings and
 * excursions; the counts and the excursion's link are the test's own, not the report's.
 */
const fixture = (name: string) => join(__dirname, 'fixtures', 'events-imports', name);
const DISTRICT = JSON.parse(readFileSync(fixture('bakhmut-district.json'), 'utf8'));
const JSON_FILE = JSON.parse(readFileSync(fixture('bakhmut-events.json'), 'utf8'));
const CSV_FILE = readFileSync(fixture('bakhmut-events.csv'), 'utf8');
const CSV_WITH_BAD_ROWS = readFileSync(fixture('bakhmut-events-bad-rows.csv'), 'utf8');
const ALL = { events: 4, series: 1 };
const NONE = { events: 0, series: 0 };

type Row = { row: number | string; entity: string; outcome: string; id?: string; rule?: string; field?: string; errors?: { field: string; messages: string[] }[] };

const headOf = (api: ApiHarness) => api.app.get<EventStore>(EVENT_STORE).headPosition();
const streamOf = (api: ApiHarness, id: string) => api.app.get<EventStore>(EVENT_STORE).readStream(`Event-${id}`);

/** The API with the district of НВК № 11 imported (through the networks import); the district's id. */
const districtIds = new WeakMap<ApiHarness, string>();
const startWithDistrict = async (): Promise<ApiHarness> => {
  const api = await ApiHarness.start({ OKRUG_DEPARTMENT: 'bakhmut' });
  const networks = await api.as().post('/imports').send(DISTRICT);
  if (networks.status !== 201) throw new Error(`the district was not imported: ${JSON.stringify(networks.body)}`);
  districtIds.set(api, networks.body.rows.find((r: Row) => r.entity === 'network').id);
  return api;
};

describe('events imports through the HTTP API', () => {
  describe('a JSON file', () => {
    let api: ApiHarness;
    let rows: Row[];

    beforeAll(async () => {
      api = await startWithDistrict();
    });
    afterAll(async () => {
      await api.stop();
    });

    it('answers a dry run with what would be created, and writes nothing', async () => {
      const head = await headOf(api);
      const res = await api.as().post('/events/imports?dryRun=true').send(JSON_FILE);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ dryRun: true, applied: false, counts: { created: ALL, unchanged: NONE, rejected: 0 }, omittedRows: 0 });
      expect(res.body.position).toBeUndefined();
      expect(res.body.rows.map((r: Row) => [r.row, r.entity, r.outcome])).toEqual([
        ['events[0]', 'event', 'created'],
        ['events[1]', 'event', 'created'],
        ['events[2]', 'series', 'created'],
        ['events[2]', 'event', 'created'],
        ['events[3]', 'event', 'created'],
      ]);
      expect(await headOf(api)).toBe(head);
    });

    it('imports it (201): each held event planned and held on its own stream, with source import and the caller as actor', async () => {
      const res = await api.as().post('/events/imports').set('X-Correlation-Id', 'events-import-bakhmut-1').send(JSON_FILE);
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ dryRun: false, applied: true, counts: { created: ALL, unchanged: NONE, rejected: 0 }, position: await headOf(api) });
      rows = res.body.rows;
      const events = rows.filter((r) => r.entity === 'event');

      const consilium = await streamOf(api, events[0].id!);
      expect(consilium.map((e) => e.type)).toEqual(['EventPlanned', 'EventHeld']);
      expect(consilium[0].metadata).toMatchObject({ source: 'import', actor: { id: 'admin', role: 'admin' }, correlationId: 'events-import-bakhmut-1' });
      expect(consilium[1].data).toMatchObject({
        when: { precision: 'academic-year', academicYear: '2019/2020' },
        participation: { counts: { teachers: 9 } },
        outsideInstitutionIds: [],
      });
      // ЗОШ № 1 is registered but a member of no network: an outside host.
      const meetings = await streamOf(api, events[1].id!);
      expect(meetings[0].data).toMatchObject({ kind: 'joint-methodological-meeting', outsideHostIds: [expect.any(String)], format: { mode: 'in-person' }, level: 'network' });
      const excursions = await streamOf(api, events[2].id!);
      const series = rows.find((r) => r.entity === 'series')!;
      expect(excursions[0].data).toMatchObject({ seriesId: series.id, when: { precision: 'month', month: '2020-05' } });
      expect(excursions[1].metadata.effectiveAt).toBeUndefined();
      expect((await api.app.get<EventStore>(EVENT_STORE).readStream(`EventSeries-${series.id}`)).map((e) => e.data)).toEqual([
        { seriesId: series.id, department: 'bakhmut', name: 'Екскурсії для майбутніх першокласників', kind: 'excursion', networkIds: [expect.any(String)] },
      ]);
      expect((await streamOf(api, events[3].id!)).map((e) => e.type)).toEqual(['EventPlanned']);
    });

    it('imports the same file again: everything unchanged (200), nothing written', async () => {
      const head = await headOf(api);
      const res = await api.as().post('/events/imports').send(JSON_FILE);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ applied: true, counts: { created: NONE, unchanged: ALL, rejected: 0 } });
      expect(res.body.position).toBeUndefined();
      expect(res.body.rows.map((r: Row) => r.id)).toEqual(rows.map((r) => r.id));
      expect(await headOf(api)).toBe(head);
    });

    it('finds the same events in the CSV file of the same list: an event is what it is, whatever the format', async () => {
      const head = await headOf(api);
      const res = await api.as().post('/events/imports').set('Content-Type', 'text/csv').send(CSV_FILE);
      expect(res.status).toBe(200);
      expect(res.body.counts).toMatchObject({ created: NONE, unchanged: ALL });
      expect(await headOf(api)).toBe(head);
    });

    it('rejects a row whose event is recorded with other details (422), field by field, and writes nothing', async () => {
      const head = await headOf(api);
      const changed = { events: [{ ...JSON_FILE.events[0], counts: { teachers: 10 }, outcome: 'Обговорено адаптацію' }] };
      const res = await api.as().post('/events/imports').send(changed);
      expect(res.status).toBe(422);
      expect(res.body.summary.rows[0]).toMatchObject({ outcome: 'rejected', rule: 'recorded-with-different-details', field: 'counts' });
      expect(res.body.summary.rows[0].errors.map((e: { field: string }) => e.field)).toEqual(['counts', 'outcome']);
      expect(await headOf(api)).toBe(head);
    });
  });

  describe('a CSV file', () => {
    let api: ApiHarness;

    beforeAll(async () => {
      api = await startWithDistrict();
    });
    afterAll(async () => {
      await api.stop();
    });

    it('a dry run writes nothing; the import creates what it said; a second import creates nothing', async () => {
      const head = await headOf(api);
      const dry = await api.as().post('/events/imports?dryRun=true').set('Content-Type', 'text/csv').send(CSV_FILE);
      expect(dry.status).toBe(200);
      expect(dry.body.counts).toMatchObject({ created: ALL, rejected: 0 });
      expect(await headOf(api)).toBe(head);

      const first = await api.as().post('/events/imports').set('Content-Type', 'text/csv; charset=utf-8').send(CSV_FILE);
      expect(first.status).toBe(201);
      expect(first.body.rows.map((r: Row) => [r.row, r.entity, r.outcome])).toEqual([
        [1, 'event', 'created'],
        [2, 'event', 'created'],
        [3, 'series', 'created'],
        [3, 'event', 'created'],
        [4, 'event', 'created'],
      ]);
      expect(first.body.rows.map((r: Row) => r.id)).toEqual(dry.body.rows.map((r: Row) => r.id));
      const excursion = await streamOf(api, first.body.rows[3].id);
      expect(excursion[1].data).toMatchObject({
        participation: { counts: { parents: 20, preschoolers: 25 }, institutionIds: [] },
        publications: [{ url: 'https://school7.example.org/news/excursions', title: 'Сайт школи' }],
      });

      const after = await headOf(api);
      const again = await api.as().post('/events/imports').set('Content-Type', 'text/csv').send(CSV_FILE);
      expect(again.status).toBe(200);
      expect(again.body.counts).toMatchObject({ created: NONE, unchanged: ALL, rejected: 0 });
      expect(await headOf(api)).toBe(after);
    });

    it('a file with rejected rows is refused whole (422 import-rejected), each row with its reasons field by field; nothing written, dry run or not', async () => {
      const head = await headOf(api);
      for (const url of ['/events/imports', '/events/imports?dryRun=true']) {
        const res = await api.as().post(url).set('Content-Type', 'text/csv').send(CSV_WITH_BAD_ROWS);
        expect(res.status).toBe(422);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(res.body).toMatchObject({ type: 'urn:okrug:problem:import-rejected', status: 422 });
        const summary = res.body.summary;
        expect(summary).toMatchObject({ applied: false, counts: { created: { events: 1 }, rejected: 2, rejectedByRule: { 'invalid-value': 1, 'event-held-in-future': 1 } } });
        expect(summary.rows.map((r: Row) => [r.row, r.outcome, r.rule ?? null])).toEqual([
          [1, 'created', null],
          [2, 'rejected', 'invalid-value'],
          [3, 'rejected', 'event-held-in-future'],
        ]);
        const fields = summary.rows[1].errors.map((e: { field: string }) => e.field).sort();
        expect(fields).toEqual(['hosts', 'teachers', 'when']);
        expect(summary.rows[1].errors.find((e: { field: string }) => e.field === 'hosts').messages[0]).toMatch(/ЗОШ № 99/);
      }
      expect(await headOf(api)).toBe(head);
    });
  });

  describe('refusals of the file as a whole', () => {
    let api: ApiHarness;
    let head: number;
    const keys: Record<string, string> = {};

    beforeAll(async () => {
      api = await startWithDistrict();
      const networkId = districtIds.get(api);
      for (const role of ['auditor', 'network-head']) {
        const key = await api.as().post('/api-keys').send({ actorId: `${role}.test`, role, label: `a ${role}`, ...(role === 'network-head' ? { networkIds: [networkId] } : {}) });
        keys[role] = key.body.secret;
      }
      head = await headOf(api);
    });
    afterAll(async () => {
      const after = await headOf(api);
      await api.stop();
      expect(after).toBe(head);
    });

    const expectFields = (res: { status: number; headers: Record<string, string>; body: { type: string; errors: { field: string }[] } }, fields: string[]) => {
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.type).toBe('urn:okrug:problem:invalid-input');
      expect(res.body.errors.map((e) => e.field)).toEqual(fields);
    };

    it('refuses a JSON file of the wrong shape with 400, field by field', async () => {
      expectFields(await api.as().post('/events/imports').send({ events: [{ kind: 'seminar', networks: 'Освітній округ НВК № 11', colour: 'red' }], extra: 1 }), [
        'extra',
        'events[0].colour',
        'events[0].networks',
      ]);
      expectFields(await api.as().post('/events/imports').send({ events: [] }), ['body']);
      expectFields(await api.as().post('/events/imports').send([JSON_FILE.events[0]]), ['body']);
    });

    it('refuses a malformed CSV file, a wrong header, a row of another width and a file without rows with 400', async () => {
      const csv = (text: string) => api.as().post('/events/imports').set('Content-Type', 'text/csv').send(text);
      expectFields(await csv('kind,topic,networks,when\n"seminar,x,y,2021\n'), ['line 2']);
      expectFields(await csv('kind,topic,colour\nseminar,x,red\n'), ['colour', 'networks', 'when']);
      expectFields(await csv('kind,topic,networks,when\nseminar,x,y\n'), ['line 2']);
      expectFields(await csv('kind,topic,networks,when\n'), ['body']);
    });

    it('refuses more rows than an import takes, and dryRun other than true or false', async () => {
      const rows = Array.from({ length: 10_001 }, (_, i) => `seminar,Семінар ${i},Освітній округ НВК № 11,2020`).join('\n');
      expectFields(await api.as().post('/events/imports').set('Content-Type', 'text/csv').send(`kind,topic,networks,when\n${rows}\n`), ['events']);
      expectFields(await api.as().post('/events/imports?dryRun=maybe').send(JSON_FILE), ['dryRun']);
    });

    it('takes neither other content types nor charsets (415), answers 401 without a key, and 403 to an auditor and a network head', async () => {
      expect((await api.as().post('/events/imports').set('Content-Type', 'text/plain').send('kind,topic')).status).toBe(415);
      expect((await api.as().post('/events/imports').set('Content-Type', 'text/csv; charset=windows-1251').send(CSV_FILE)).status).toBe(415);
      expect((await api.http.post('/events/imports').send(JSON_FILE)).status).toBe(401);
      for (const role of ['auditor', 'network-head']) {
        const res = await api.as(keys[role]).post('/events/imports').send(JSON_FILE);
        expect({ role, status: res.status, type: res.body.type }).toEqual({ role, status: 403, type: 'urn:okrug:problem:forbidden' });
      }
    });
  });

  describe('from the command line', () => {
    it('imports a file with the same import while the API is stopped: exit 0, then 0 with nothing new, 3 for rejected rows, 2 for a malformed file', async () => {
      const api = await startWithDistrict();
      await api.close();
      const cli = async (...argv: string[]) => {
        let out = '';
        const code = await runCli(['events', 'import', ...argv], api.processEnv({ OKRUG_LOG_LEVEL: 'silent', OKRUG_DEPARTMENT: 'bakhmut' }), (text) => (out += text));
        return { code, out };
      };
      try {
        const dry = await cli(fixture('bakhmut-events.csv'), '--dry-run');
        expect(dry).toMatchObject({ code: 0, out: expect.stringContaining('dry run: nothing was written') });
        const first = await cli(fixture('bakhmut-events.json'));
        expect(first.code).toBe(0);
        expect(first.out).toMatch(/created: +4 events, 1 series/);
        const again = await cli(fixture('bakhmut-events.csv'));
        expect(again).toMatchObject({ code: 0, out: expect.stringContaining('nothing new to import') });
        expect(again.out).toMatch(/unchanged: 4 events, 1 series/);
        const bad = await cli(fixture('bakhmut-events-bad-rows.csv'));
        expect(bad.code).toBe(3);
        expect(bad.out).toMatch(/event-held-in-future: 1/);
        expect((await cli(fixture('bakhmut-district.json'))).code).toBe(2);
        expect((await cli(fixture('no-such-file.csv'))).code).toBe(2);
      } finally {
        await api.dispose();
      }
    });
  });
});
