import { randomUUID } from 'node:crypto';
import { FixedClock } from '@app/kernel';
import { ApiHarness } from './support/api-harness';

/**
 * Reading plans through the HTTP API (docs/planning.md, "Reading plans (API)"): a plan by id
 * and a network's for a period, with its revisions and the text in force on a day; the list by
 * period, status and network; the fulfilment, now and as of a day; the history; the
 * department's overview. Each with its refusals: bad filters field by field, unknown ids 404.
 *
 * Murygino's district No. 3 drafts its 2020/2021 plan (seed: ru-murygino-2020-2021); its events
 * are recorded through the events module's endpoints while the clock moves through the year.
 */
describe('planning: reading plans through the HTTP API', () => {
  const clock = new FixedClock(new Date('2020-08-20T08:00:00Z'));
  let api: ApiHarness;
  const ids: Record<string, string> = {};
  let last = 0;
  const period = { kind: 'academic-year', academicYear: '2020/2021' };

  const post = async (url: string, body: object, expected = 200) => {
    const res = await api.as().post(url).send(body);
    if (res.status !== expected) throw new Error(`${url} → ${res.status} (expected ${expected}) ${JSON.stringify(res.body)}`);
    last = Math.max(last, res.body.position ?? 0);
    return res;
  };
  const get = (url: string) => api.as().get(`${url}${url.includes('?') ? '&' : '?'}consistentWith=${last}`);
  const ok = async (url: string) => {
    const res = await get(url);
    if (res.status !== 200) throw new Error(`${url} → ${res.status} ${JSON.stringify(res.body)}`);
    return res;
  };
  const fieldsOf = (res: { status: number; body: { errors?: Array<{ field: string }> } }) => ({ status: res.status, fields: (res.body.errors ?? []).map((e) => e.field).sort() });
  const event = async (key: string, over: Record<string, unknown>) => {
    ids[key] = (
      await post('/events', { kind: 'seminar', topic: `Семинар ${key}`, networkIds: [ids.district], hostIds: [ids.murygino], when: { precision: 'academic-year', academicYear: '2020/2021' }, format: { mode: 'online', platform: 'ZOOM' }, level: 'network', audience: ['teachers'], ...over }, 201)
    ).body.id;
  };

  beforeAll(async () => {
    api = await ApiHarness.start({}, undefined, clock);
    ids.murygino = (await post('/institutions', { fullName: 'МБОУ Мурыгинская СШ Починковского района', shortName: 'МБОУ Мурыгинская СШ', kind: 'general-school', settlement: 'Мурыгино' }, 201)).body.id;
    ids.district = (await post('/networks', { name: 'Образовательный округ № 3', kind: 'educational-district' }, 201)).body.id;
    ids.other = (await post('/networks', { name: 'Образовательный округ № 1', kind: 'educational-district' }, 201)).body.id;
    await post(`/networks/${ids.district}/members`, { institutionId: ids.murygino, role: 'member', from: '2019-09-01' });
    ids.plan = (await post('/plans', { networkId: ids.district, period }, 201)).body.id;
    clock.set(new Date('2020-10-01T08:00:00Z'));
    await event('autumn', {});
    await event('elsewhere', { networkIds: [ids.other], hostIds: [] });
    clock.set(new Date('2020-10-15T08:00:00Z'));
    await post(`/events/${ids.autumn}/holding`, { when: { precision: 'date', from: '2020-10-15' }, participation: { counts: { teachers: 12 }, institutionIds: [ids.murygino] } });
    await post(`/events/${ids.elsewhere}/holding`, { when: { precision: 'date', from: '2020-10-15' }, participation: { counts: { teachers: 5 }, institutionIds: [] } });
    await walkAPlan();
    clock.set(new Date('2021-04-20T08:00:00Z'));
  });

  /*
   * District No. 2's plan, from draft to closed: two seminars, approved on 1 September, amended
   * on 15 January with a subject week; the first seminar held, the second cancelled, the week
   * carried over; closed on 20 April.
   */
  const approval = { approvedOn: '2020-09-01', approvedBy: { body: 'совет руководителей' }, decisionNumber: 'протокол № 1' };
  const walkAPlan = async () => {
    clock.set(new Date('2020-08-25T08:00:00Z'));
    ids.walk = (await post('/networks', { name: 'Образовательный округ № 2', kind: 'educational-district' }, 201)).body.id;
    ids.ryabtsevo = (await post('/institutions', { fullName: 'МБОУ Рябцевская ОШ Починковского района', shortName: 'МБОУ Рябцевская ОШ', kind: 'general-school', settlement: 'Рябцево' }, 201)).body.id;
    await post(`/networks/${ids.walk}/members`, { institutionId: ids.ryabtsevo, role: 'member', from: '2019-09-01' });
    ids.walkPlan = (await post('/plans', { networkId: ids.walk, period }, 201)).body.id;
    await post(`/plans/${ids.walkPlan}/content`, { theme: 'Качество образования и воспитания', goal: 'Повышение качества образования' });
    const item = async (topic: string, when: object) => {
      await post(`/plans/${ids.walkPlan}/items`, { kind: 'seminar', topic, when, hostIds: [ids.ryabtsevo] });
      return (await ok(`/plans/${ids.walkPlan}`)).body.items.at(-1).planItemId as string;
    };
    ids.item1 = await item('Проектная деятельность', { precision: 'month', month: '2020-10' });
    ids.item2 = await item('Гражданско-патриотическое воспитание', { precision: 'month', month: '2020-12' });
    clock.set(new Date('2020-09-02T08:00:00Z'));
    await post(`/plans/${ids.walkPlan}/approval`, approval);
    clock.set(new Date('2020-09-10T08:00:00Z'));
    await event('walk1', { networkIds: [ids.walk], hostIds: [ids.ryabtsevo], planItemIds: [ids.item1], when: { precision: 'month', month: '2020-10' } });
    await event('walk2', { networkIds: [ids.walk], hostIds: [ids.ryabtsevo], planItemIds: [ids.item2], when: { precision: 'month', month: '2020-12' } });
    clock.set(new Date('2020-10-16T08:00:00Z'));
    await post(`/events/${ids.walk1}/holding`, { when: { precision: 'date', from: '2020-10-16' }, participation: { counts: { teachers: 20 }, institutionIds: [ids.ryabtsevo] } });
    clock.set(new Date('2020-12-01T08:00:00Z'));
    await post(`/events/${ids.walk2}/cancel`, { reason: 'Карантин' });
    clock.set(new Date('2021-01-16T08:00:00Z'));
    await post(`/plans/${ids.walkPlan}/amendments`, {
      reason: 'Предметная неделя по решению совета',
      approval: { ...approval, approvedOn: '2021-01-15', decisionNumber: 'протокол № 3' },
      addItems: [{ kind: 'subject-week', topic: 'Неделя естественных наук', when: { precision: 'month', month: '2021-04' } }],
    });
    ids.item3 = (await ok(`/plans/${ids.walkPlan}`)).body.items.at(-1).planItemId;
    clock.set(new Date('2021-04-20T08:00:00Z'));
    await post(`/plans/${ids.walkPlan}/closing`, {
      closedOn: '2021-04-20',
      assessment: { grade: 'satisfactory', comment: null },
      conclusions: 'Накоплен положительный опыт',
      problems: [],
      taskResults: [],
      sections: [],
      nextYear: { goal: null, tasks: [] },
      itemResolutions: [
        { planItemId: ids.item1, resolution: 'held', eventIds: [ids.walk1] },
        { planItemId: ids.item2, resolution: 'cancelled', reason: 'Карантин' },
        { planItemId: ids.item3, resolution: 'carried-over' },
      ],
    });
  };

  describe('a plan from draft to closed', () => {
    it('shows the current text, each approved revision’s, and the one in force on a day', async () => {
      const now = await ok(`/plans/${ids.walkPlan}`);
      expect(now.body).toMatchObject({ status: 'closed', shown: 'current', revision: 2, closedOn: '2021-04-20', reason: 'Предметная неделя по решению совета', content: { goal: 'Повышение качества образования' } });
      expect(now.body.closing.assessment).toEqual({ grade: 'satisfactory', label: { uk: 'задовільно', ru: 'удовлетворительно', en: 'satisfactory' }, comment: null });
      expect(now.body.revisions.map((r: { revision: number; approval: { approvedOn: string } }) => [r.revision, r.approval.approvedOn])).toEqual([[1, '2020-09-01'], [2, '2021-01-15']]);
      const first = await ok(`/plans/${ids.walkPlan}?revision=1`);
      expect(first.body).toMatchObject({ shown: 'revision', revision: 1, reason: null, approval: { decisionNumber: 'протокол № 1' } });
      expect(first.body.items.map((i: { planItemId: string }) => i.planItemId)).toEqual([ids.item1, ids.item2]);
      expect((await ok(`/plans/${ids.walkPlan}?revision=2`)).body.items).toHaveLength(3);
      expect((await get(`/plans/${ids.walkPlan}?revision=3`)).status).toBe(404);
      const december = await ok(`/networks/${ids.walk}/plan?academicYear=2020/2021&asOf=2020-12-31`);
      expect(december.body).toMatchObject({ shown: 'as-of', asOf: '2020-12-31', status: 'approved', revision: 1, closedOn: null, closing: null });
      expect((await ok(`/plans/${ids.walkPlan}?asOf=2021-04-20`)).body).toMatchObject({ status: 'closed', revision: 2 });
      expect((await get(`/plans/${ids.walkPlan}?asOf=2020-08-31`)).status).toBe(404);
    });

    it('answers its fulfilment per item, in total and as of a day', async () => {
      const now = (await ok(`/plans/${ids.walkPlan}/fulfilment`)).body;
      expect(now.items.map((i: { planItemId: string; status: string; reason: string | null }) => [i.planItemId, i.status, i.reason])).toEqual([
        [ids.item1, 'held', null],
        [ids.item2, 'cancelled', 'Карантин'],
        [ids.item3, 'carried-over', null],
      ]);
      expect(now.items[0].held).toEqual([expect.objectContaining({ eventId: ids.walk1, when: expect.objectContaining({ from: '2020-10-16' }), hostIds: [ids.ryabtsevo] })]);
      expect(now.totals).toMatchObject({ items: 3, held: 1, cancelled: 1, carriedOver: 1, shareHeld: 0.333 });
      expect(now.unforeseen).toEqual([]);
      const october = (await ok(`/plans/${ids.walkPlan}/fulfilment?asOf=2020-10-01`)).body;
      expect(october.items.map((i: { status: string }) => i.status)).toEqual(['scheduled', 'scheduled']);
      const december = (await ok(`/plans/${ids.walkPlan}/fulfilment?asOf=2020-12-01`)).body;
      expect(december.items.map((i: { status: string }) => i.status)).toEqual(['held', 'cancelled']);
      expect(december.totals).toMatchObject({ items: 2, held: 1, cancelled: 1, shareHeld: 0.5 });
    });

    it('lists its history, the list and the overview by status', async () => {
      const history = (await ok(`/plans/${ids.walkPlan}/history`)).body.entries;
      expect(history.map((e: { type: string }) => e.type)).toEqual(['PlanDrafted', 'PlanContentEdited', 'PlanItemAdded', 'PlanItemAdded', 'PlanApproved', 'PlanAmended', 'PlanClosed']);
      expect(history[5]).toMatchObject({ reason: 'Предметная неделя по решению совета', effectiveAt: '2021-01-15', description: { en: 'Plan amended (revision 2)' } });
      expect((await ok('/plans?status=closed')).body.items).toEqual([expect.objectContaining({ planId: ids.walkPlan, status: 'closed', revision: 2, approvedOn: '2020-09-01', closedOn: '2021-04-20', grade: 'satisfactory', items: 3 })]);
      const overview = (await ok('/plans/overview?academicYear=2020/2021')).body;
      expect(overview.networks.find((n: { networkId: string }) => n.networkId === ids.walk)).toMatchObject({
        status: 'closed',
        revision: 2,
        items: { planned: 3, held: 1, cancelled: 1, carriedOver: 1, notHeld: 0, shareHeld: 0.333 },
        assessment: { grade: 'satisfactory' },
      });
    });
  });
  afterAll(async () => {
    await api.stop();
  });

  describe('GET /plans/{id} and GET /networks/{id}/plan', () => {
    it('answers the current text and status, its revisions, its ETag the stream’s revision', async () => {
      const res = await ok(`/plans/${ids.plan}`);
      expect(res.headers.etag).toBe('"0"');
      expect(res.body).toMatchObject({ planId: ids.plan, networkId: ids.district, period, periodLabel: '2020/2021', status: 'draft', shown: 'current', revision: 0, asOf: null, items: [], approval: null, revisions: [], closing: null, streamRevision: 0 });
      expect(res.body.content).toEqual({ theme: null, goal: null, tasks: [], activityKinds: [], projects: [], agreements: [] });
      const byNetwork = await ok(`/networks/${ids.district}/plan?academicYear=2020/2021`);
      expect(byNetwork.body).toEqual(res.body);
      // Without a period: the academic year running today (20 April 2021).
      expect((await ok(`/networks/${ids.district}/plan`)).body).toEqual(res.body);
    });

    it('answers 404 for a revision it does not have and for a day before its first approval; 404 for an unknown plan, a network without one', async () => {
      expect((await get(`/plans/${ids.plan}?revision=1`)).status).toBe(404);
      expect((await get(`/plans/${ids.plan}?asOf=2021-01-01`)).status).toBe(404);
      expect((await get(`/networks/${ids.district}/plan?academicYear=2020/2021&revision=1`)).status).toBe(404);
      expect((await get(`/plans/${randomUUID()}`)).status).toBe(404);
      expect((await get(`/networks/${ids.other}/plan?academicYear=2020/2021`)).status).toBe(404);
      expect((await get(`/networks/${ids.district}/plan?year=2021`)).status).toBe(404);
      expect((await get(`/networks/${randomUUID()}/plan?academicYear=2020/2021`)).status).toBe(404);
    });

    it('answers bad filters field by field (400)', async () => {
      expect(fieldsOf(await get(`/plans/${ids.plan}?revision=0`))).toEqual({ status: 400, fields: ['revision'] });
      expect(fieldsOf(await get(`/plans/${ids.plan}?asOf=2021-02-30`))).toEqual({ status: 400, fields: ['asOf'] });
      expect(fieldsOf(await get(`/plans/${ids.plan}?revision=1&asOf=2021-01-01`))).toEqual({ status: 400, fields: ['asOf', 'revision'] });
      expect(fieldsOf(await get(`/plans/not-an-id`))).toMatchObject({ status: 400 });
      expect(fieldsOf(await get(`/networks/${ids.district}/plan?academicYear=2020/2022`))).toEqual({ status: 400, fields: ['academicYear'] });
      expect(fieldsOf(await get(`/networks/${ids.district}/plan?academicYear=2020-2021`))).toEqual({ status: 400, fields: ['academicYear'] });
      expect(fieldsOf(await get(`/networks/${ids.district}/plan?academicYear=2020/2021&year=2021`))).toEqual({ status: 400, fields: ['academicYear', 'year'] });
      expect(fieldsOf(await get(`/networks/${ids.district}/plan?year=20x1`))).toEqual({ status: 400, fields: ['year'] });
    });
  });

  describe('GET /plans', () => {
    it('lists the department’s plans by period, status and network, paged', async () => {
      const all = await ok(`/plans?network=${ids.district}`);
      expect(all.body).toMatchObject({ total: 1, totalExact: true, offset: 0, limit: 50 });
      expect(all.body.items[0]).toMatchObject({ planId: ids.plan, networkId: ids.district, periodLabel: '2020/2021', status: 'draft', revision: 0, approvedOn: null, closedOn: null, grade: null, items: 0 });
      expect((await ok('/plans?academicYear=2020/2021&status=draft')).body.total).toBe(1);
      expect((await ok('/plans')).body.total).toBe(2);
      expect((await ok('/plans?status=approved')).body.total).toBe(0);
      expect((await ok('/plans?academicYear=2021/2022')).body.total).toBe(0);
      expect((await ok(`/plans?network=${ids.other}`)).body.total).toBe(0);
      expect((await ok('/plans?offset=2&limit=1')).body).toMatchObject({ items: [], total: 2, offset: 2, limit: 1 });
      expect((await ok('/plans?offset=1&limit=1')).body.items).toHaveLength(1);
    });

    it('answers bad filters field by field (400)', async () => {
      expect(fieldsOf(await get('/plans?status=open'))).toEqual({ status: 400, fields: ['status'] });
      expect(fieldsOf(await get('/plans?network=okrug-3'))).toEqual({ status: 400, fields: ['network'] });
      expect(fieldsOf(await get('/plans?limit=0&offset=-1'))).toEqual({ status: 400, fields: ['limit', 'offset'] });
      expect(fieldsOf(await get('/plans?academicYear=2020&year=2021'))).toEqual({ status: 400, fields: ['academicYear'] });
      expect(fieldsOf(await get('/plans?academicYear=2020/2021&year=2021'))).toEqual({ status: 400, fields: ['academicYear', 'year'] });
    });
  });

  describe('GET /plans/{id}/fulfilment', () => {
    it('answers per item and in total; the network’s held events of the period that no item foresaw, now and as of a day', async () => {
      const res = await ok(`/plans/${ids.plan}/fulfilment`);
      expect(res.body).toMatchObject({ planId: ids.plan, networkId: ids.district, period, asOf: null, items: [] });
      expect(res.body.totals).toEqual({ items: 0, held: 0, cancelled: 0, postponed: 0, carriedOver: 0, scheduled: 0, awaiting: 0, notHeld: 0, shareHeld: 0 });
      expect(res.body.unforeseen).toEqual([expect.objectContaining({ eventId: ids.autumn, status: 'held', when: expect.objectContaining({ from: '2020-10-15' }), hostIds: [ids.murygino], effectiveAt: '2020-10-15' })]);
      const before = await ok(`/plans/${ids.plan}/fulfilment?asOf=2020-10-14`);
      expect(before.body).toMatchObject({ asOf: '2020-10-14', unforeseen: [] });
    });

    it('answers 404 for an unknown plan, 400 for a bad day', async () => {
      expect((await get(`/plans/${randomUUID()}/fulfilment`)).status).toBe(404);
      expect(fieldsOf(await get(`/plans/${ids.plan}/fulfilment?asOf=yesterday`))).toEqual({ status: 400, fields: ['asOf'] });
      expect(fieldsOf(await get(`/plans/${ids.plan}/fulfilment?consistentWith=-1`))).toEqual({ status: 400, fields: ['consistentWith'] });
    });
  });

  describe('GET /plans/{id}/history', () => {
    it('lists every change oldest first: who, when, in words', async () => {
      const res = await ok(`/plans/${ids.plan}/history`);
      expect(res.body.planId).toBe(ids.plan);
      expect(res.body.entries).toEqual([
        expect.objectContaining({ type: 'PlanDrafted', recordedAt: '2020-08-20T08:00:00.000Z', source: 'api', description: expect.objectContaining({ ru: 'Составлен проект плана на 2020/2021 учебный год' }) }),
      ]);
      expect(res.body.entries[0].changes).toContainEqual({ field: 'status', from: null, to: 'draft' });
    });

    it('answers 404 for an unknown plan, 400 for a bad id or position', async () => {
      expect((await get(`/plans/${randomUUID()}/history`)).status).toBe(404);
      expect((await get('/plans/123/history')).status).toBe(400);
      expect(fieldsOf(await get(`/plans/${ids.plan}/history?consistentWith=x`))).toEqual({ status: 400, fields: ['consistentWith'] });
    });
  });

  describe('GET /plans/overview', () => {
    it('answers each network with its plan’s status, items and assessment, and the totals', async () => {
      const res = await ok('/plans/overview?academicYear=2020/2021');
      expect(res.body).toMatchObject({ period, periodLabel: '2020/2021' });
      expect(res.body.networks).toEqual([
        expect.objectContaining({ networkId: ids.other, name: 'Образовательный округ № 1', planId: null, status: 'none', revision: 0, assessment: null }),
        expect.objectContaining({ networkId: ids.walk, status: 'closed' }),
        expect.objectContaining({ networkId: ids.district, name: 'Образовательный округ № 3', planId: ids.plan, status: 'draft', items: { planned: 0, held: 0, cancelled: 0, carriedOver: 0, notHeld: 0, shareHeld: 0 } }),
      ]);
      expect(res.body.totals).toEqual({ networks: 3, withPlan: 2, byStatus: { draft: 1, approved: 0, closed: 1, none: 1 }, planned: 3, held: 1, cancelled: 1 });
      // Without a period: the academic year running today (20 April 2021).
      expect((await ok('/plans/overview')).body).toEqual(res.body);
      const next = await ok('/plans/overview?academicYear=2021/2022');
      expect(next.body.networks.map((n: { status: string }) => n.status)).toEqual(['none', 'none', 'none']);
    });

    it('answers bad filters field by field (400)', async () => {
      expect(fieldsOf(await get('/plans/overview?academicYear=2020/2021&year=2021'))).toEqual({ status: 400, fields: ['academicYear', 'year'] });
      expect(fieldsOf(await get('/plans/overview?academicYear=2021/2020'))).toEqual({ status: 400, fields: ['academicYear'] });
      expect(fieldsOf(await get('/plans/overview?year=3000'))).toEqual({ status: 400, fields: ['year'] });
    });
  });
});
