import { EVENT_STORE, EventStore } from '@app/event-store';
import { FixedClock, calendarYearPeriod } from '@app/kernel';
import { networkMapStream } from '@app/networks';
import { planIdOf } from '@app/planning';
import { ApiHarness } from './support/api-harness';
import { secondDepartmentAdmin } from './support/second-department';

/**
 * A network's reporting period (docs/planning.md, "A network's reporting period"): academic
 * year by default, calendar year when registered so or set by `POST /networks/{id}/reporting-period`;
 * the setting's refusals, each recording nothing; and what planning makes of it: a calendar-year
 * network plans for calendar years, its plan is read by `year` (and by default for the calendar
 * year running today), and its fulfilment counts the events of that calendar year.
 *
 * Bakhmut's council of heads (рада директорів) reports by calendar year. "Today" is 20 April 2021.
 */
describe('a network’s reporting period through the HTTP API', () => {
  const clock = new FixedClock(new Date('2021-04-20T08:00:00Z'));
  let api: ApiHarness;
  let store: EventStore;
  const ids: Record<string, string> = {};
  const keys: Record<string, string> = {};
  let last = 0;

  const send = async (url: string, body: object, expected: number, headers: Record<string, string> = {}, key?: string) => {
    const res = await api.as(key).post(url).set(headers).send(body);
    if (res.status !== expected) throw new Error(`${url} → ${res.status} (expected ${expected}) ${JSON.stringify(res.body)}`);
    last = Math.max(last, res.body.position ?? 0);
    return res;
  };
  const post = (url: string, body: object, headers: Record<string, string> = {}, key?: string) => send(url, body, 200, headers, key);
  const get = (url: string, key?: string) => api.as(key).get(`${url}${url.includes('?') ? '&' : '?'}consistentWith=${last}`);
  const ok = async (url: string) => {
    const res = await get(url);
    if (res.status !== 200) throw new Error(`${url} → ${res.status} ${JSON.stringify(res.body)}`);
    return res;
  };
  const head = async (): Promise<number> => (await api.http.get('/health')).body.eventStore.head;
  const mapEvents = async () => store.readStream(networkMapStream('bakhmut', 'council-of-heads'));

  /** The request is refused with this status and problem type, and nothing is recorded. */
  const refused = async (url: string, body: object, status: number, type: string, headers: Record<string, string> = {}, key?: string) => {
    const before = await head();
    const res = await api.as(key).post(url).set(headers).send(body);
    expect({ url, status: res.status, type: res.body.type }).toEqual({ url, status, type: `urn:okrug:problem:${type}` });
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(await head()).toBe(before);
    return res;
  };
  /** A 400 naming exactly these fields, nothing recorded. */
  const invalid = async (url: string, body: object, fields: string[]) => {
    const res = await refused(url, body, 400, 'invalid-input');
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([...fields].sort());
  };
  const council = (name: string, over: Record<string, unknown> = {}) => ({ name, kind: 'council-of-heads', ...over });
  const setting = (id: string) => `/networks/${id}/reporting-period`;

  beforeAll(async () => {
    api = await ApiHarness.start({}, undefined, clock);
    store = api.app.get(EVENT_STORE);
    ids.school = (await send('/institutions', { fullName: 'Бахмутська загальноосвітня школа № 5', shortName: 'ЗОШ № 5', kind: 'general-school', settlement: 'Бахмут' }, 201)).body.id;
    ids.council = (await send('/networks', council('Рада директорів шкіл Бахмута'), 201)).body.id;
    ids.other = (await send('/networks', council('Рада директорів ДНЗ Бахмута'), 201)).body.id;
    ids.old = (await send('/networks', council('Рада директорів 2015 року'), 201)).body.id;
    await post(`/networks/${ids.council}/members`, { institutionId: ids.school, role: 'member', from: '2019-09-01' });
    await post(`/networks/${ids.old}/dissolve`, { on: '2020-06-01', reason: 'Об’єднання рад' });
    Object.assign(keys, await api.issueKeys({
      head: { actorId: 'head.council', role: 'network-head', label: 'Голова ради директорів', networkIds: [ids.council] },
      otherHead: { actorId: 'head.other', role: 'network-head', label: 'Голова ради ДНЗ', networkIds: [ids.other] },
      auditor: { actorId: 'auditor', role: 'auditor', label: 'Аудитор' },
    }));
  });
  afterAll(async () => {
    await api.stop();
  });

  describe('POST /networks: registering with a reporting period', () => {
    it('reports by academic year when the registration names none, and records nothing of it', async () => {
      expect((await ok(`/networks/${ids.council}`)).body).toMatchObject({ id: ids.council, reportingPeriod: 'academic-year' });
      const registered = (await mapEvents()).find((e) => e.type === 'NetworkRegistered' && (e.data as { networkId: string }).networkId === ids.council)!;
      expect(registered.data).not.toHaveProperty('reportingPeriod');
    });

    it('registers a network that reports by calendar year (201), recorded in NetworkRegistered', async () => {
      const res = await send('/networks', council('Рада директорів ліцеїв', { reportingPeriod: 'calendar-year' }), 201);
      expect((await mapEvents()).at(-1)).toMatchObject({ type: 'NetworkRegistered', data: { networkId: res.body.id, reportingPeriod: 'calendar-year' } });
      expect((await ok(`/networks/${res.body.id}`)).body).toMatchObject({ reportingPeriod: 'calendar-year' });
      const listed = (await ok('/networks?kind=council-of-heads')).body.items;
      expect(listed.find((n: { id: string }) => n.id === res.body.id)).toMatchObject({ reportingPeriod: 'calendar-year' });
    });

    it('refuses an unknown reporting period (400 on the field), recording nothing', async () => {
      await invalid('/networks', council('Рада директорів гімназій', { reportingPeriod: 'school-year' }), ['reportingPeriod']);
    });
  });

  describe('POST /networks/{id}/reporting-period', () => {
    it('answers malformed input field by field (400): missing, unknown value, unknown field', async () => {
      await invalid(setting(ids.council), {}, ['reportingPeriod']);
      await invalid(setting(ids.council), { reportingPeriod: 'quarter' }, ['reportingPeriod']);
      await invalid(setting(ids.council), { reportingPeriod: null }, ['reportingPeriod']);
      await invalid(setting(ids.council), { reportingPeriod: 'calendar-year', from: '2021-01-01' }, ['from']);
    });

    it('refuses an auditor and the head of another network (403), recording nothing', async () => {
      await refused(setting(ids.council), { reportingPeriod: 'calendar-year' }, 403, 'forbidden', {}, keys.auditor);
      await refused(setting(ids.council), { reportingPeriod: 'calendar-year' }, 403, 'forbidden', {}, keys.otherHead);
    });

    it('treats another department’s network as unknown (404), recording nothing', async () => {
      const other = await secondDepartmentAdmin(api, 'kramatorsk');
      await refused(setting(ids.council), { reportingPeriod: 'calendar-year' }, 404, 'not-found', {}, other);
      await refused(setting(ids.council), { reportingPeriod: 'calendar-year' }, 404, 'not-found', { 'If-Match': '"0"' }, other);
      await refused(setting('00000000-0000-4000-8000-000000000000'), { reportingPeriod: 'calendar-year' }, 404, 'not-found');
    });

    it('refuses a stale If-Match (412), what it already is (422 nothing-to-change), a dissolved network (422 network-dissolved)', async () => {
      const revision = (await ok(`/networks/${ids.council}`)).body.revision as number;
      await refused(setting(ids.council), { reportingPeriod: 'calendar-year' }, 412, 'stale-revision', { 'If-Match': `"${revision - 1}"` });
      await refused(setting(ids.council), { reportingPeriod: 'academic-year' }, 422, 'nothing-to-change');
      await refused(setting(ids.old), { reportingPeriod: 'calendar-year' }, 422, 'network-dissolved');
    });

    it('lets the network’s own head set it (200, { id, revision, position }), recording NetworkReportingPeriodSet; a repeat under the same Idempotency-Key records nothing', async () => {
      const before = await ok(`/networks/${ids.council}`);
      const headers = { 'Idempotency-Key': 'council-calendar-year', 'If-Match': before.headers.etag };
      const res = await post(setting(ids.council), { reportingPeriod: 'calendar-year' }, headers, keys.head);
      expect(res.body).toEqual({ id: ids.council, revision: expect.any(Number), position: expect.any(Number) });
      expect(res.body.revision).toBeGreaterThan(before.body.revision);
      expect((await mapEvents()).at(-1)).toMatchObject({
        type: 'NetworkReportingPeriodSet',
        data: { networkId: ids.council, department: 'bakhmut', reportingPeriod: 'calendar-year', previous: 'academic-year' },
        metadata: { actor: { id: 'head.council', role: 'network-head' }, recordedAt: '2021-04-20T08:00:00.000Z' },
      });
      const now = await ok(`/networks/${ids.council}`);
      expect(now.body).toMatchObject({ reportingPeriod: 'calendar-year', revision: res.body.revision });
      expect(now.headers.etag).toBe(`"${res.body.revision}"`);

      const position = await head();
      const again = await post(setting(ids.council), { reportingPeriod: 'calendar-year' }, headers, keys.head);
      expect(again.body).toEqual(res.body);
      expect(await head()).toBe(position);
      await refused(setting(ids.council), { reportingPeriod: 'calendar-year' }, 422, 'nothing-to-change');
    });

    it('shows the change in the network’s timeline, as no change of its composition', async () => {
      const timeline = (await ok(`/networks/${ids.council}/timeline`)).body;
      expect(timeline.entries.at(-1)).toMatchObject({
        type: 'NetworkReportingPeriodSet',
        effectiveAt: null,
        actor: { id: 'head.council', role: 'network-head' },
        data: { reportingPeriod: 'calendar-year', previous: 'academic-year' },
      });
      expect((await ok(`/networks/${ids.council}/changes?from=2021-01-01&to=2021-12-31`)).body.changes).toEqual([]);
    });

    it('lets an operator set it back and forth (admins and operators act on every network)', async () => {
      const operator = (await send('/api-keys', { actorId: 'operator', role: 'operator', label: 'Оператор' }, 201)).body.secret;
      await post(setting(ids.other), { reportingPeriod: 'calendar-year' }, {}, operator);
      await post(setting(ids.other), { reportingPeriod: 'academic-year' }, {}, operator);
      expect((await mapEvents()).at(-1)).toMatchObject({ type: 'NetworkReportingPeriodSet', data: { networkId: ids.other, reportingPeriod: 'academic-year', previous: 'calendar-year' } });
      expect((await ok(`/networks/${ids.other}`)).body.reportingPeriod).toBe('academic-year');
    });
  });

  it('is in the OpenAPI document: the endpoint with its headers and problems, the setting in the network’s answer and the registration', async () => {
    const doc = (await api.http.get('/docs-json')).body;
    const operation = doc.paths['/networks/{id}/reporting-period'].post;
    expect(Object.keys(operation.responses).sort()).toEqual(['200', '400', '401', '403', '404', '409', '412', '422']);
    expect(operation.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['id', 'Idempotency-Key', 'If-Match']));
    const { schemas } = doc.components;
    expect(schemas.SetNetworkReportingPeriodDto).toMatchObject({ required: ['reportingPeriod'], properties: { reportingPeriod: { enum: ['academic-year', 'calendar-year'] } } });
    expect(schemas.NetworkDto.properties.reportingPeriod).toMatchObject({ enum: ['academic-year', 'calendar-year'] });
    expect(schemas.RegisterNetworkDto.properties.reportingPeriod).toMatchObject({ enum: ['academic-year', 'calendar-year'] });
    expect(schemas.RegisterNetworkDto.required).not.toContain('reportingPeriod');
  });

  describe('planning by calendar year', () => {
    const year2021 = { kind: 'calendar-year', year: 2021 };

    it('drafts a calendar-year network’s plan for a calendar year (201) and refuses an academic year (422 period-kind-mismatch)', async () => {
      const res = await send('/plans', { networkId: ids.council, period: year2021 }, 201);
      expect(res.body.id).toBe(planIdOf('bakhmut', ids.council, calendarYearPeriod(2021)));
      ids.plan = res.body.id;
      await refused('/plans', { networkId: ids.council, period: { kind: 'academic-year', academicYear: '2020/2021' } }, 422, 'period-kind-mismatch');
      // And the other way round: an academic-year network plans no calendar year.
      await refused('/plans', { networkId: ids.other, period: year2021 }, 422, 'period-kind-mismatch');
    });

    it('reads its plan by year, and by default for the calendar year running today', async () => {
      const byYear = await ok(`/networks/${ids.council}/plan?year=2021`);
      expect(byYear.body).toMatchObject({ planId: ids.plan, period: year2021, periodLabel: '2021', status: 'draft' });
      expect((await ok(`/networks/${ids.council}/plan`)).body.planId).toBe(ids.plan);
      expect((await get(`/networks/${ids.council}/plan?academicYear=2020/2021`)).status).toBe(404);
      // An academic-year network's default is the academic year running today: it has no plan for it.
      expect((await get(`/networks/${ids.other}/plan`)).body).toMatchObject({ status: 404, detail: expect.stringContaining(planIdOf('bakhmut', ids.other, { kind: 'academic-year', academicYear: '2020/2021' })) });
      expect((await get('/plans?year=2021')).body.items).toEqual([expect.objectContaining({ planId: ids.plan, periodLabel: '2021' })]);
    });

    it('keeps the period of a plan drafted before the network changed its setting; the next plan is of the new kind', async () => {
      const academic = (await send('/plans', { networkId: ids.other, period: { kind: 'academic-year', academicYear: '2020/2021' } }, 201)).body.id;
      await post(setting(ids.other), { reportingPeriod: 'calendar-year' });
      expect((await ok(`/networks/${ids.other}/plan?academicYear=2020/2021`)).body).toMatchObject({ planId: academic, periodLabel: '2020/2021' });
      // The transition: 2020/2021 and 2021 overlap, two periods, one plan each.
      const calendar = (await send('/plans', { networkId: ids.other, period: year2021 }, 201)).body.id;
      expect((await ok(`/networks/${ids.other}/plan`)).body.planId).toBe(calendar);
      await refused('/plans', { networkId: ids.other, period: { kind: 'academic-year', academicYear: '2021/2022' } }, 422, 'period-kind-mismatch');
    });

    it('counts in its fulfilment the events of that calendar year', async () => {
      await post(`/plans/${ids.plan}/items`, { kind: 'seminar', topic: 'Семінар директорів', when: { precision: 'month', month: '2021-03' }, hostIds: [ids.school] });
      const itemId = (await ok(`/plans/${ids.plan}`)).body.items[0].planItemId as string;
      const event = async (when: object, over: Record<string, unknown> = {}) =>
        (await send('/events', { kind: 'council-meeting', topic: 'Засідання ради директорів', networkIds: [ids.council], hostIds: [ids.school], when, format: { mode: 'in-person' }, level: 'network', ...over }, 201)).body.id as string;
      const hold = (id: string, from: string) => post(`/events/${id}/holding`, { when: { precision: 'date', from }, participation: { counts: {}, institutionIds: [ids.school] } });
      const planned = await event({ precision: 'month', month: '2021-03' }, { kind: 'seminar', topic: 'Семінар директорів', planItemIds: [itemId] });
      await hold(planned, '2021-03-18');
      // November 2020 is in the academic year 2020/2021, not in 2021; November 2021 in 2021, not in 2020/2021.
      const lastAutumn = await event({ precision: 'month', month: '2020-11' });
      await hold(lastAutumn, '2020-11-12');
      const thisAutumn = await event({ precision: 'month', month: '2021-11' });
      clock.set(new Date('2021-12-01T08:00:00Z'));
      await hold(thisAutumn, '2021-11-11');
      const fulfilment = (await ok(`/plans/${ids.plan}/fulfilment`)).body;
      expect(fulfilment.items.map((i: { planItemId: string; status: string }) => [i.planItemId, i.status])).toEqual([[itemId, 'held']]);
      expect(fulfilment.unforeseen.map((e: { eventId: string }) => e.eventId)).toEqual([thisAutumn]);
      expect(fulfilment.totals).toMatchObject({ items: 1, held: 1, shareHeld: 1 });
    });
  });
});
