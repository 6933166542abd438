import { EVENT_STORE, EventStore } from '@app/event-store';
import { FixedClock, academicYearPeriod } from '@app/kernel';
import { planIdOf, planStream } from '@app/planning';
import { PERSONAL_DATA_VAULT } from '@app/personal-data';
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
    Object.assign(keys, await api.issueKeys({
      head: { actorId: 'head.murygino', role: 'network-head', label: 'Руководитель Мурыгинского округа', networkIds: [ids.district] },
      auditor: { actorId: 'auditor', role: 'auditor', label: 'Аудитор' },
    }));
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
  describe('a draft: its text and its planned events', () => {
    const url = () => `/plans/${ids.plan}`;
    const seminar = (over: Record<string, unknown> = {}) => ({
      kind: 'seminar',
      topic: 'Гражданско-патриотическое воспитание на основе краеведческого материала',
      when: { precision: 'month', month: '2021-03' },
      hostIds: [ids.murygino],
      audience: ['teachers'],
      ...over,
    });
    const itemIdsOf = async (planId: string): Promise<string[]> =>
      (await streamOf(planId)).filter((e) => e.type === 'PlanItemAdded').map((e) => (e.data as { item: { planItemId: string } }).item.planItemId);

    it('edits the text (200, { id, revision, position }), minting task ids from the Idempotency-Key; a repeat records nothing', async () => {
      const body = { theme: 'Качество образования и воспитания в условиях очного, дистанционного и электронного обучения', goal: 'Совершенствование сетевого взаимодействия', tasks: [{ text: 'Организация сетевого взаимодействия' }, { text: 'Обобщение опыта', expectedResult: 'Сборник материалов' }] };
      const res = await post(`${url()}/content`, body, { 'Idempotency-Key': 'content-1' });
      expect(res.body).toEqual({ id: ids.plan, revision: 1, position: expect.any(Number) });
      const edited = await lastOf(ids.plan);
      expect(edited).toMatchObject({ type: 'PlanContentEdited', data: { planId: ids.plan, networkId: ids.district, changes: { theme: body.theme, goal: body.goal, tasks: [{ taskId: expect.any(String), text: 'Организация сетевого взаимодействия', expectedResult: null }, { text: 'Обобщение опыта', expectedResult: 'Сборник материалов' }] } } });
      ids.task = (edited.data as { changes: { tasks: { taskId: string }[] } }).changes.tasks[0].taskId;
      const before = await head();
      expect((await post(`${url()}/content`, { theme: 'другое' }, { 'Idempotency-Key': 'content-1' })).body).toEqual(res.body);
      expect(await head()).toBe(before);
      await refused(`${url()}/content`, { theme: body.theme }, 422, 'nothing-to-change');
    });

    it('refuses malformed text field by field (400), a stale If-Match (412), an unregistered partner (422), an unknown plan (404)', async () => {
      await invalid(`${url()}/content`, { theme: 5, tasks: [{ text: '' }], activityKinds: 'x', plan: 1 }, ['theme', 'tasks.0.text', 'activityKinds', 'plan']);
      await invalid(`${url()}/content`, { agreements: [{ subject: 'Договор', signedOn: '2020-13-01' }] }, ['agreements.0.signedOn']);
      await refused(`${url()}/content`, { goal: 'Новая цель' }, 412, 'stale-revision', { 'If-Match': '0' });
      await refused(`${url()}/content`, { projects: [{ name: 'Преемственность', partnerInstitutionIds: ['00000000-0000-4000-8000-000000000001'] }] }, 422, 'institution-not-registered');
      await refused('/plans/00000000-0000-4000-8000-000000000002/content', { goal: 'x' }, 404, 'not-found');
    });

    it('adds a planned event (the responsible person’s name in the vault, an outside host marked), changes and removes one', async () => {
      const res = await post(`${url()}/items`, seminar({ hostIds: [ids.murygino, ids.ryabtsevo], responsible: { fullName: 'Петрова Анна Сергеевна' } }), { 'Idempotency-Key': 'item-1', 'If-Match': '1' });
      expect(res.body).toEqual({ id: ids.plan, revision: 2, position: expect.any(Number) });
      const added = await lastOf(ids.plan);
      expect(added).toMatchObject({ type: 'PlanItemAdded', data: { item: { kind: 'seminar', when: { precision: 'month', month: '2021-03' }, hostIds: [ids.murygino, ids.ryabtsevo], outsideHostIds: [ids.ryabtsevo], audience: ['teachers'], seriesId: null, carriedOverFrom: null } } });
      expect(JSON.stringify(added)).not.toContain('Петрова');
      const item = (added.data as { item: { planItemId: string; responsiblePersonId: string } }).item;
      ids.item = item.planItemId;
      expect((await api.app.get(PERSONAL_DATA_VAULT).lookup('bakhmut', [item.responsiblePersonId])).get(item.responsiblePersonId)).toMatchObject({ status: 'present', fullName: 'Петрова Анна Сергеевна' });
      await post(`${url()}/items/${ids.item}`, { hostIds: [ids.murygino] });
      expect(await lastOf(ids.plan)).toMatchObject({ type: 'PlanItemChanged', data: { planItemId: ids.item, changes: { hostIds: [ids.murygino], outsideHostIds: [] }, previous: { hostIds: [ids.murygino, ids.ryabtsevo], outsideHostIds: [ids.ryabtsevo] } } });
      await post(`${url()}/items`, seminar({ topic: 'Лишний семинар' }), { 'Idempotency-Key': 'item-2' });
      const spare = (await itemIdsOf(ids.plan)).at(-1)!;
      await post(`${url()}/items/${spare}/removal`, {});
      expect(await lastOf(ids.plan)).toMatchObject({ type: 'PlanItemRemoved', data: { planItemId: spare, projectIds: [] } });
      await post(`${url()}/items`, seminar({ topic: 'Второй семинар', when: { precision: 'academic-year', academicYear: '2020/2021' } }), { 'Idempotency-Key': 'item-3' });
      ids.item2 = (await itemIdsOf(ids.plan)).at(-1)!;
    });

    it('refuses a planned event that is malformed (400), outside the period, or with an unknown host (422), an unknown item (422)', async () => {
      await invalid(`${url()}/items`, {}, ['kind', 'topic', 'when']);
      await invalid(`${url()}/items`, seminar({ kind: 'party', hostIds: ['x'], audience: ['aliens'] }), ['kind', 'hostIds', 'audience']);
      await invalid(`${url()}/items`, seminar({ when: { precision: 'not-known' } }), ['when.precision']);
      await refused(`${url()}/items`, seminar({ when: { precision: 'date', from: '2021-09-15' } }), 422, 'item-outside-period');
      await refused(`${url()}/items`, seminar({ hostIds: ['00000000-0000-4000-8000-000000000003'] }), 422, 'institution-not-registered');
      await refused(`${url()}/items/00000000-0000-4000-8000-000000000004`, { topic: 'x' }, 422, 'plan-item-unknown');
      await refused(`${url()}/items/00000000-0000-4000-8000-000000000004/removal`, {}, 422, 'plan-item-unknown');
    });
  });

  describe('approval, amendment, closing, correction, next year', () => {
    const url = () => `/plans/${ids.plan}`;
    const approval = { approvedOn: '2020-08-28', approvedBy: { body: 'совет руководителей', person: { fullName: 'Иванова Мария Петровна' } }, decisionNumber: 'протокол № 1' };

    it('refuses to amend, close or correct a draft (422)', async () => {
      await refused(`${url()}/amendments`, { reason: 'x', approval, content: { goal: 'x' } }, 422, 'plan-not-approved');
      await refused(`${url()}/closing`, { closedOn: '2021-04-01', assessment: { grade: 'satisfactory' } }, 422, 'plan-not-approved');
      await refused(`${url()}/corrections`, { reason: 'x', goal: 'x' }, 422, 'plan-not-closed');
      await refused(`${url()}/next-year`, {}, 422, 'previous-plan-not-closed');
    });

    it('approves it (by whom, when, which decision; the approver’s name in the vault), once, not in the future', async () => {
      await invalid(`${url()}/approval`, { approvedOn: 'вчера', approvedBy: { person: { personId: 'x' } } }, ['approvedOn', 'approvedBy.person.personId']);
      await refused(`${url()}/approval`, { ...approval, approvedOn: '2021-05-01' }, 422, 'date-in-future');
      await post(`${url()}/approval`, approval);
      const approved = await lastOf(ids.plan);
      expect(approved).toMatchObject({ type: 'PlanApproved', data: { revision: 1, approval: { approvedOn: '2020-08-28', approvedBy: { personId: expect.any(String), body: 'совет руководителей' }, decisionNumber: 'протокол № 1' } } });
      expect(JSON.stringify(approved)).not.toContain('Иванова');
      await refused(`${url()}/approval`, approval, 422, 'plan-already-approved');
    });

    it('refuses to edit an approved plan freely (422 plan-approved)', async () => {
      await refused(`${url()}/content`, { goal: 'Новая цель' }, 422, 'plan-approved');
      await refused(`${url()}/items`, { kind: 'seminar', topic: 'x', when: { precision: 'month', month: '2021-03' } }, 422, 'plan-approved');
      await refused(`${url()}/items/${ids.item}`, { topic: 'x' }, 422, 'plan-approved');
      await refused(`${url()}/items/${ids.item}/removal`, {}, 422, 'plan-approved');
    });

    it('amends it only with a reason: a numbered revision', async () => {
      await refused(`${url()}/amendments`, { approval: { ...approval, approvedOn: '2021-01-15' }, content: { goal: 'Уточнённая цель' } }, 422, 'reason-required');
      await refused(`${url()}/amendments`, { reason: '  ', approval: { ...approval, approvedOn: '2021-01-15' }, content: { goal: 'Уточнённая цель' } }, 422, 'reason-required');
      await invalid(`${url()}/amendments`, { reason: 'x' }, ['approval']);
      const reason = 'Семинар перенесён по решению совета руководителей';
      await post(`${url()}/amendments`, { reason, approval: { ...approval, approvedOn: '2021-01-15' }, changeItems: [{ planItemId: ids.item2, changes: { when: { precision: 'month', month: '2021-04' } } }] }, { 'Idempotency-Key': 'amend-1' });
      expect(await lastOf(ids.plan)).toMatchObject({ type: 'PlanAmended', data: { revision: 2, reason, changedItems: [{ planItemId: ids.item2, changes: { when: { precision: 'month', month: '2021-04' } } }] }, metadata: { reason } });
    });

    it('closes it only with an assessment and every planned event resolved (held by an event that was held)', async () => {
      const event = (await send('/events', { kind: 'seminar', topic: 'Гражданско-патриотическое воспитание', networkIds: [ids.district], hostIds: [ids.murygino], when: { precision: 'date', from: '2021-03-15' }, format: { mode: 'in-person' }, level: 'network', planItemIds: [ids.item] }, 201)).body.id;
      const closing = {
        closedOn: '2021-04-19',
        assessment: { grade: 'satisfactory', comment: 'потребує удосконалення' },
        conclusions: 'За время работы округа накоплен положительный опыт',
        problems: ['конкурування учасників освітнього округу за контингент'],
        taskResults: [{ taskId: ids.task, result: 'done' }],
        sections: [{ title: 'Співпраця із закладами, які не є членами округу', text: 'Проведено спільні заходи' }],
        nextYear: { goal: 'Перспективная цель', tasks: [{ text: 'Продолжить работу по преемственности' }] },
        itemResolutions: [
          { planItemId: ids.item, resolution: 'held', eventIds: [event] },
          { planItemId: ids.item2, resolution: 'carried-over', reason: 'Перенесено на следующий год' },
        ],
      };
      await refused(`${url()}/closing`, { ...closing, assessment: undefined }, 422, 'assessment-required');
      await refused(`${url()}/closing`, { ...closing, assessment: { grade: 'excellent' } }, 422, 'assessment-grade-unknown');
      await refused(`${url()}/closing`, { ...closing, itemResolutions: closing.itemResolutions.slice(1) }, 422, 'items-unresolved');
      await refused(`${url()}/closing`, closing, 422, 'item-not-held');
      await refused(`${url()}/closing`, { ...closing, itemResolutions: [{ planItemId: ids.item, resolution: 'cancelled' }, closing.itemResolutions[1]] }, 422, 'reason-required');
      await invalid(`${url()}/closing`, { ...closing, closedOn: 'x', taskResults: [{ taskId: ids.task, result: 'maybe' }] }, ['closedOn', 'taskResults.0.result']);
      await post(`/events/${event}/holding`, { when: { precision: 'date', from: '2021-03-15' }, participation: { counts: { teachers: 20 }, institutionIds: [ids.murygino] } });
      await post(`${url()}/closing`, closing, { 'Idempotency-Key': 'close-1' });
      expect(await lastOf(ids.plan)).toMatchObject({
        type: 'PlanClosed',
        data: { closedOn: '2021-04-19', assessment: { grade: 'satisfactory', label: { ru: 'удовлетворительно' }, comment: 'потребує удосконалення' }, nextYear: { goal: 'Перспективная цель', tasks: [{ taskId: expect.any(String), text: 'Продолжить работу по преемственности' }] } },
      });
      await refused(`${url()}/closing`, closing, 422, 'plan-already-closed');
    });

    it('never edits a closed plan; corrects it only with a reason', async () => {
      await refused(`${url()}/content`, { goal: 'x' }, 422, 'plan-closed');
      await refused(`${url()}/items`, { kind: 'seminar', topic: 'x', when: { precision: 'month', month: '2021-03' } }, 422, 'plan-closed');
      await refused(`${url()}/amendments`, { reason: 'x', approval, content: { goal: 'x' } }, 422, 'plan-closed');
      await refused(`${url()}/corrections`, { conclusions: 'Уточнённые выводы' }, 422, 'reason-required');
      await refused(`${url()}/corrections`, { reason: 'Опечатка', conclusions: 'За время работы округа накоплен положительный опыт' }, 422, 'nothing-to-change');
      await post(`${url()}/corrections`, { reason: 'Опечатка', conclusions: 'Уточнённые выводы' });
      expect(await lastOf(ids.plan)).toMatchObject({ type: 'PlanCorrected', data: { reason: 'Опечатка', corrections: { conclusions: 'Уточнённые выводы' }, previous: { conclusions: 'За время работы округа накоплен положительный опыт' } } });
    });

    it('drafts next year’s plan from the closed one (201, Location): its tasks and carried-over items, linked back; once', async () => {
      const res = await send(`${url()}/next-year`, {}, 201);
      expect(res.body.id).toBe(planIdOf('bakhmut', ids.district, academicYearPeriod('2021/2022')));
      expect(res.headers.location).toBe(`/plans/${res.body.id}`);
      expect(await lastOf(res.body.id)).toMatchObject({
        type: 'PlanDrafted',
        data: { continuesPlanId: ids.plan, period: { kind: 'academic-year', academicYear: '2021/2022' }, content: { goal: 'Перспективная цель' }, items: [{ topic: 'Второй семинар', carriedOverFrom: { planId: ids.plan, planItemId: ids.item2 } }] },
      });
      await refused(`${url()}/next-year`, {}, 422, 'plan-already-drafted');
      await refused('/plans/00000000-0000-4000-8000-000000000005/next-year', {}, 404, 'not-found');
    });
  });

  describe('network heads and departments', () => {
    it('lets a head change its own network’s plan and no other (403, nothing recorded); an auditor none', async () => {
      const own = await draft(ids.district, { period: { kind: 'academic-year', academicYear: '2019/2020' } }, keys.head);
      await post(`/plans/${own}/content`, { goal: 'Цель округа' }, {}, keys.head);
      await refused(`/plans/${ids.otherPlan}/content`, { goal: 'Не мой округ' }, 403, 'forbidden', {}, keys.head);
      await refused(`/plans/${ids.otherPlan}/items`, { kind: 'seminar', topic: 'x', when: { precision: 'month', month: '2021-03' } }, 403, 'forbidden', {}, keys.head);
      await refused(`/plans/${ids.otherPlan}/approval`, { approvedOn: '2020-08-28', approvedBy: { body: 'совет' } }, 403, 'forbidden', {}, keys.head);
      await refused(`/plans/${own}/content`, { goal: 'x' }, 403, 'forbidden', {}, keys.auditor);
    });

    it('answers another department’s plan as an unknown one (404), If-Match or not', async () => {
      const other = await secondDepartmentAdmin(api, 'sloviansk');
      await refused(`/plans/${ids.otherPlan}/content`, { goal: 'x' }, 404, 'not-found', {}, other);
      await refused(`/plans/${ids.otherPlan}/content`, { goal: 'x' }, 404, 'not-found', { 'If-Match': '0' }, other);
      await refused(`/plans/${ids.plan}/next-year`, {}, 404, 'not-found', {}, other);
    });
  });
});
