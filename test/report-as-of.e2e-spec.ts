import { AddressInfo } from 'node:net';
import { createHash } from 'node:crypto';
import { FixedClock } from '@app/kernel';
import { stopChartRenderer } from '@app/reporting/render/renderers';
import { loadDemo } from '../demo/load-demo';
import { ADMIN_KEY, ApiHarness } from './support/api-harness';
import { OpenApiDocument } from './support/openapi-calls';

/**
 * `asOf` for the monitoring table, the department summary and the institution profile through
 * `POST /reports` (docs/reporting.md, "The position"), from the demo's records and one event
 * recorded after them: Bakhmut's NVK No. 11 district holds a seminar hosted by ZOSh No. 7 in
 * March 2020, planned and recorded held on 27 October 2023, two days after the demo was loaded.
 * Each kind as of the day before differs from the same at the head; the same request at the same
 * position gives the same bytes; a correction of the seminar recorded later leaves the
 * documents already generated as they were and shows in new ones; a day after today, a position
 * the log has not reached and a malformed `asOf` are refused.
 */
describe('asOf for the monitoring table, the department summary and the institution profile', () => {
  const clock = new FixedClock(new Date('2023-10-25T06:00:00Z'));
  let api: ApiHarness;
  const ids: Record<string, string> = {};
  const TOPIC = 'Формувальне оцінювання на уроках природничого циклу';
  const CORRECTED = 'Формувальне оцінювання в початковій школі';

  const head = async (): Promise<number> => (await api.http.get('/health')).body.eventStore.head;
  const post = async (url: string, body: object, status = 201) => {
    const res = await api.as().post(url).send(body);
    if (res.status !== status) throw new Error(`${url} → ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const finished = async (reportId: string) => {
    for (let i = 0; i < 800; i++) {
      const res = await api.as().get(`/reports/${reportId}`);
      if (res.status === 200 && (res.body.status === 'generated' || res.body.status === 'failed')) return res.body;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`report ${reportId} did not finish`);
  };
  const download = async (reportId: string): Promise<Buffer> => {
    const res = await api
      .as()
      .get(`/reports/${reportId}/content`)
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    return res.body as Buffer;
  };
  /** The report asked for and generated: its answer and its document's bytes. */
  const generated = async (body: object) => {
    const report = await finished((await post('/reports', body, 202)).id);
    expect(report).toMatchObject({ status: 'generated', failure: null });
    const bytes = await download(report.reportId);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(report.artifact.hash);
    return { report, bytes };
  };
  const json = async (body: object) => JSON.parse((await generated({ ...body, format: 'json' })).bytes.toString('utf8'));
  const refused = async (body: object, status: number, type: string) => {
    const before = await head();
    const res = await api.as().post('/reports').send(body);
    expect({ status: res.status, type: res.body.type }).toEqual({ status, type: `urn:okrug:problem:${type}` });
    expect(await head()).toBe(before);
    return res;
  };

  const table = (parameters: Record<string, unknown> = {}, format = 'xlsx') => ({
    report: 'monitoring-table',
    format,
    parameters: { networkId: ids.nvk11, periods: { kind: 'academic-year', from: '2019/2020', to: '2019/2020' }, rowsBy: 'kinds', language: 'uk', ...parameters },
  });
  const summary = (parameters: Record<string, unknown> = {}, format = 'docx') => ({
    report: 'department-summary',
    format,
    parameters: { period: { kind: 'academic-year', academicYear: '2019/2020' }, language: 'uk', ...parameters },
  });
  const profile = (parameters: Record<string, unknown> = {}, format = 'docx') => ({ report: 'institution-profile', format, parameters: { institutionId: ids.zosh7, language: 'uk', ...parameters } });
  const kinds = () => ({ table, summary, profile });

  /** What each kind's JSON says of the late seminar: the table's seminars of 2019/2020, the summary's events of NVK No. 11, the topics ZOSh No. 7 hosted. */
  const seminars = (model: { rows: { key: string; cells: { events: { text: string }[] }[] }[] }) => model.rows.find((r) => r.key === 'seminar')?.cells[0].events.map((e) => e.text) ?? [];
  const nvk11Events = (model: { networks: { networkId: string; eventsHeld: number }[] }) => model.networks.find((n) => n.networkId === ids.nvk11)?.eventsHeld;
  const hostedTopics = (model: { hosted: { topic: string }[] }) => model.hosted.map((e) => e.topic);

  beforeAll(async () => {
    api = await ApiHarness.start({}, undefined, clock);
    await api.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = api.app.getHttpServer().address() as AddressInfo;
    const demo = await loadDemo({ url: `http://127.0.0.1:${port}`, apiKey: ADMIN_KEY });
    ids.nvk11 = demo.networks['bakhmut-district-nvk-11'];
    ids.zosh7 = demo.institutions['bakhmut-zosh-7'];
    ids.demoHead = String(await head());
    // Two days on, the seminar of March 2020 is planned and recorded held.
    clock.set(new Date('2023-10-27T06:00:00Z'));
    ids.seminar = (
      await post('/events', {
        kind: 'seminar',
        topic: TOPIC,
        networkIds: [ids.nvk11],
        hostIds: [ids.zosh7],
        when: { precision: 'date', from: '2020-03-10' },
        format: { mode: 'in-person' },
        level: 'network',
        audience: ['teachers'],
      })
    ).id;
    await post(`/events/${ids.seminar}/holding`, { when: { precision: 'date', from: '2020-03-10' }, participation: { counts: { teachers: 17 }, institutionIds: [ids.zosh7] } }, 200);
  }, 180_000);
  afterAll(async () => {
    await api?.stop();
    await stopChartRenderer();
  });

  it('records asOf for every kind, null when left out, and builds a day’s report at the head, dated that day', async () => {
    for (const body of [table(), summary(), profile()]) {
      // The head when asked (it moves on with each report's own events).
      let now = await head();
      const left = await generated({ ...body, format: 'json' });
      expect(left.report).toMatchObject({ position: now, parameters: { asOf: null } });
      expect(JSON.parse(left.bytes.toString('utf8')).basis.reportDate).toBe('2023-10-27');
      now = await head();
      const day = await generated({ ...body, format: 'json', parameters: { ...body.parameters, asOf: '2023-10-26' } });
      expect(day.report).toMatchObject({ position: now, parameters: { asOf: '2023-10-26' } });
      expect(JSON.parse(day.bytes.toString('utf8')).basis.reportDate).toBe('2023-10-26');
    }
  });

  it('as of the day before the seminar’s holding was recorded, each kind leaves it out; at the head each has it', async () => {
    const before = { asOf: '2023-10-26' };
    expect(seminars(await json(table(before)))).not.toContainEqual(expect.stringContaining(TOPIC));
    expect(seminars(await json(table()))).toContainEqual(expect.stringContaining(TOPIC));
    const [then, now] = [nvk11Events(await json(summary(before))), nvk11Events(await json(summary()))];
    expect(now).toBe(then! + 1);
    expect(hostedTopics(await json(profile(before)))).not.toContain(TOPIC);
    expect(hostedTopics(await json(profile()))).toContain(TOPIC);
    // The day it was recorded counts whole.
    expect(hostedTopics(await json(profile({ asOf: '2023-10-27' })))).toContain(TOPIC);
  });

  it('as of a day before, the documents differ from those at the head (XLSX, DOCX)', async () => {
    const before = { asOf: '2023-10-26' };
    for (const [then, now] of [
      [table(before), table()],
      [summary(before), summary()],
      [profile(before), profile()],
    ]) {
      expect((await generated(then)).report.artifact.hash).not.toBe((await generated(now)).report.artifact.hash);
    }
  });

  it('builds at the position asOf names, and the same request at the same position gives the same bytes (XLSX, DOCX)', async () => {
    const position = Number(ids.demoHead);
    for (const make of Object.values(kinds())) {
      const first = await generated(make({ asOf: position }));
      expect(first.report).toMatchObject({ position, parameters: { asOf: position } });
      const second = await generated(make({ asOf: position }));
      expect(second.bytes.equals(first.bytes)).toBe(true);
      // A day's, and the head's, asked again with only reports recorded between: the same bytes too.
      const [day, dayAgain] = [await generated(make({ asOf: '2023-10-26' })), await generated(make({ asOf: '2023-10-26' }))];
      expect(dayAgain.report.position).toBeGreaterThan(day.report.position);
      expect(dayAgain.bytes.equals(day.bytes)).toBe(true);
      const [atHead, atHeadAgain] = [await generated(make()), await generated(make())];
      expect(atHeadAgain.bytes.equals(atHead.bytes)).toBe(true);
    }
  });

  it('a correction recorded later leaves the documents generated before as they were, and shows in new ones', async () => {
    const old = { table: await generated(table()), summary: await generated(summary()), profile: await generated(profile()) };
    clock.set(new Date('2023-10-28T06:00:00Z'));
    await post(`/events/${ids.seminar}/holding/corrections`, { topic: CORRECTED, participation: { counts: { teachers: 21 }, institutionIds: [ids.zosh7] }, reason: 'Тему уточнено за наказом' }, 200);
    for (const [name, make] of Object.entries(kinds())) {
      const before = old[name as keyof typeof old];
      const again = await download(before.report.reportId);
      expect({ name, same: again.equals(before.bytes) }).toEqual({ name, same: true });
      const after = await generated(make());
      expect(after.report.position).toBeGreaterThan(before.report.position);
      expect({ name, same: after.bytes.equals(before.bytes) }).toEqual({ name, same: false });
    }
    expect(seminars(await json(table()))).toContainEqual(expect.stringContaining(CORRECTED));
    expect(hostedTopics(await json(profile()))).toContain(CORRECTED);
  });

  it('refuses a day after today (422 as-of-in-the-future) and a position the log has not reached (422 position-not-recorded), recording nothing', async () => {
    for (const make of Object.values(kinds())) {
      await refused(make({ asOf: '2023-10-29' }), 422, 'as-of-in-the-future');
      await refused(make({ asOf: (await head()) + 1 }), 422, 'position-not-recorded');
    }
  });

  it('answers a malformed asOf field by field (400), beside the kind’s other faults', async () => {
    for (const make of Object.values(kinds())) {
      for (const asOf of ['2023-02-30', '28.10.2023', -1, 1.5, true, {}]) {
        const res = await refused(make({ asOf }), 400, 'invalid-input');
        expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['parameters.asOf']);
      }
    }
    const res = await refused(profile({ asOf: 'yesterday', institutionId: 'nope' }), 400, 'invalid-input');
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['parameters.asOf', 'parameters.institutionId']);
  });

  it('describes asOf of every kind in the OpenAPI document', async () => {
    const doc: OpenApiDocument = (await api.http.get('/docs-json')).body;
    for (const schema of ['AnnualAnalysisParametersDto', 'MonitoringTableParametersDto', 'DepartmentSummaryParametersDto', 'InstitutionProfileParametersDto']) {
      const asOf = doc.components.schemas[schema].properties?.asOf as { oneOf?: unknown[]; description?: string } | undefined;
      expect({ schema, oneOf: asOf?.oneOf?.length, described: /day/.test(asOf?.description ?? '') && /position/.test(asOf?.description ?? '') }).toEqual({ schema, oneOf: 2, described: true });
      expect(doc.components.schemas[schema].required ?? []).not.toContain('asOf');
    }
  });
});
