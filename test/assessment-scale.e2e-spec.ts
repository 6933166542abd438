import { EVENT_STORE, EventStore } from '@app/event-store';
import { FixedClock } from '@app/kernel';
import { DEFAULT_ASSESSMENT_SCALE, assessmentScaleStream } from '@app/planning';
import { ApiHarness } from './support/api-harness';
import { secondDepartmentAdmin } from './support/second-department';

/**
 * A department's assessment scale (docs/planning.md, "The assessment scale"): `PUT` and `GET
 * /department/assessment-scale`, admins set it, every role reads it, each department its own; plans are
 * closed on the department's scale, and a closing keeps the words it recorded whatever the
 * scale says later. "Today" is 20 April 2021.
 */
describe('planning: the department’s assessment scale', () => {
  const clock = new FixedClock(new Date('2021-04-20T08:00:00Z'));
  let api: ApiHarness;
  let store: EventStore;
  let network = '';
  const keys: Record<string, string> = {};

  /** Bakhmut's analyses: "достатній рівень, потребує удосконалення". */
  const SCALE = [
    { grade: 'high', label: { uk: 'високий рівень', ru: 'высокий уровень', en: 'high' } },
    { grade: 'sufficient', label: { uk: 'достатній рівень', ru: 'достаточный уровень', en: 'sufficient' } },
    { grade: 'needs-improvement', label: { uk: 'потребує удосконалення', ru: 'требует совершенствования', en: 'needs improvement' } },
  ];

  const head = async (): Promise<number> => (await api.http.get('/health')).body.eventStore.head;
  const put = (body: object, key?: string, headers: Record<string, string> = {}) => api.as(key).put('/department/assessment-scale').set(headers).send(body);
  const send = async (url: string, body: object, expected: number, key?: string) => {
    const res = await api.as(key).post(url).send(body);
    if (res.status !== expected) throw new Error(`${url} → ${res.status} (expected ${expected}) ${JSON.stringify(res.body)}`);
    return res;
  };
  /** Refused with this status and problem type; nothing recorded. */
  const refused = async (request: () => Promise<{ status: number; body: { type: string } }>, status: number, type: string) => {
    const before = await head();
    const res = await request();
    expect({ status: res.status, type: res.body.type }).toEqual({ status, type: `urn:okrug:problem:${type}` });
    expect(await head()).toBe(before);
    return res;
  };
  const invalid = async (body: object, fields: string[]) => {
    const res = await refused(() => put(body), 400, 'invalid-input');
    expect((res.body as unknown as { errors: { field: string }[] }).errors.map((e) => e.field).sort()).toEqual([...fields].sort());
  };

  /** An approved plan of the network without planned events, for a period: ready to close. */
  const approvedPlan = async (networkId: string, academicYear: string, key?: string): Promise<string> => {
    const id = (await send('/plans', { networkId, period: { kind: 'academic-year', academicYear } }, 201, key)).body.id;
    await send(`/plans/${id}/approval`, { approvedOn: `${academicYear.slice(0, 4)}-08-28`, approvedBy: { body: 'совет руководителей' }, decisionNumber: 'протокол № 1' }, 200, key);
    return id;
  };
  const closing = (grade: string, closedOn: string) => ({ closedOn, assessment: { grade, comment: null }, itemResolutions: [] });
  const assessmentOf = async (planId: string, position: number, key?: string) => (await api.as(key).get(`/plans/${planId}?consistentWith=${position}`)).body.closing.assessment;

  beforeAll(async () => {
    api = await ApiHarness.start({}, undefined, clock);
    store = api.app.get(EVENT_STORE);
    network = (await send('/networks', { name: 'Бахмутський освітній округ № 11', kind: 'educational-district' }, 201)).body.id;
    Object.assign(keys, await api.issueKeys({
      operator: { actorId: 'operator', role: 'operator', label: 'Оператор' },
      head: { actorId: 'head.district11', role: 'network-head', label: 'Керівник округу № 11', networkIds: [network] },
      auditor: { actorId: 'auditor', role: 'auditor', label: 'Аудитор' },
    }));
  });
  afterAll(async () => {
    await api.stop();
  });

  it('is the default scale until the department sets its own, and says so', async () => {
    const res = await api.as().get('/department/assessment-scale');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ department: 'bakhmut', isDefault: true, grades: DEFAULT_ASSESSMENT_SCALE });
  });

  it('closes a plan on the default scale while the department has none of its own', async () => {
    const plan = await approvedPlan(network, '2018/2019');
    const closed = await send(`/plans/${plan}/closing`, closing('satisfactory', '2019-06-20'), 200);
    expect(await assessmentOf(plan, closed.body.position)).toEqual({ grade: 'satisfactory', label: { uk: 'задовільно', ru: 'удовлетворительно', en: 'satisfactory' }, comment: null });
  });

  it('is set by an admin as a whole (200 { id, revision, position }); every role reads it', async () => {
    const res = await put({ grades: SCALE });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: 'bakhmut', revision: 0, position: expect.any(Number) });
    expect((await store.readStream(assessmentScaleStream('bakhmut'))).map((e) => ({ type: e.type, data: e.data }))).toEqual([
      { type: 'AssessmentScaleSet', data: { department: 'bakhmut', grades: SCALE, previous: null } },
    ]);
    for (const key of [undefined, keys.operator, keys.head, keys.auditor]) {
      const read = await api.as(key).get('/department/assessment-scale');
      expect({ status: read.status, body: read.body }).toEqual({ status: 200, body: { department: 'bakhmut', isDefault: false, grades: SCALE } });
    }
  });

  it('answers a repeat with the same Idempotency-Key as the first time, and the same scale again with 422 nothing-to-change; neither records anything', async () => {
    const changed = [...SCALE, { grade: 'low', label: { uk: 'низький рівень', ru: 'низкий уровень', en: 'low' } }];
    const first = await put({ grades: changed }, undefined, { 'Idempotency-Key': 'scale-2' });
    expect(first.status).toBe(200);
    expect(first.body.revision).toBe(1);
    const before = await head();
    const again = await put({ grades: changed }, undefined, { 'Idempotency-Key': 'scale-2' });
    expect({ status: again.status, body: again.body }).toEqual({ status: 200, body: first.body });
    expect(await head()).toBe(before);
    await refused(() => put({ grades: changed }), 422, 'nothing-to-change');
    // Back to the three grades, for what follows.
    expect((await put({ grades: SCALE })).status).toBe(200);
    expect((await store.readStream(assessmentScaleStream('bakhmut'))).at(-1)!.data).toEqual({ department: 'bakhmut', grades: SCALE, previous: changed });
  });

  it('answers malformed scales field by field (400), recording nothing', async () => {
    await invalid({}, ['grades']);
    await invalid({ grades: [] }, ['grades']);
    await invalid({ grades: 'high' }, ['grades']);
    await invalid({ grades: SCALE, scale: 'x' }, ['scale']);
    await invalid({ grades: [{ ...SCALE[0], grade: 'Високий' }, { ...SCALE[1], grade: 'needs improvement' }] }, ['grades.0.grade', 'grades.1.grade']);
    await invalid({ grades: [{ grade: 'high' }] }, ['grades.0.label']);
    await invalid({ grades: [{ grade: 'high', label: { uk: 'високий', ru: '   ' } }] }, ['grades.0.label.ru', 'grades.0.label.en']);
    await invalid({ grades: [{ ...SCALE[0], label: { ...SCALE[0].label, de: 'hoch' } }] }, ['grades.0.label.de']);
    // The same code twice: the decider names the second.
    await invalid({ grades: [SCALE[0], SCALE[1], { ...SCALE[2], grade: 'high' }] }, ['grades.2.grade']);
  });

  it('lets only admins set it (403 for operators, network heads, auditors; nothing recorded)', async () => {
    for (const key of [keys.operator, keys.head, keys.auditor]) await refused(() => put({ grades: SCALE.slice(0, 1) }, key), 403, 'forbidden');
  });

  it('closes a plan on the department’s scale: its own grade with its words (200); a default grade no longer on it is 422 assessment-grade-unknown', async () => {
    const plan = await approvedPlan(network, '2019/2020');
    await refused(() => api.as().post(`/plans/${plan}/closing`).send(closing('satisfactory', '2020-06-15')), 422, 'assessment-grade-unknown');
    const closed = await send(`/plans/${plan}/closing`, { ...closing('needs-improvement', '2020-06-15'), assessment: { grade: 'needs-improvement', comment: 'достатній рівень' } }, 200, keys.head);
    expect(await assessmentOf(plan, closed.body.position)).toEqual({ grade: 'needs-improvement', label: SCALE[2].label, comment: 'достатній рівень' });
  });

  it('rewrites no past closing when the scale changes later; a correction keeps a grade no longer on it, with its recorded words', async () => {
    const plan = await approvedPlan(network, '2020/2021');
    await send(`/plans/${plan}/closing`, closing('sufficient', '2021-04-19'), 200);
    const renamed = [{ grade: 'good', label: { uk: 'добре', ru: 'хорошо', en: 'good' } }, { ...SCALE[0], label: { uk: 'високий', ru: 'высокий', en: 'high (new words)' } }];
    const set = await put({ grades: renamed });
    expect(set.status).toBe(200);
    // The closings of 2018/2019 (default scale), 2019/2020 and 2020/2021 say what they said.
    expect(await assessmentOf(plan, set.body.position)).toEqual({ grade: 'sufficient', label: SCALE[1].label, comment: null });
    const plans = (await api.as().get(`/plans?network=${network}&status=closed&consistentWith=${set.body.position}`)).body.items.map((p: { grade: string }) => p.grade);
    expect(plans.sort()).toEqual(['needs-improvement', 'satisfactory', 'sufficient']);

    const corrected = await send(`/plans/${plan}/corrections`, { reason: 'Уточнено висновок', assessment: { grade: 'sufficient', comment: 'потребує удосконалення' } }, 200);
    expect(await assessmentOf(plan, corrected.body.position)).toEqual({ grade: 'sufficient', label: SCALE[1].label, comment: 'потребує удосконалення' });
    await refused(() => api.as().post(`/plans/${plan}/corrections`).send({ reason: 'Інша оцінка', assessment: { grade: 'needs-improvement' } }), 422, 'assessment-grade-unknown');
    // A grade still on the scale is taken with its words as they are now.
    const regraded = await send(`/plans/${plan}/corrections`, { reason: 'Інша оцінка', assessment: { grade: 'high' } }, 200);
    expect(await assessmentOf(plan, regraded.body.position)).toEqual({ grade: 'high', label: renamed[1].label, comment: null });
  });

  describe('another department', () => {
    let otherKey = '';
    let otherNetwork = '';
    beforeAll(async () => {
      otherKey = await secondDepartmentAdmin(api, 'kramatorsk');
      otherNetwork = (await send('/networks', { name: 'Краматорський освітній округ', kind: 'educational-district' }, 201, otherKey)).body.id;
    });

    it('does not see this department’s scale: it has the default one, and sets its own without touching this one', async () => {
      expect((await api.as(otherKey).get('/department/assessment-scale')).body).toEqual({ department: 'kramatorsk', isDefault: true, grades: DEFAULT_ASSESSMENT_SCALE });
      const own = [{ grade: 'excellent', label: { uk: 'відмінно', ru: 'отлично', en: 'excellent' } }];
      const res = await put({ grades: own }, otherKey);
      expect({ status: res.status, id: res.body.id, revision: res.body.revision }).toEqual({ status: 200, id: 'kramatorsk', revision: 0 });
      expect((await api.as(otherKey).get('/department/assessment-scale')).body).toEqual({ department: 'kramatorsk', isDefault: false, grades: own });
      expect((await api.as().get('/department/assessment-scale')).body.grades.map((g: { grade: string }) => g.grade)).toEqual(['good', 'high']);
    });

    it('closes its plans on its own scale only: this department’s grades are unknown there (422), its own accepted', async () => {
      const plan = await approvedPlan(otherNetwork, '2020/2021', otherKey);
      await refused(() => api.as(otherKey).post(`/plans/${plan}/closing`).send(closing('good', '2021-04-19')), 422, 'assessment-grade-unknown');
      const closed = await send(`/plans/${plan}/closing`, closing('excellent', '2021-04-19'), 200, otherKey);
      expect(await assessmentOf(plan, closed.body.position, otherKey)).toEqual({ grade: 'excellent', label: { uk: 'відмінно', ru: 'отлично', en: 'excellent' }, comment: null });
    });
  });
});
