import { createHash, randomBytes } from 'node:crypto';
import PizZip from 'pizzip';
import { FixedClock } from '@app/kernel';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { reportStream } from '@app/reporting';
import { ReportGenerators } from '@app/reporting/report-generation/report-generators';
import { ARTIFACT_STORE, ArtifactStore } from '@app/reporting/artifacts/artifact-store.port';
import { p, raw, run, templatePackage } from '@app/reporting/render/docx/template-parts';
import { builtInDocxTemplate, stopChartRenderer } from '@app/reporting/render/renderers';
import { docxText } from '@app/reporting/render/testing/docx-text';
import { ADMIN_KEY, ApiHarness } from './support/api-harness';
import { secondDepartmentAdmin } from './support/second-department';
import { expectOpensInLibreOffice } from './support/libre-office';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const KINDS = ['annual-analysis', 'monitoring-table', 'department-summary', 'institution-profile'];

/** The built-in Ukrainian template of the annual analysis with words of the department's own before the title. */
const ownTemplate = (words: string, extra = ''): Buffer => {
  const zip = new PizZip(builtInDocxTemplate('uk'));
  const xml = zip.file('word/document.xml')!.asText();
  const title = '<w:t xml:space="preserve">{title}</w:t>';
  if (!xml.includes(title)) throw new Error('the built-in template has no {title} run');
  zip.file('word/document.xml', xml.replace(title, `<w:t xml:space="preserve">${words} {title}${extra}</w:t>`));
  return zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' });
};

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/**
 * A department's own DOCX templates through the HTTP API (docs/reporting.md, "Department
 * templates"): uploaded by an admin, checked tag by tag (nothing recorded for a bad one),
 * versioned, used by the reports requested after (which name the version), the earlier reports
 * unchanged, invisible to another department, withdrawn back to the built-in one. On the
 * profile the suite runs on (embedded; `npm run test:distributed` for MongoDB and Bull).
 */
describe('department templates (/report-templates)', () => {
  const clock = new FixedClock(new Date('2023-10-25T06:00:00Z'));
  let api: ApiHarness;
  const keys: Record<string, string> = {};
  let network = '';
  let theirNetwork = '';

  const head = async (): Promise<number> => (await api.http.get('/health')).body.eventStore.head;
  const binary = (req: ReturnType<ApiHarness['http']['get']>) =>
    req.buffer(true).parse((r, done) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => done(null, Buffer.concat(chunks)));
    });
  const upload = (bytes: Buffer, key = ADMIN_KEY, kind = 'annual-analysis', query = '') =>
    api.http.put(`/report-templates/${kind}${query}`).set('Authorization', `Bearer ${key}`).set('Content-Type', DOCX).send(bytes);
  const withdraw = (key = ADMIN_KEY, kind = 'annual-analysis') => api.http.delete(`/report-templates/${kind}`).set('Authorization', `Bearer ${key}`);
  const analysis = (networkId = network, format = 'docx') => ({
    report: 'annual-analysis',
    format,
    parameters: { networkId, period: { kind: 'academic-year', academicYear: '2022/2023' }, language: 'uk' },
  });
  /** A report asked for, generated, and its document. */
  const generated = async (body: object, key = ADMIN_KEY) => {
    const asked = await api.as(key).post('/reports').send(body);
    if (asked.status !== 202) throw new Error(`POST /reports → ${asked.status} ${JSON.stringify(asked.body)}`);
    let report: { status: string; reportId: string; templateVersion: string | null; artifact: { hash: string } | null; failure: string | null } | undefined;
    for (let i = 0; i < 800; i++) {
      report = (await api.as(key).get(`/reports/${asked.body.id}`)).body;
      if (report?.status === 'generated' || report?.status === 'failed') break;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    if (report?.status !== 'generated') return { report: report!, bytes: Buffer.alloc(0) };
    const content = await binary(api.as(key).get(`/reports/${asked.body.id}/content`));
    return { report: report!, bytes: content.body as Buffer };
  };

  beforeAll(async () => {
    api = await ApiHarness.start({}, undefined, clock);
    network = (await api.as().post('/networks').send({ name: 'Бахмутський освітній округ № 1', kind: 'educational-district' })).body.id;
    Object.assign(
      keys,
      await api.issueKeys({
        operator: { actorId: 'operator', role: 'operator', label: 'Методист' },
        head: { actorId: 'head', role: 'network-head', label: 'Керівник округу', networkIds: [network] },
        auditor: { actorId: 'auditor', role: 'auditor', label: 'Аудитор' },
      }),
    );
    keys.other = await secondDepartmentAdmin(api, 'kramatorsk');
    theirNetwork = (await api.as(keys.other).post('/networks').send({ name: 'Краматорський освітній округ', kind: 'educational-district' })).body.id;
  }, 120_000);
  afterAll(async () => {
    await api?.stop();
    await stopChartRenderer();
  });

  it('lists every kind with the built-in template before the department uploads one', async () => {
    const res = await api.as(keys.auditor).get('/report-templates');
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual(KINDS.map((report) => ({ report, builtIn: true, current: null, versions: 0 })));
    expect((await api.as(keys.head).get('/report-templates/annual-analysis')).body).toEqual({ report: 'annual-analysis', builtIn: true, current: null, versions: [], withdrawnAt: null });
  });

  it('refuses a template with tags the kind cannot fill, each answered on its own (422), recording nothing', async () => {
    const before = await head();
    const bad = ownTemplate('Шаблон', ' {plan.gaol} {@title} {#eventsHeld}{topik}{/eventsHeld} {#tasks}');
    const res = await upload(bad);
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ type: 'urn:okrug:problem:report-template-invalid', status: 422 });
    // What docxtemplater cannot compile comes first: every fault of that kind, each with its tag.
    expect(res.body.errors).toEqual([
      { tag: '{#tasks}', part: 'word/document.xml', message: 'The loop with tag "tasks" is unclosed' },
      { tag: '{@title}', part: 'word/document.xml', message: expect.stringContaining('should be the only text in this paragraph') },
    ]);
    // A template that compiles: each tag checked against the fields of the annual analysis.
    const misnamed = await upload(
      templatePackage({ language: 'uk', orientation: 'portrait', body: p(null, run('{title} {plan.gaol} {#eventsHeld}{topik}{/eventsHeld} {chartImage.fulfilment}')) + raw('title') }),
    );
    expect(misnamed.status).toBe(422);
    expect(misnamed.body.errors.map((e: { tag: string; message: string }) => [e.tag, e.message])).toEqual([
      ['{plan.gaol}', 'unknown field `plan.gaol`; did you mean `plan.goal`?'],
      ['{topik}', 'unknown field `topik`; did you mean `topic`?'],
      ['{chartImage.fulfilment}', '`chartImage.fulfilment` is raw XML (a chart): insert it with {@chartImage.fulfilment}, alone in its paragraph'],
      ['{@title}', 'raw XML is allowed only for chartImage.* and table.*; `title` is text: write {title}'],
    ]);
    expect(await head()).toBe(before);
    expect((await api.as().get('/report-templates/annual-analysis')).body.versions).toEqual([]);
  });

  it('refuses what is not a DOCX (400 field by field), another content type (415), an unknown kind (400)', async () => {
    const before = await head();
    const notZip = await upload(Buffer.from('not a zip at all'));
    expect({ status: notZip.status, type: notZip.body.type, errors: notZip.body.errors }).toEqual({
      status: 400,
      type: 'urn:okrug:problem:invalid-input',
      errors: [{ field: '(body)', messages: [expect.stringMatching(/not a DOCX document: it is not a zip archive/)] }],
    });
    const empty = await upload(Buffer.alloc(0));
    expect({ status: empty.status, field: empty.body.errors?.[0]?.field }).toEqual({ status: 400, field: '(body)' });
    const json = await api.as().put('/report-templates/annual-analysis').send({ template: 'x' });
    expect({ status: json.status, type: json.body.type }).toEqual({ status: 415, type: 'urn:okrug:problem:http-415' });
    const kind = await upload(ownTemplate('Шаблон'), ADMIN_KEY, 'annual-report');
    expect({ status: kind.status, errors: kind.body.errors }).toEqual({ status: 400, errors: [{ field: 'kind', messages: [expect.stringContaining('kind must be one of annual-analysis')] }] });
    // A template may be larger than a JSON body (1 MiB: a logo, say), up to 5 MiB.
    const withLogo = new PizZip(ownTemplate('Шаблон', ' {titel}'));
    withLogo.file('word/media/logo.bin', randomBytes(2 * 1024 * 1024));
    const large = await upload(withLogo.generate({ type: 'nodebuffer', compression: 'STORE' }));
    expect({ status: large.status, tags: large.body.errors?.map((e: { tag: string }) => e.tag) }).toEqual({ status: 422, tags: ['{titel}'] });
    const tooLarge = await upload(Buffer.concat([ownTemplate('Шаблон'), randomBytes(5 * 1024 * 1024)]));
    expect({ status: tooLarge.status, type: tooLarge.body.type }).toEqual({ status: 413, type: 'urn:okrug:problem:http-413' });
    // DOCX is read only where a template is uploaded.
    const elsewhere = await api.as().post('/networks').set('Content-Type', DOCX).send(ownTemplate('Шаблон'));
    expect(elsewhere.status).toBe(415);
    expect(await head()).toBe(before);
  });

  it('lets only admins upload and withdraw (403 for operators, network heads and auditors)', async () => {
    const before = await head();
    for (const role of ['operator', 'head', 'auditor']) {
      const res = await upload(ownTemplate('Шаблон'), keys[role]);
      expect({ role, status: res.status, type: res.body.type }).toEqual({ role, status: 403, type: 'urn:okrug:problem:forbidden' });
      expect({ role, status: (await withdraw(keys[role])).status }).toEqual({ role, status: 403 });
    }
    expect(await head()).toBe(before);
  });

  describe('once uploaded', () => {
    const v1 = ownTemplate('Власний шаблон управління, перша версія:');
    const v2 = ownTemplate('Власний шаблон управління, друга версія:');
    let first: { report: { reportId: string; templateVersion: string | null; artifact: { hash: string } | null }; bytes: Buffer };

    it('is version 1, in force for the kind; the same file again records nothing (200)', async () => {
      const res = await upload(v1, ADMIN_KEY, 'annual-analysis', '?fileName=' + encodeURIComponent('Аналіз роботи.docx'));
      expect(res.status).toBe(201);
      expect(res.headers.location).toBe('/report-templates/annual-analysis');
      expect(res.body).toEqual({ id: 'annual-analysis', revision: 0, position: expect.any(Number), version: 1 });
      const before = await head();
      const again = await upload(v1);
      expect({ status: again.status, body: again.body }).toEqual({ status: 200, body: { id: 'annual-analysis', revision: 0, position: res.body.position, version: 1 } });
      expect(await head()).toBe(before);

      const kind = (await api.as(keys.auditor).get('/report-templates/annual-analysis')).body;
      expect(kind).toMatchObject({ report: 'annual-analysis', builtIn: false, current: 1, withdrawnAt: null });
      expect(kind.versions).toEqual([
        {
          version: 1,
          hash: sha256(v1),
          size: v1.length,
          fileName: 'Аналіз роботи.docx',
          placeholders: expect.arrayContaining(['title', '#eventsHeld', 'number', 'text', '@chartImage.fulfilment', 'signature.dateText']),
          uploadedAt: '2023-10-25T06:00:00.000Z',
          uploadedBy: { id: expect.any(String), role: 'admin' },
          inForce: true,
          contentUrl: '/report-templates/annual-analysis/versions/1/content',
        },
      ]);
      const list = (await api.as(keys.operator).get('/report-templates')).body.items;
      expect(list.find((k: { report: string }) => k.report === 'annual-analysis')).toMatchObject({ builtIn: false, current: { version: 1 }, versions: 1 });
      expect(list.filter((k: { builtIn: boolean }) => k.builtIn).map((k: { report: string }) => k.report)).toEqual(KINDS.slice(1));
    });

    it('is downloaded as uploaded, by every role of the department', async () => {
      const res = await binary(api.as(keys.head).get('/report-templates/annual-analysis/versions/1/content'));
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe(DOCX);
      expect(res.headers.etag).toBe(`"${sha256(v1)}"`);
      expect(res.headers['content-disposition']).toContain("filename*=UTF-8''%D0%90%D0%BD%D0%B0%D0%BB%D1%96%D0%B7");
      expect(Buffer.compare(res.body as Buffer, v1)).toBe(0);
      expect((await api.as().get('/report-templates/annual-analysis/versions/2/content')).status).toBe(404);
      expect((await api.as().get('/report-templates/annual-analysis/versions/0/content')).body.errors).toEqual([{ field: 'version', messages: ['version must be a whole number from 1'] }]);
    });

    it('renders the reports of the kind asked as DOCX, which name version 1; HTML and JSON ignore it', async () => {
      first = await generated(analysis());
      expect(first.report).toMatchObject({ status: 'generated', templateVersion: '1' });
      await expectOpensInLibreOffice(first.bytes);
      const text = docxText(first.bytes);
      expect(text).toContain('Власний шаблон управління, перша версія: Аналіз роботи Бахмутського освітнього округу № 1 за 2022/2023 навчальний рік');
      const json = await generated(analysis(network, 'json'));
      expect(json.report).toMatchObject({ status: 'generated', templateVersion: null });
      const recorded = await api.app.get<EventStore>(EVENT_STORE).readStream(reportStream(first.report.reportId));
      expect(recorded[0].data).toMatchObject({ template: { version: 1, hash: sha256(v1), storageKey: `bakhmut/templates/annual-analysis/${sha256(v1)}` } });
      expect((await api.app.get<EventStore>(EVENT_STORE).readStream(reportStream(json.report.reportId)))[0].data).not.toHaveProperty('template');
      // The other kinds keep the built-in template.
      const profile = await api.as().post('/institutions').send({ fullName: 'Бахмутська гімназія № 5', shortName: 'Гімназія № 5', kind: 'general-school', settlement: 'Бахмут' });
      const theirs = await generated({ report: 'institution-profile', parameters: { institutionId: profile.body.id, language: 'uk' } });
      expect(theirs.report).toMatchObject({ status: 'generated', templateVersion: null });
    });

    it('takes version 2; the reports after use it, the earlier one is unchanged', async () => {
      const res = await upload(v2).set('Idempotency-Key', 'template-v2');
      expect({ status: res.status, version: res.body.version, revision: res.body.revision }).toEqual({ status: 201, version: 2, revision: 1 });
      // The same request again (a retry): the same answer, nothing recorded.
      const before = await head();
      const repeat = await upload(v2).set('Idempotency-Key', 'template-v2');
      expect({ status: repeat.status, body: repeat.body }).toEqual({ status: 201, body: res.body });
      expect(await head()).toBe(before);
      const second = await generated(analysis());
      expect(second.report.templateVersion).toBe('2');
      expect(docxText(second.bytes)).toContain('Власний шаблон управління, друга версія:');
      await expectOpensInLibreOffice(second.bytes);
      const earlier = await binary(api.as().get(`/reports/${first.report.reportId}/content`));
      expect(sha256(earlier.body as Buffer)).toBe(first.report.artifact!.hash);
      expect((await api.as().get(`/reports/${first.report.reportId}`)).body.templateVersion).toBe('1');
      const kind = (await api.as().get('/report-templates/annual-analysis')).body;
      expect(kind.versions.map((v: { version: number; inForce: boolean }) => [v.version, v.inForce])).toEqual([
        [1, false],
        [2, true],
      ]);
    });

    it('renders a PDF with it too (the DOCX converted), where LibreOffice is installed', async () => {
      if (!api.app.get(ReportGenerators).availability('annual-analysis', 'pdf').available) {
        process.stdout.write('[skipped] a PDF with a department template: LibreOffice (soffice) is not installed here\n');
        return;
      }
      const pdf = await generated(analysis(network, 'pdf'));
      expect(pdf.report).toMatchObject({ status: 'generated', templateVersion: '2' });
      expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    }, 120_000);

    it('is invisible to another department, whose reports keep the built-in template', async () => {
      const list = (await api.as(keys.other).get('/report-templates')).body.items;
      expect(list.every((k: { builtIn: boolean; versions: number }) => k.builtIn && k.versions === 0)).toBe(true);
      expect((await api.as(keys.other).get('/report-templates/annual-analysis')).body.versions).toEqual([]);
      const content = await api.as(keys.other).get('/report-templates/annual-analysis/versions/1/content');
      expect({ status: content.status, type: content.body.type }).toEqual({ status: 404, type: 'urn:okrug:problem:not-found' });
      const withdrawn = await withdraw(keys.other);
      expect({ status: withdrawn.status, type: withdrawn.body.type }).toEqual({ status: 422, type: 'urn:okrug:problem:report-template-not-in-force' });
      const theirs = await generated(analysis(theirNetwork), keys.other);
      expect(theirs.report).toMatchObject({ status: 'generated', templateVersion: null });
      expect(docxText(theirs.bytes)).not.toContain('Власний шаблон');
    });

    it('is withdrawn back to the built-in template, its versions kept; a second withdrawal is refused (422)', async () => {
      const res = await withdraw();
      expect({ status: res.status, revision: res.body.revision }).toEqual({ status: 200, revision: 2 });
      const kind = (await api.as().get('/report-templates/annual-analysis')).body;
      expect(kind).toMatchObject({ builtIn: true, current: null, withdrawnAt: '2023-10-25T06:00:00.000Z' });
      expect(kind.versions.map((v: { inForce: boolean }) => v.inForce)).toEqual([false, false]);
      const after = await generated(analysis());
      expect(after.report.templateVersion).toBeNull();
      expect(docxText(after.bytes)).not.toContain('Власний шаблон');
      expect(docxText(after.bytes).split('\n')[0]).toBe('Аналіз роботи Бахмутського освітнього округу № 1 за 2022/2023 навчальний рік');
      const before = await head();
      const again = await withdraw();
      expect({ status: again.status, type: again.body.type }).toEqual({ status: 422, type: 'urn:okrug:problem:report-template-not-in-force' });
      expect(await head()).toBe(before);
    });

    it('fails a report whose template’s file is lost, and refuses its download (422 report-template-lost)', async () => {
      const v3 = ownTemplate('Третя версія:');
      expect((await upload(v3)).body.version).toBe(3);
      await api.app.get<ArtifactStore>(ARTIFACT_STORE).delete(`bakhmut/templates/annual-analysis/${sha256(v3)}`);
      const lost = await generated(analysis());
      expect(lost.report).toMatchObject({ status: 'failed', failure: expect.stringContaining('template version 3 is missing') });
      const content = await api.as().get('/report-templates/annual-analysis/versions/3/content');
      expect({ status: content.status, type: content.body.type }).toEqual({ status: 422, type: 'urn:okrug:problem:report-template-lost' });
    });
  });

  it('appears in the OpenAPI document with its rules’ problems', async () => {
    const doc = (await api.http.get('/docs-json')).body;
    const put = doc.paths['/report-templates/{kind}'].put;
    expect(Object.keys(put.requestBody.content)).toEqual([DOCX]);
    expect(Object.keys(put.responses).sort()).toEqual(['200', '201', '400', '401', '403', '409', '413', '415', '422']);
    expect(Object.keys(doc.paths['/report-templates/{kind}'].delete.responses)).toEqual(expect.arrayContaining(['200', '403', '422']));
    expect(Object.keys(doc.paths['/report-templates'].get.responses)).toEqual(expect.arrayContaining(['200', '401']));
    expect(Object.keys(doc.paths['/report-templates/{kind}/versions/{version}/content'].get.responses)).toEqual(expect.arrayContaining(['200', '404', '422']));
  });
});
