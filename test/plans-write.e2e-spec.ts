import { EVENT_STORE, EventStore } from '@app/event-store';
import { FixedClock, academicYearPeriod } from '@app/kernel';
import { planIdOf, planStream } from '@app/planning';
import { ApiHarness } from './support/api-harness';
import { secondDepartmentAdmin } from './support/second-department';

/**
 * Recording plans through the HTTP API (docs/planning.md, "Recording plans (API)"): every write
 * with its success and its refusals, field by field for malformed input, and each refusal
 * recording nothing (the log's head does not move).
 *
 * After the Murygino analysis of 2020/2021 (seed: ru-murygino-2020-2021): the district's plan
 * for 2020/2021, its theme, goal and tasks, the seminars it plans. "Today" is 20 April 2021.
 */
describe('planning: recording plans through the HTTP API', () => {
  const clock = new FixedClock(new Date('2021-04-20T08:00:00Z'));
  let api: ApiHarness;
  let store: EventStore;
  const ids: Record<string, string> = {};
  const keys: Record<string, string> = {};
  const period = { kind: 'academic-year', academicYear: '2020/2021' };

  const send = async (url: string, body: object, expected: number, headers: Record<string, string> = {}, key?: string) => {
    const res = await api.as(key).post(url).set(headers).send(body);
    if (res.status !== expected) throw new Error(`${url} → ${res.status} (expected ${expected}) ${JSON.stringify(res.body)}`);
    return res;
  };
  const post = (url: string, body: object, headers: Record<string, string> = {}, key?: string) => send(url, body, 200, headers, key);
  const head = async (): Promise<number> => (await api.http.get('/health')).body.eventStore.head;
  const streamOf = async (planId: string) => store.readStream(planStream(planId));
  const lastOf = async (planId: string) => (await streamOf(planId)).at(-1)!;

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
  const invalid = async (url: string, body: object, fields: string[], headers: Record<string, string> = {}) => {
    const res = await refused(url, body, 400, 'invalid-input', headers);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([...fields].sort());
    return res;
  };
  const draft = async (networkId: string, over: Record<string, unknown> = {}, key?: string) => (await send('/plans', { networkId, period, ...over }, 201, {}, key)).body.id as string;

  beforeAll(async () => {
    api = await ApiHarness.start({}, undefined, clock);
    store = api.app.get(EVENT_STORE);
    const institution = async (key: string, shortName: string) => {
      ids[key] = (await send('/institutions', { fullName: `${shortName} Юрьянского района`, shortName, kind: 'general-school', settlement: 'Мурыгино' }, 201)).body.id;
    };
    await institution('murygino', 'МБОУ Мурыгинская СШ');
    await institution('ryabtsevo', 'МБОУ Рябцевская ОШ');
    const network = async (key: string, name: string) => {
      ids[key] = (await send('/networks', { name, kind: 'educational-district' }, 201)).body.id;
    };
    await network('district', 'Мурыгинский образовательный округ');
    await network('other', 'Подгорненский образовательный округ');
    await network('old', 'Гостовский образовательный округ');
    await network('spare', 'Рябцевский образовательный округ');
    await post(`/networks/${ids.district}/members`, { institutionId: ids.murygino, role: 'member', from: '2019-09-01' });
    await post(`/networks/${ids.old}/dissolve`, { on: '2020-06-01', reason: 'Объединение округов' });
    for (const [name, body] of Object.entries({
      head: { actorId: 'head.murygino', role: 'network-head', label: 'Руководитель Мурыгинского округа', networkIds: [ids.district] },
      auditor: { actorId: 'auditor', role: 'auditor', label: 'Аудитор' },
    })) {
      keys[name] = (await send('/api-keys', body, 201)).body.secret;
    }
  });
  afterAll(async () => {
    await api.stop();
  });

  describe('POST /plans: drafting', () => {
    it('drafts the network’s plan for the period (201, Location); its id is derived from department, network and period', async () => {
      const res = await send('/plans', { networkId: ids.district, period }, 201);
      expect(res.body).toEqual({ id: planIdOf('bakhmut', ids.district, academicYearPeriod('2020/2021')), revision: 0, position: expect.any(Number) });
      expect(res.headers.location).toBe(`/plans/${res.body.id}`);
      ids.plan = res.body.id;
      expect(await lastOf(ids.plan)).toMatchObject({
        type: 'PlanDrafted',
        data: { planId: ids.plan, department: 'bakhmut', networkId: ids.district, period, continuesPlanId: null, items: [] },
        metadata: { actor: { id: 'admin', role: 'admin' }, recordedAt: '2021-04-20T08:00:00.000Z' },
      });
    });

    it('refuses a second plan for the same network and period (422 plan-already-drafted), however it is asked', async () => {
      await refused('/plans', { networkId: ids.district, period }, 422, 'plan-already-drafted');
      await refused('/plans', { networkId: ids.district, period: { kind: 'academic-year', academicYear: '2020/2021' } }, 422, 'plan-already-drafted', { 'Idempotency-Key': 'second-draft' });
    });

    it('refuses a dissolved network, an unknown one, a period of another kind (422)', async () => {
      await refused('/plans', { networkId: ids.old, period }, 422, 'network-dissolved');
      await refused('/plans', { networkId: '00000000-0000-4000-8000-000000000000', period }, 422, 'network-not-registered');
      await refused('/plans', { networkId: ids.spare, period: { kind: 'calendar-year', year: 2021 } }, 422, 'period-kind-mismatch');
    });

    it('answers malformed input field by field (400), recording nothing', async () => {
      await invalid('/plans', {}, ['networkId', 'period']);
      await invalid('/plans', { networkId: 'nope', period }, ['networkId']);
      await invalid('/plans', { networkId: ids.spare, period: { kind: 'academic-year', academicYear: '2020-2022' } }, ['period.academicYear']);
      await invalid('/plans', { networkId: ids.spare, period: { kind: 'school-year' } }, ['period.kind']);
      await invalid('/plans', { networkId: ids.spare, period: { kind: 'calendar-year', year: 'x' } }, ['period.year']);
      await invalid('/plans', { networkId: ids.spare, period, theme: 'x' }, ['theme']);
    });

    it('lets a network head draft its own network’s plan only (403 for another network, nothing recorded); an auditor none', async () => {
      await refused('/plans', { networkId: ids.other, period }, 403, 'forbidden', {}, keys.head);
      await refused('/plans', { networkId: ids.other, period }, 403, 'forbidden', {}, keys.auditor);
      ids.otherPlan = await draft(ids.other);
    });

    it('treats another department’s network as unknown (422 network-not-registered)', async () => {
      const other = await secondDepartmentAdmin(api, 'kramatorsk');
      await refused('/plans', { networkId: ids.spare, period }, 422, 'network-not-registered', {}, other);
    });
  });
});
