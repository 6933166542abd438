import PizZip from 'pizzip';
import { createHash } from 'node:crypto';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { JOB_QUEUE, JobQueue } from '@app/jobs';
import { FixedClock } from '@app/kernel';
import { reportStream } from '@app/reporting';
// The reports' queue is the reporting module's inside; a test may deliver a job twice through it.
import { REPORT_QUEUE } from '@app/reporting/report-job/report-queue';
import type { ReportRequest } from '@app/reporting/report-generation/report-generator.port';
import { ReportGenerators } from '@app/reporting/report-generation/report-generators';
import { ApiHarness } from './support/api-harness';
import { OpenApiDocument } from './support/openapi-calls';
import { reportGeneratorTestModule } from './support/report-generators';
import { secondDepartmentAdmin } from './support/second-department';
import { expectOpensInLibreOffice } from './support/libre-office';

/**
 * Reports through the HTTP API (docs/reporting.md, "Requests, jobs and artifacts"): asking for
 * one (202), its job generating it through the generator registered (here the tests' own, which
 * writes what was asked as JSON, in place of the built-in one; the built-in one is the last
 * suite's), its status and progress, the
 * list and its filters, the download; every refusal field by field, by role, for another
 * department, by rule, each recording nothing.
 *
 * "Today" is 25 October 2021, when Murygino's analysis of 2020/2021 is due.
 */
describe('reports through the HTTP API', () => {
  const clock = new FixedClock(new Date('2021-10-25T06:00:00Z'));
  const calls: ReportRequest[] = [];
  let api: ApiHarness;
  let store: EventStore;
  const ids: Record<string, string> = {};
  const keys: Record<string, string> = {};
  const period = { kind: 'academic-year', academicYear: '2020/2021' };
  const analysis = (networkId: string, over: Record<string, unknown> = {}, parameters: Record<string, unknown> = {}) => ({
    report: 'annual-analysis',
    format: 'json',
    parameters: { networkId, period, language: 'ru', ...parameters },
    ...over,
  });

  const head = async (): Promise<number> => (await api.http.get('/health')).body.eventStore.head;
  const request = async (body: object, key?: string, headers: Record<string, string> = {}) => {
    const res = await api.as(key).post('/reports').set(headers).send(body);
    if (res.status !== 202) throw new Error(`POST /reports → ${res.status} ${JSON.stringify(res.body)}`);
    return res;
  };
  /** The report once its job has recorded an outcome. */
  const finished = async (reportId: string, key?: string) => {
    for (let i = 0; i < 400; i++) {
      const res = await api.as(key).get(`/reports/${reportId}`);
      if (res.status === 200 && (res.body.status === 'generated' || res.body.status === 'failed')) return res.body;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`report ${reportId} did not finish`);
  };
  /** The request is refused with this status and problem type, and nothing is recorded. */
  const refused = async (body: object, status: number, type: string, key?: string) => {
    const before = await head();
    const res = await api.as(key).post('/reports').send(body);
    expect({ status: res.status, type: res.body.type }).toEqual({ status, type: `urn:okrug:problem:${type}` });
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(await head()).toBe(before);
    return res;
  };
  /** A 400 naming exactly these fields. */
  const invalid = async (body: object, fields: string[]) => {
    const res = await refused(body, 400, 'invalid-input');
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([...fields].sort());
  };
  const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
  const binary = (res: { body: unknown; text?: string }) => (Buffer.isBuffer(res.body) ? res.body : Buffer.from(res.text ?? ''));

  beforeAll(async () => {
    api = await ApiHarness.start({}, undefined, clock, [reportGeneratorTestModule({ calls })]);
    store = api.app.get(EVENT_STORE);
    const post = async (url: string, body: object, status = 201) => {
      const res = await api.as().post(url).send(body);
      if (res.status !== status) throw new Error(`${url} → ${res.status} ${JSON.stringify(res.body)}`);
      return res.body;
    };
    ids.district = (await post('/networks', { name: 'Школьный округ № 3', kind: 'educational-district' })).id;
    ids.other = (await post('/networks', { name: 'Подгорненский образовательный округ', kind: 'educational-district' })).id;
    ids.council = (await post('/networks', { name: 'Рада керівників', kind: 'council-of-heads', reportingPeriod: 'calendar-year' })).id;
    for (const [name, body] of Object.entries({
      operator: { actorId: 'operator', role: 'operator', label: 'Методист' },
      head: { actorId: 'head.district', role: 'network-head', label: 'Руководитель округа № 3', networkIds: [ids.district] },
      auditor: { actorId: 'auditor', role: 'auditor', label: 'Аудитор' },
    })) {
      keys[name] = (await post('/api-keys', body)).secret;
    }
    keys.otherDepartment = await secondDepartmentAdmin(api, 'kramatorsk');
  });
  afterAll(async () => {
    await api.stop();
  });

  describe('POST /reports', () => {
    it('accepts the request (202, Location), builds it at the head of the log, and its job generates and stores the document', async () => {
      const before = await head();
      const res = await request(analysis(ids.district));
      expect(res.body).toEqual({ id: expect.any(String), revision: 0, position: before + 1 });
      expect(res.headers.location).toBe(`/reports/${res.body.id}`);
      ids.report = res.body.id;
      const [requested] = await store.readStream(reportStream(ids.report));
      expect(requested).toMatchObject({
        type: 'ReportRequested',
        data: { reportId: ids.report, department: 'bakhmut', report: 'annual-analysis', format: 'json', parameters: { networkId: ids.district, period, language: 'ru', asOf: null }, position: before },
        metadata: { actor: { id: 'admin', role: 'admin' }, recordedAt: '2021-10-25T06:00:00.000Z' },
      });

      const report = await finished(ids.report);
      const content = await api.as().get(`/reports/${ids.report}/content`).buffer(true);
      expect(content.status).toBe(200);
      const bytes = binary(content);
      expect(JSON.parse(bytes.toString('utf8'))).toEqual({ report: 'annual-analysis', department: 'bakhmut', parameters: { networkId: ids.district, period, language: 'ru', asOf: null }, position: before });
      expect(report).toEqual({
        reportId: ids.report,
        report: 'annual-analysis',
        format: 'json',
        parameters: { networkId: ids.district, period, language: 'ru', asOf: null },
        position: before,
        status: 'generated',
        progress: 1,
        stage: null,
        attempts: 1,
        artifact: { hash: sha256(bytes), size: bytes.length, contentType: 'application/json; charset=utf-8', fileName: 'Аналіз роботи освітнього округу за 2020-2021 навчальний рік.json' },
        templateVersion: null,
        failure: null,
        batchId: null,
        requestedAt: '2021-10-25T06:00:00.000Z',
        requestedBy: { id: 'admin', role: 'admin' },
        startedAt: '2021-10-25T06:00:00.000Z',
        generatedAt: '2021-10-25T06:00:00.000Z',
        failedAt: null,
        updatedAt: '2021-10-25T06:00:00.000Z',
        contentUrl: `/reports/${ids.report}/content`,
      });
      // The job told its progress on the way, and recorded its outcome once.
      const types = (await store.readStream(reportStream(ids.report))).map((e) => e.type);
      expect(types).toEqual(['ReportRequested', 'ReportGenerationStarted', 'ReportProgressed', 'ReportProgressed', 'ReportProgressed', 'ReportProgressed', 'ReportGenerated']);
    });

    it('builds a report at the position asOf names, or at the head with the day asOf names', async () => {
      const at = (await request(analysis(ids.district, {}, { asOf: 3 }))).body.id;
      expect(await finished(at)).toMatchObject({ status: 'generated', position: 3, parameters: { asOf: 3 } });
      const before = await head();
      const day = (await request(analysis(ids.district, {}, { asOf: '2021-06-30' }))).body.id;
      expect(await finished(day)).toMatchObject({ status: 'generated', position: before, parameters: { asOf: '2021-06-30' } });
      // The same request at the same position: the same document.
      const again = (await request(analysis(ids.district, {}, { asOf: 3 }))).body.id;
      expect((await finished(again)).artifact.hash).toBe((await finished(at)).artifact.hash);
    });

    it('answers a repeated Idempotency-Key with the first request, and records nothing more', async () => {
      const first = await request(analysis(ids.district), undefined, { 'Idempotency-Key': 'analysis-2020-2021' });
      await finished(first.body.id);
      const before = await head();
      const repeat = await request(analysis(ids.other), undefined, { 'Idempotency-Key': 'analysis-2020-2021' });
      expect(repeat.body).toEqual(first.body);
      expect(repeat.headers.location).toBe(`/reports/${first.body.id}`);
      expect(await head()).toBe(before);
    });

    it('lets an operator ask, and a network head for its own network', async () => {
      expect((await finished((await request(analysis(ids.other), keys.operator)).body.id)).requestedBy).toEqual({ id: 'operator', role: 'operator' });
      expect((await finished((await request(analysis(ids.district), keys.head)).body.id)).requestedBy).toEqual({ id: 'head.district', role: 'network-head' });
    });

    it('refuses an auditor, and a network head another network’s report (403), recording nothing', async () => {
      await refused(analysis(ids.district), 403, 'forbidden', keys.auditor);
      await refused(analysis(ids.other), 403, 'forbidden', keys.head);
    });

    it('answers malformed input field by field (400), recording nothing', async () => {
      await invalid({}, ['report', 'parameters']);
      await invalid(analysis(ids.district, { report: 'monitoring-tables' }), ['report']);
      // Another kind takes its own parameters: an analysis's are not a monitoring table's.
      await invalid(analysis(ids.district, { report: 'monitoring-table' }), ['parameters.period', 'parameters.periods']);
      await invalid(analysis(ids.district, { format: 'doc' }), ['format']);
      await invalid(analysis(ids.district, { title: 'x' }), ['title']);
      // A language left out is the department's (test/report-language.e2e-spec.ts): not a malformed field.
      await invalid({ report: 'annual-analysis', parameters: {} }, ['parameters.networkId', 'parameters.period']);
      await invalid(analysis('nope'), ['parameters.networkId']);
      await invalid(analysis(ids.district, {}, { language: 'de' }), ['parameters.language']);
      await invalid(analysis(ids.district, {}, { period: { kind: 'academic-year', academicYear: '2020-2022' } }), ['parameters.period.academicYear']);
      await invalid(analysis(ids.district, {}, { period: { kind: 'school-year' } }), ['parameters.period.kind']);
      await invalid(analysis(ids.district, {}, { period: { kind: 'calendar-year', year: 'x' } }), ['parameters.period.year']);
      for (const asOf of ['2021-02-30', '30.06.2021', -1, 1.5, true]) await invalid(analysis(ids.district, {}, { asOf }), ['parameters.asOf']);
      await invalid(analysis(ids.district, {}, { theme: 'x' }), ['parameters.theme']);
    });

    it('refuses what its rules refuse (422), saying why, recording nothing', async () => {
      await refused(analysis('0190a1b2-0000-7000-8000-000000000000'), 422, 'network-not-registered');
      await refused(analysis(ids.council), 422, 'period-kind-mismatch');
      await refused(analysis(ids.district, {}, { period: { kind: 'calendar-year', year: 2021 } }), 422, 'period-kind-mismatch');
      await refused(analysis(ids.district, {}, { asOf: (await head()) + 1 }), 422, 'position-not-recorded');
      await refused(analysis(ids.district, {}, { asOf: '2021-10-26' }), 422, 'as-of-in-the-future');
      // Formats: the tests' generator, in place of the built-in one, says it cannot write HTML here.
      const html = await refused(analysis(ids.district, { format: 'html' }), 422, 'report-format-unavailable');
      expect(html.body.detail).toBe('the test generator writes no HTML on this installation');
    });

    it('treats another department’s network as unknown (422 network-not-registered)', async () => {
      await refused(analysis(ids.district), 422, 'network-not-registered', keys.otherDepartment);
    });

    it('records a report its generator refuses as failed, with the reason', async () => {
      ids.failed = (await request(analysis(ids.district, { format: 'markdown' }))).body.id;
      expect(await finished(ids.failed)).toMatchObject({ status: 'failed', failure: 'the test generator writes no Markdown', artifact: null, contentUrl: null, failedAt: '2021-10-25T06:00:00.000Z' });
    });

    it('records a report once when its job is delivered again', async () => {
      const reportId = (await request(analysis(ids.district))).body.id;
      await finished(reportId);
      const generations = calls.filter((c) => c.reportId === reportId).length;
      const queue = api.app.get<JobQueue>(JOB_QUEUE);
      await queue.add(REPORT_QUEUE, `again-${reportId}`, { reportId, department: 'bakhmut' });
      let job = await queue.status(REPORT_QUEUE, `again-${reportId}`);
      for (let i = 0; i < 200 && job?.state !== 'completed'; i++) {
        await new Promise((resolve) => setTimeout(resolve, 25));
        job = await queue.status(REPORT_QUEUE, `again-${reportId}`);
      }
      expect(job).toMatchObject({ state: 'completed', result: { reportId, outcome: 'already-finished' } });
      expect(calls.filter((c) => c.reportId === reportId)).toHaveLength(generations);
      expect((await store.readStream(reportStream(reportId))).filter((e) => e.type === 'ReportGenerated')).toHaveLength(1);
    });
  });

  describe('GET /reports/{id} and /reports/{id}/content', () => {
    it('shows every role of the department the report and its document', async () => {
      for (const key of [undefined, keys.operator, keys.head, keys.auditor]) {
        expect((await api.as(key).get(`/reports/${ids.report}`)).body).toMatchObject({ reportId: ids.report, status: 'generated' });
        const content = await api.as(key).get(`/reports/${ids.report}/content`).buffer(true);
        expect(content.status).toBe(200);
      }
    });

    it('sends the document with its content type, its hash as ETag and its name in UTF-8', async () => {
      const report = (await api.as().get(`/reports/${ids.report}`)).body;
      const content = await api.as().get(`/reports/${ids.report}/content`).buffer(true);
      expect(content.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(content.headers.etag).toBe(`"${report.artifact.hash}"`);
      expect(Number(content.headers['content-length'])).toBe(report.artifact.size);
      expect(content.headers['content-disposition']).toBe(
        `attachment; filename="Analiz roboty osvitnoho okruhu za 2020-2021 navchalnyi rik.json"; filename*=UTF-8''${encodeURIComponent('Аналіз роботи освітнього округу за 2020-2021 навчальний рік.json')}`,
      );
      expect(sha256(binary(content))).toBe(report.artifact.hash);
      expect(content.headers['content-security-policy']).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox");
    });

    it('sends it inline for a preview the browser shows (disposition=inline), and refuses another disposition field by field', async () => {
      const inline = await api.as().get(`/reports/${ids.report}/content?disposition=inline`).buffer(true);
      expect(inline.status).toBe(200);
      expect(inline.headers['content-disposition']).toMatch(/^inline; filename="Analiz roboty osvitnoho okruhu za 2020-2021 navchalnyi rik\.json"; filename\*=UTF-8''/);
      const wrong = await api.as().get(`/reports/${ids.report}/content?disposition=open`);
      expect({ status: wrong.status, type: wrong.body.type }).toEqual({ status: 400, type: 'urn:okrug:problem:invalid-input' });
      expect(wrong.body.errors).toEqual([expect.objectContaining({ field: 'disposition' })]);
    });

    it('answers a report not generated with 422 report-not-generated, saying why', async () => {
      const res = await api.as().get(`/reports/${ids.failed}/content`);
      expect({ status: res.status, type: res.body.type }).toEqual({ status: 422, type: 'urn:okrug:problem:report-not-generated' });
      expect(res.body.detail).toBe(`report ${ids.failed} failed: the test generator writes no Markdown`);
    });

    it('answers an unknown id and another department’s report alike (404), and a malformed id with 400', async () => {
      for (const path of [`/reports/${ids.report}`, `/reports/${ids.report}/content`]) {
        const theirs = await api.as(keys.otherDepartment).get(path);
        const nobody = await api.as(keys.otherDepartment).get(path.replace(ids.report, '0190a1b2-0000-7000-8000-000000000000'));
        expect({ path, status: theirs.status, type: theirs.body.type }).toEqual({ path, status: 404, type: 'urn:okrug:problem:not-found' });
        expect({ status: nobody.status, type: nobody.body.type }).toEqual({ status: 404, type: 'urn:okrug:problem:not-found' });
        expect(theirs.text).not.toMatch(/annual-analysis|Аналіз/);
        expect((await api.as().get(path.replace(ids.report, 'nope'))).status).toBe(400);
      }
    });

    it('waits for a write it is given (consistentWith), and refuses a position the log has not reached (400)', async () => {
      const res = await request(analysis(ids.other));
      expect((await api.as().get(`/reports/${res.body.id}?consistentWith=${res.body.position}`)).status).toBe(200);
      await finished(res.body.id);
      const beyond = await api.as().get(`/reports/${res.body.id}?consistentWith=${(await head()) + 100}`);
      expect(beyond.body.errors.map((e: { field: string }) => e.field)).toEqual(['consistentWith']);
    });
  });

  describe('GET /reports', () => {
    it('lists the department’s reports newest first, a page at a time, to every role', async () => {
      const all = (await api.as(keys.auditor).get('/reports?limit=500')).body;
      expect(all.items.length).toBeGreaterThanOrEqual(8);
      expect(all.totalExact).toBe(true);
      expect(all.total).toBe(all.items.length);
      const ordered = [...all.items].sort((a, b) => (b.requestedAt === a.requestedAt ? b.reportId.localeCompare(a.reportId) : b.requestedAt.localeCompare(a.requestedAt)));
      expect(all.items.map((r: { reportId: string }) => r.reportId)).toEqual(ordered.map((r) => r.reportId));
      const page = (await api.as(keys.head).get('/reports?limit=2&offset=1')).body;
      expect(page).toMatchObject({ offset: 1, limit: 2, total: all.total });
      expect(page.items.map((r: { reportId: string }) => r.reportId)).toEqual(all.items.slice(1, 3).map((r: { reportId: string }) => r.reportId));
      // Another department has none of them.
      expect((await api.as(keys.otherDepartment).get('/reports')).body).toMatchObject({ items: [], total: 0 });
    });

    it('filters by kind, network, period, status and format', async () => {
      const list = async (query: string) => (await api.as().get(`/reports?limit=500&${query}`)).body.items as { reportId: string; status: string; format: string; parameters: { networkId: string } }[];
      const all = await list('');
      const other = await list(`network=${ids.other}`);
      expect(other.length).toBeGreaterThanOrEqual(2);
      expect(other.every((r) => r.parameters.networkId === ids.other)).toBe(true);
      expect((await list('status=failed')).map((r) => r.reportId)).toEqual([ids.failed]);
      expect((await list('format=markdown')).map((r) => r.reportId)).toEqual([ids.failed]);
      expect(await list('format=docx')).toEqual([]);
      expect((await list('report=annual-analysis')).length).toBe(all.length);
      expect((await list('academicYear=2020/2021')).length).toBe(all.length);
      expect(await list('academicYear=2019/2020')).toEqual([]);
      expect(await list('year=2021')).toEqual([]);
      expect((await list(`network=${ids.district}&status=generated&format=json`)).every((r) => r.status === 'generated' && r.format === 'json' && r.parameters.networkId === ids.district)).toBe(true);
    });

    it('answers malformed filters field by field (400)', async () => {
      for (const [query, fields] of [
        ['status=done', ['status']],
        ['format=doc', ['format']],
        ['report=summary', ['report']],
        ['network=nope', ['network']],
        ['academicYear=2020-2021', ['academicYear']],
        ['academicYear=2020/2022', ['academicYear']],
        ['academicYear=2020/2021&year=2021', ['academicYear', 'year']],
        ['year=21', ['year']],
        ['limit=0', ['limit']],
        ['title=x', ['title']],
      ] as const) {
        const res = await api.as().get(`/reports?${query}`);
        expect({ query, status: res.status, fields: (res.body.errors ?? []).map((e: { field: string }) => e.field).sort() }).toEqual({ query, status: 400, fields: [...fields].sort() });
      }
    });
  });

  it('lists the endpoints in the OpenAPI document, the request answering 202', async () => {
    const doc: OpenApiDocument = (await api.http.get('/docs-json')).body;
    expect(Object.keys(doc.paths['/reports'])).toEqual(expect.arrayContaining(['get', 'post']));
    expect(Object.keys(doc.paths['/reports/{id}'])).toEqual(['get']);
    expect(Object.keys(doc.paths['/reports/{id}/content'])).toEqual(['get']);
    expect(Object.keys(doc.paths['/reports'].post.responses ?? {})).toEqual(expect.arrayContaining(['202', '400', '401', '403', '422']));
  });
});

describe('reports on an installation as it ships', () => {
  const clock = new FixedClock(new Date('2021-10-25T06:00:00Z'));
  let api: ApiHarness;
  let network: string;
  const parameters = () => ({ networkId: network, period: { kind: 'academic-year', academicYear: '2020/2021' }, language: 'ru' });
  const finished = async (reportId: string) => {
    for (let i = 0; i < 400; i++) {
      const res = await api.as().get(`/reports/${reportId}`);
      if (res.status === 200 && (res.body.status === 'generated' || res.body.status === 'failed')) return res.body;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`report ${reportId} did not finish`);
  };
  const generated = async (body: object) => {
    const res = await api.as().post('/reports').send(body);
    expect(res.status).toBe(202);
    const report = await finished(res.body.id);
    expect(report).toMatchObject({ status: 'generated' });
    const content = await api.as().get(`/reports/${res.body.id}/content`).buffer(true).parse((r, done) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => done(null, Buffer.concat(chunks)));
    });
    expect(content.status).toBe(200);
    return { report, content, bytes: content.body as Buffer };
  };

  beforeAll(async () => {
    api = await ApiHarness.start({}, undefined, clock);
    const school = (await api.as().post('/institutions').send({ fullName: 'Муниципальное бюджетное общеобразовательное учреждение Мурыгинская средняя школа', shortName: 'МБОУ Мурыгинская СШ', kind: 'general-school', settlement: 'с. Мурыгино' })).body.id;
    network = (await api.as().post('/networks').send({ name: 'Школьный округ № 3', kind: 'educational-district' })).body.id;
    expect((await api.as().post(`/networks/${network}/members`).send({ institutionId: school, role: 'member', from: '2020-09-01' })).status).toBe(200);
  });
  afterAll(async () => {
    await api.stop();
  });

  it('has a built-in generator of every kind in each of its formats (the tables in XLSX too)', async () => {
    const texts = ['docx', 'html', 'json', 'markdown', 'pdf'];
    expect(api.app.get(ReportGenerators).registered().map((r) => `${r.report} ${r.format}`)).toEqual([
      ...texts.map((format) => `annual-analysis ${format}`),
      ...[...texts, 'xlsx'].map((format) => `department-summary ${format}`),
      ...texts.map((format) => `institution-profile ${format}`),
      ...[...texts, 'xlsx'].map((format) => `monitoring-table ${format}`),
    ]);
  });

  it('generates the annual analysis from the records as DOCX (the default), with its title and composition', async () => {
    const { content, bytes, report } = await generated({ report: 'annual-analysis', parameters: parameters() });
    expect(content.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(report.artifact.fileName).toBe('Отчет о работе школьного округа № 3 за 2020-2021 учебный год.docx');
    await expectOpensInLibreOffice(bytes);
    const text = new PizZip(bytes).file('word/document.xml')!.asText().replace(/<[^>]+>/g, '');
    expect(text).toContain('Отчет о работе школьного округа № 3 за 2020/2021 учебный год');
    expect(text).toContain('МБОУ Мурыгинская СШ');
  });

  it('gives the same bytes when the same report is generated again at the same position', async () => {
    const position = (await api.http.get('/health')).body.eventStore.head;
    const first = await generated({ report: 'annual-analysis', format: 'json', parameters: { ...parameters(), asOf: position } });
    const second = await generated({ report: 'annual-analysis', format: 'json', parameters: { ...parameters(), asOf: position } });
    expect(second.report.artifact.hash).toBe(first.report.artifact.hash);
    expect(JSON.parse(first.bytes.toString('utf8'))).toMatchObject({ report: 'annual-analysis', title: 'Отчет о работе школьного округа № 3 за 2020/2021 учебный год', basis: { position } });
    const docx = await generated({ report: 'annual-analysis', format: 'docx', parameters: { ...parameters(), asOf: position } });
    const again = await generated({ report: 'annual-analysis', format: 'docx', parameters: { ...parameters(), asOf: position } });
    expect(again.bytes.equals(docx.bytes)).toBe(true);
  });

  it('writes HTML and Markdown, and PDF only where LibreOffice is installed (422 saying so otherwise)', async () => {
    const html = await generated({ report: 'annual-analysis', format: 'html', parameters: parameters() });
    expect(html.content.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(html.bytes.toString('utf8')).toContain('Отчет о работе школьного округа № 3');
    const markdown = await generated({ report: 'annual-analysis', format: 'markdown', parameters: parameters() });
    expect(markdown.bytes.toString('utf8')).toMatch(/^# Отчет о работе школьного округа № 3/m);
    if (api.app.get(ReportGenerators).availability('annual-analysis', 'pdf').available) {
      const pdf = await generated({ report: 'annual-analysis', format: 'pdf', parameters: parameters() });
      expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    } else {
      process.stdout.write('[skipped] PDF of a report: LibreOffice (soffice) is not installed here\n');
      const res = await api.as().post('/reports').send({ report: 'annual-analysis', format: 'pdf', parameters: parameters() });
      expect({ status: res.status, type: res.body.type }).toEqual({ status: 422, type: 'urn:okrug:problem:report-format-unavailable' });
      expect(res.body.detail).toMatch(/LibreOffice/);
    }
  });
});
