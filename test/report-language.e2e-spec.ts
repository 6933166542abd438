import { EVENT_STORE, EventStore } from '@app/event-store';
import { FixedClock } from '@app/kernel';
import { reportBatchStream, reportLanguageStream, reportStream } from '@app/reporting';
import { stopChartRenderer } from '@app/reporting/render/renderers';
import { ApiHarness } from './support/api-harness';
import { secondDepartmentAdmin } from './support/second-department';

/**
 * The department's report language (docs/reporting.md, "The department's language"): `PUT` and
 * `GET /department/report-language`, admins set it, every role reads it, each department its
 * own; a report, a batch or a schedule that names no language is written in it, and the request
 * records it; with neither, 400 on the language field; a language named wins. Both profiles
 * (`npm run test:distributed -- test/report-language`). "Today" is 25 October 2023.
 */
describe('reporting: the department’s report language', () => {
  const clock = new FixedClock(new Date('2023-10-25T06:00:00Z'));
  let api: ApiHarness;
  let store: EventStore;
  let network = '';
  let institution = '';
  let otherKey = '';
  const keys: Record<string, string> = {};
  const period = { kind: 'academic-year', academicYear: '2022/2023' };

  const head = async (): Promise<number> => (await api.http.get('/health')).body.eventStore.head;
  const put = (body: object, key?: string) => api.as(key).put('/department/report-language').send(body);
  const post = async (url: string, body: object, expected: number, key?: string) => {
    const res = await api.as(key).post(url).send(body);
    if (res.status !== expected) throw new Error(`${url} → ${res.status} (expected ${expected}) ${JSON.stringify(res.body)}`);
    return res.body;
  };
  /** Refused with this status and problem type; nothing recorded. */
  const refused = async (request: () => Promise<{ status: number; body: { type: string; errors?: { field: string; messages: string[] }[] } }>, status: number, type: string) => {
    const before = await head();
    const res = await request();
    expect({ status: res.status, type: res.body.type }).toEqual({ status, type: `urn:okrug:problem:${type}` });
    expect(await head()).toBe(before);
    return res.body;
  };
  const fieldsOf = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field).sort();
  const analysis = (parameters: Record<string, unknown> = {}, format = 'json') => ({ report: 'annual-analysis', format, parameters: { networkId: network, period, ...parameters } });
  const finished = async (reportId: string, key?: string) => {
    for (let i = 0; i < 800; i++) {
      const res = await api.as(key).get(`/reports/${reportId}`);
      if (res.status === 200 && (res.body.status === 'generated' || res.body.status === 'failed')) return res.body;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`report ${reportId} did not finish`);
  };
  const batchFinished = async (batchId: string) => {
    for (let i = 0; i < 1200; i++) {
      const res = await api.as().get(`/report-batches/${batchId}`);
      if (res.status === 200 && res.body.finishedAt) return res.body;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`batch ${batchId} did not finish`);
  };
  const content = async (reportId: string): Promise<string> => {
    const res = await api.as().get(`/reports/${reportId}/content`).buffer(true);
    expect(res.status).toBe(200);
    return typeof res.body === 'string' ? res.body : Buffer.isBuffer(res.body) ? res.body.toString('utf8') : (res.text ?? JSON.stringify(res.body));
  };
  const recordedLanguage = async (reportId: string) => ((await store.readStream(reportStream(reportId)))[0].data as { parameters: { language: string } }).parameters.language;

  beforeAll(async () => {
    api = await ApiHarness.start({}, undefined, clock);
    store = api.app.get(EVENT_STORE);
    network = (await post('/networks', { name: 'Бахмутський освітній округ № 11', kind: 'educational-district' }, 201)).id;
    institution = (await post('/institutions', { fullName: 'Бахмутська загальноосвітня школа № 7', shortName: 'ЗОШ № 7', kind: 'general-school', settlement: 'м. Бахмут' }, 201)).id;
    for (const [name, body] of Object.entries({
      operator: { actorId: 'operator', role: 'operator', label: 'Методист' },
      head: { actorId: 'head.district11', role: 'network-head', label: 'Керівник округу № 11', networkIds: [network] },
      auditor: { actorId: 'auditor', role: 'auditor', label: 'Аудитор' },
    })) {
      keys[name] = (await post('/api-keys', body, 201)).secret;
    }
    otherKey = await secondDepartmentAdmin(api, 'kramatorsk');
  }, 120_000);
  afterAll(async () => {
    await api?.stop();
    await stopChartRenderer();
  });

  it('is none until the department sets one, and says so to every role', async () => {
    for (const key of [undefined, keys.operator, keys.head, keys.auditor]) {
      const res = await api.as(key).get('/department/report-language');
      expect({ status: res.status, body: res.body }).toEqual({ status: 200, body: { department: 'bakhmut', language: null, isSet: false } });
    }
  });

  it('while none is set, refuses a report, a batch or a schedule that names no language (400 on the language field, saying how), recording nothing', async () => {
    for (const body of [
      analysis(),
      analysis({ language: null }),
      { report: 'monitoring-table', parameters: { periods: { kind: 'academic-year', from: '2021/2022', to: '2022/2023' } } },
      { report: 'department-summary', parameters: { period } },
      { report: 'institution-profile', parameters: { institutionId: institution } },
    ]) {
      const problem = await refused(() => api.as().post('/reports').send(body), 400, 'invalid-input');
      expect(fieldsOf(problem)).toEqual(['parameters.language']);
      expect(problem.errors![0].messages.join(' ')).toContain('PUT /department/report-language');
    }
    // With another field wrong too: both, field by field.
    expect(fieldsOf(await refused(() => api.as().post('/reports').send(analysis({ period: { kind: 'academic-year', academicYear: '2022/2024' } })), 400, 'invalid-input'))).toEqual([
      'parameters.language',
      'parameters.period.academicYear',
    ]);
    expect(fieldsOf(await refused(() => api.as().post('/report-batches').send({ report: 'annual-analysis', parameters: { period } }), 400, 'invalid-input'))).toEqual(['parameters.language']);
    const schedule = { cron: '0 6 25 10 *', timeZone: 'Europe/Kyiv', report: 'annual-analysis', periodKind: 'academic-year' };
    const problem = await refused(() => api.as().post('/report-schedules').send(schedule), 400, 'invalid-input');
    expect(fieldsOf(problem)).toEqual(['language']);
    expect(problem.errors![0].messages.join(' ')).toContain('PUT /department/report-language');
  });

  it('lets only admins set it (403 for operators, network heads, auditors), and answers a bad language field by field (400); nothing recorded', async () => {
    for (const key of [keys.operator, keys.head, keys.auditor]) await refused(() => put({ language: 'ru' }, key), 403, 'forbidden');
    expect(fieldsOf(await refused(() => put({ language: 'de' }), 400, 'invalid-input'))).toEqual(['language']);
    expect(fieldsOf(await refused(() => put({}), 400, 'invalid-input'))).toEqual(['language']);
    expect(fieldsOf(await refused(() => put({ language: 'ru', scale: 'x' }), 400, 'invalid-input'))).toEqual(['scale']);
  });

  it('is set by an admin (200 { id, revision, position }) on the department’s own stream; every role reads it; the same again is 422 nothing-to-change', async () => {
    const res = await put({ language: 'ru' });
    expect({ status: res.status, body: res.body }).toEqual({ status: 200, body: { id: 'bakhmut', revision: 0, position: expect.any(Number) } });
    expect((await store.readStream(reportLanguageStream('bakhmut'))).map((e) => ({ type: e.type, data: e.data }))).toEqual([
      { type: 'ReportLanguageSet', data: { department: 'bakhmut', language: 'ru', previous: null } },
    ]);
    for (const key of [undefined, keys.operator, keys.head, keys.auditor]) {
      expect((await api.as(key).get('/department/report-language')).body).toEqual({ department: 'bakhmut', language: 'ru', isSet: true });
    }
    await refused(() => put({ language: 'ru' }), 422, 'nothing-to-change');
  });

  it('writes an annual analysis asked for without a language in the department’s, and records it with the request', async () => {
    const { id } = await post('/reports', analysis(), 202, keys.head);
    expect(await recordedLanguage(id)).toBe('ru');
    const report = await finished(id);
    expect(report).toMatchObject({ status: 'generated', parameters: { networkId: network, period, language: 'ru', asOf: null } });
    expect(JSON.parse(await content(id))).toMatchObject({ language: 'ru' });
    const markdown = await post('/reports', analysis({}, 'markdown'), 202);
    expect(await finished(markdown.id)).toMatchObject({ status: 'generated', parameters: { language: 'ru' } });
    expect(await content(markdown.id)).toContain('учебный год');
  });

  it('records the department’s language for every kind asked for without one', async () => {
    for (const body of [
      { report: 'monitoring-table', format: 'json', parameters: { periods: { kind: 'academic-year', from: '2021/2022', to: '2022/2023' } } },
      { report: 'department-summary', format: 'json', parameters: { period } },
      { report: 'institution-profile', format: 'json', parameters: { institutionId: institution, language: null } },
    ]) {
      const { id } = await post('/reports', body, 202, keys.operator);
      expect({ report: body.report, language: await recordedLanguage(id) }).toEqual({ report: body.report, language: 'ru' });
      // Generated before what follows counts the log's events.
      expect((await finished(id)).parameters.language).toBe('ru');
    }
  });

  it('writes a report in the language it names, whatever the department’s', async () => {
    const { id } = await post('/reports', analysis({ language: 'en' }), 202);
    expect(await recordedLanguage(id)).toBe('en');
    expect(await finished(id)).toMatchObject({ status: 'generated', parameters: { language: 'en' } });
    expect(JSON.parse(await content(id))).toMatchObject({ language: 'en' });
  });

  it('writes a batch asked for without a language in the department’s, and a schedule of none runs in the department’s (language null)', async () => {
    const { id } = await post('/report-batches', { report: 'annual-analysis', format: 'json', parameters: { period } }, 202, keys.operator);
    expect(((await store.readStream(reportBatchStream(id)))[0].data as { parameters: object }).parameters).toEqual({ period, language: 'ru' });
    const batch = await batchFinished(id);
    expect(batch.parameters).toEqual({ period, language: 'ru' });
    expect(batch.status).toBe('generated');
    const named = await post('/report-batches', { report: 'annual-analysis', format: 'json', parameters: { period, language: 'uk' } }, 202);
    expect(((await store.readStream(reportBatchStream(named.id)))[0].data as { parameters: object }).parameters).toEqual({ period, language: 'uk' });
    expect((await batchFinished(named.id)).status).toBe('generated');

    const schedule = await post('/report-schedules', { cron: '0 6 25 10 *', timeZone: 'Europe/Kyiv', report: 'annual-analysis', periodKind: 'academic-year' }, 201);
    expect((await api.as().get(`/report-schedules/${schedule.id}?consistentWith=${schedule.position}`)).body).toMatchObject({ language: null });
  });

  it('keeps a report’s language when the department’s changes later', async () => {
    const before = (await post('/reports', analysis(), 202)).id;
    const changed = await put({ language: 'uk' });
    expect({ status: changed.status, revision: changed.body.revision }).toEqual({ status: 200, revision: 1 });
    expect((await store.readStream(reportLanguageStream('bakhmut'))).at(-1)!.data).toEqual({ department: 'bakhmut', language: 'uk', previous: 'ru' });
    const after = (await post('/reports', analysis(), 202)).id;
    expect([await recordedLanguage(before), await recordedLanguage(after)]).toEqual(['ru', 'uk']);
    expect([(await finished(before)).parameters.language, (await finished(after)).parameters.language]).toEqual(['ru', 'uk']);
  });

  describe('another department', () => {
    it('does not see this department’s language, and its requests without one are refused until it sets its own', async () => {
      expect((await api.as(otherKey).get('/department/report-language')).body).toEqual({ department: 'kramatorsk', language: null, isSet: false });
      const theirs = (await post('/networks', { name: 'Краматорський освітній округ', kind: 'educational-district' }, 201, otherKey)).id;
      const ask = () => api.as(otherKey).post('/reports').send({ report: 'annual-analysis', format: 'json', parameters: { networkId: theirs, period } });
      expect(fieldsOf(await refused(ask, 400, 'invalid-input'))).toEqual(['parameters.language']);
    });

    it('sets its own without touching this one’s', async () => {
      const res = await put({ language: 'en' }, otherKey);
      expect({ status: res.status, id: res.body.id, revision: res.body.revision }).toEqual({ status: 200, id: 'kramatorsk', revision: 0 });
      expect((await api.as(otherKey).get('/department/report-language')).body).toEqual({ department: 'kramatorsk', language: 'en', isSet: true });
      expect((await api.as().get('/department/report-language')).body).toEqual({ department: 'bakhmut', language: 'uk', isSet: true });
    });
  });
});
