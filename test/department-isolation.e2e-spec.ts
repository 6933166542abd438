import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { eventStream } from '@app/events';
import { planStream } from '@app/planning';
import { ApiHarness } from './support/api-harness';
import { OpenApiDocument, Operation, fillPath, operationsOf, validBody } from './support/openapi-calls';
import { reportGeneratorTestModule } from './support/report-generators';
import { secondDepartmentAdmin } from './support/second-department';

/**
 * Department B calls every endpoint of the OpenAPI document with department A's ids and must
 * get exactly what an id nobody has gets: same status, same problem type, no revision of A's,
 * and A's records unchanged.
 */
describe('department isolation: every endpoint, another department’s ids', () => {
  let api: ApiHarness;
  let doc: OpenApiDocument;
  let keyB: string;
  const a = { institution: '', member: '', other: '', network: '', otherNetwork: '', person: '', keyId: '', event: '', series: '', planItem: '', eventPerson: '', plan: '', item: '', report: '' };

  beforeAll(async () => {
    // With the tests' report generator, so that A has a report (production registers none yet).
    api = await ApiHarness.start({}, undefined, undefined, [reportGeneratorTestModule()]);
    const post = async (url: string, body: object) => {
      const res = await api.as().post(url).send(body);
      if (res.status >= 300) throw new Error(`${url}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body;
    };
    const school = (n: number) => ({ fullName: `Бахмутська загальноосвітня школа № ${n}`, shortName: `ЗОШ № ${n}`, kind: 'general-school', settlement: 'Бахмут' });
    a.institution = (await post('/institutions', school(1))).id;
    a.member = (await post('/institutions', school(2))).id;
    a.other = (await post('/institutions', school(3))).id;
    // Several changes, so that A's revisions differ from anything B could guess by chance.
    for (const n of [4, 5, 6]) await post(`/institutions/${a.institution}/rename`, { fullName: `Бахмутська школа № 1-${n}`, shortName: `Школа 1-${n}`, renamedOn: `202${n}-09-01` });
    a.network = (await post('/networks', { name: 'Бахмутський освітній округ № 1', kind: 'educational-district' })).id;
    a.otherNetwork = (await post('/networks', { name: 'Бахмутський освітній округ № 2', kind: 'educational-district' })).id;
    await post(`/networks/${a.network}/members`, { institutionId: a.member, role: 'member', from: '2019-09-01' });
    await post(`/networks/${a.network}/members`, { institutionId: a.institution, role: 'member', from: '2019-09-01' });
    const headed = await post(`/networks/${a.network}/head`, { fullName: 'Коваленко Наталія Петрівна', position: 'директор', appointedOn: '2019-09-01' });
    const composition = await api.as().get(`/networks/${a.network}/composition?on=2020-01-01&consistentWith=${headed.position}`);
    a.person = composition.body.head.personId;
    a.keyId = (await post('/api-keys', { actorId: 'operator.a', role: 'operator', label: 'A’s operator' })).keyId;
    // An event with a series, a plan item and a person, changed several times (revisions past 0).
    a.series = (await post('/event-series', { name: 'Семінари округу', kind: 'seminar', networkIds: [a.network] })).id;
    a.planItem = randomUUID();
    const event = {
      kind: 'seminar',
      topic: 'Семінар керівників',
      networkIds: [a.network],
      hostIds: [a.member],
      when: { precision: 'month', month: '2020-03' },
      format: { mode: 'in-person' },
      level: 'network',
      seriesId: a.series,
      people: [{ fullName: 'Коваленко Ірина', role: 'speaker' }],
      planItemIds: [a.planItem],
    };
    a.event = (await post('/events', event)).id;
    for (const topic of ['Семінар керівників шкіл', 'Семінар керівників закладів', 'Семінар']) await post(`/events/${a.event}/corrections`, { topic });
    a.eventPerson = ((await api.app.get<EventStore>(EVENT_STORE).readStream(eventStream(a.event)))[0].data as { people: { personId: string }[] }).people[0].personId;
    // A plan with a planned event, changed several times.
    a.plan = (await post('/plans', { networkId: a.network, period: { kind: 'academic-year', academicYear: '2019/2020' } })).id;
    for (const goal of ['Мета округу', 'Мета округу на рік', 'Мета']) await post(`/plans/${a.plan}/content`, { goal });
    await post(`/plans/${a.plan}/items`, { kind: 'seminar', topic: 'Семінар керівників', when: { precision: 'month', month: '2020-03' }, hostIds: [a.member] });
    a.item = ((await api.app.get<EventStore>(EVENT_STORE).readStream(planStream(a.plan))).at(-1)!.data as { item: { planItemId: string } }).item.planItemId;
    // A report of A's network, generated.
    a.report = (await post('/reports', { report: 'annual-analysis', format: 'json', parameters: { networkId: a.network, period: { kind: 'academic-year', academicYear: '2019/2020' }, language: 'uk' } })).id;
    for (let i = 0; i < 200 && (await api.as().get(`/reports/${a.report}`)).body.status !== 'generated'; i++) await new Promise((resolve) => setTimeout(resolve, 25));
    if ((await api.as().get(`/reports/${a.report}`)).body.status !== 'generated') throw new Error('A’s report was not generated');
    keyB = await secondDepartmentAdmin(api, 'kramatorsk');
    doc = (await api.http.get('/docs-json')).body;
  });
  afterAll(async () => {
    await api.stop();
  });

  /**
   * Operational endpoints that name no record of a department; and the department's templates,
   * addressed by the kind of report within the key's own department, never by an id
   * (report-templates.e2e-spec.ts shows another department sees none of them).
   */
  const notDepartmentRecords = (op: Operation) => op.path.startsWith('/projections') || op.path === '/health' || op.path.startsWith('/report-templates');

  const idOfA = (path: string): string =>
    path.startsWith('/networks')
      ? a.network
      : path.startsWith('/events')
        ? a.event
        : path.startsWith('/event-series')
          ? a.series
          : path.startsWith('/plans')
            ? a.plan
            : path.startsWith('/reports')
              ? a.report
              : a.institution;
  const idsOfA = (op: Operation): Record<string, string> => ({
    id: idOfA(op.path),
    institutionId: a.member,
    personId: a.person,
    keyId: a.keyId,
    planItemId: a.planItem,
    itemId: a.item,
  });
  const unknownIds = (): Record<string, string> => ({ id: randomUUID(), institutionId: randomUUID(), personId: randomUUID(), keyId: randomUUID(), planItemId: randomUUID(), itemId: randomUUID() });
  const bodyIdsOfA = (field: string) => (/series/i.test(field) ? a.series : /network/i.test(field) ? a.otherNetwork : /person/i.test(field) ? a.eventPerson : a.other);

  const call = (op: Operation, key: string, params: Record<string, string>, bodyId: (field: string) => string, ifMatch?: string) => {
    let req = request(api.app.getHttpServer())[op.method as 'get'](fillPath(op.path, params)).set('Authorization', `Bearer ${key}`);
    if (ifMatch !== undefined) req = req.set('If-Match', ifMatch);
    const body = validBody(doc, op.operation, bodyId);
    return body === undefined ? req : req.send(body as object);
  };

  const snapshotOfA = async () => {
    const parts = await Promise.all([
      api.as().get(`/institutions/${a.institution}`),
      api.as().get(`/institutions/${a.member}/history`),
      api.as().get(`/networks/${a.network}`),
      api.as().get(`/networks/${a.network}/composition?on=2020-01-01`),
      api.as().get(`/networks/${a.network}/timeline`),
      api.as().get(`/events/${a.event}`),
      api.as().get(`/events/${a.event}/history`),
      api.as().get(`/event-series/${a.series}`),
      api.as().get(`/institutions/${a.member}/events`),
      api.as().get(`/plans/${a.plan}`),
      api.as().get(`/plans/${a.plan}/fulfilment`),
      api.as().get(`/plans/${a.plan}/history`),
      api.as().get(`/networks/${a.network}/plan?academicYear=2019/2020`),
      api.as().get(`/reports/${a.report}`),
    ]);
    return parts.map((p) => p.body);
  };
  const head = async (): Promise<number> => (await api.http.get('/health')).body.eventStore.head;

  it('covers every endpoint that names a record by its id', () => {
    const targets = operationsOf(doc).filter((op) => op.pathParams.length > 0 && !notDepartmentRecords(op));
    expect(targets.length).toBeGreaterThanOrEqual(20);
    // A new kind of path parameter must be given A's ids here, or this suite would skip it.
    for (const op of targets) for (const p of op.pathParams) expect({ op: op.path, p, known: p in idsOfA(op) }).toEqual({ op: op.path, p, known: true });
  });

  it('answers B with A’s ids exactly as with unknown ids, with and without If-Match, and changes nothing', async () => {
    const before = await snapshotOfA();
    const headBefore = await head();
    const mismatches: string[] = [];
    for (const op of operationsOf(doc).filter((o) => o.pathParams.length > 0 && !notDepartmentRecords(o))) {
      const takesIfMatch = (op.operation.parameters ?? []).some((p) => p.name === 'If-Match');
      for (const ifMatch of takesIfMatch ? [undefined, '"5"', '"0"', '"3"'] : [undefined]) {
        const theirs = await call(op, keyB, idsOfA(op), bodyIdsOfA, ifMatch);
        const unknown = await call(op, keyB, unknownIds(), () => randomUUID(), ifMatch);
        const label = `${op.method.toUpperCase()} ${op.path}${ifMatch ? ` If-Match ${ifMatch}` : ''}`;
        if (theirs.status !== unknown.status || theirs.body.type !== unknown.body.type) {
          mismatches.push(`${label}: A's id ${theirs.status} ${theirs.body.type}, unknown id ${unknown.status} ${unknown.body.type}`);
        }
        if (theirs.body.currentRevision !== undefined || /Бахмут|Коваленко/.test(theirs.text)) mismatches.push(`${label}: leaks ${theirs.text.slice(0, 200)}`);
        if (theirs.status < 400) mismatches.push(`${label}: succeeded with ${theirs.status}`);
      }
    }
    expect(mismatches).toEqual([]);
    expect(await head()).toBe(headBefore);
    expect(await snapshotOfA()).toEqual(before);
  });

  it('refuses B an event, a series or a plan naming A’s networks, institutions or series as it refuses unknown ones, recording nothing', async () => {
    const headBefore = await head();
    const event = (ids: { network: string; host: string; series?: string }) => ({
      kind: 'seminar',
      topic: 'Семінар',
      networkIds: [ids.network],
      hostIds: [ids.host],
      when: { precision: 'month', month: '2020-03' },
      format: { mode: 'in-person' },
      level: 'network',
      ...(ids.series ? { seriesId: ids.series } : {}),
    });
    const asB = (url: string, body: object) => request(api.app.getHttpServer()).post(url).set('Authorization', `Bearer ${keyB}`).send(body);
    const cases: Array<[string, (ids: { network: string; host: string; series: string }) => object]> = [
      ['/events', (ids) => event({ network: ids.network, host: ids.host })],
      ['/event-series', (ids) => ({ name: 'Серія', kind: 'seminar', networkIds: [ids.network] })],
      ['/plans', (ids) => ({ networkId: ids.network, period: { kind: 'academic-year', academicYear: '2020/2021' } })],
    ];
    for (const [url, body] of cases) {
      const theirs = await asB(url, body({ network: a.network, host: a.member, series: a.series }));
      const unknown = await asB(url, body({ network: randomUUID(), host: randomUUID(), series: randomUUID() }));
      expect({ url, status: theirs.status, type: theirs.body.type }).toEqual({ url, status: unknown.status, type: unknown.body.type });
      expect(theirs.status).toBe(422);
    }
    // B's own network with A's host, or with A's series.
    const own = (await asB('/networks', { name: 'Краматорський округ', kind: 'educational-district' })).body.id;
    for (const [theirs, unknown] of [
      [event({ network: own, host: a.member }), event({ network: own, host: randomUUID() })],
      [event({ network: own, host: randomUUID(), series: a.series }), event({ network: own, host: randomUUID(), series: randomUUID() })],
    ]) {
      const mine = await asB('/events', theirs);
      const nobody = await asB('/events', unknown);
      expect({ status: mine.status, type: mine.body.type }).toEqual({ status: nobody.status, type: nobody.body.type });
      expect(mine.status).toBe(422);
    }
    expect(await head()).toBe(headBefore + 1);
  });

  it('finds none of A’s networks, institutions or series for B’s events import, by id or by name, as for names nobody has; records nothing', async () => {
    const headBefore = await head();
    const row = (networks: string[], hosts: string[], series: string) => ({ kind: 'seminar', topic: 'Семінар', networks, hosts, when: '2020/2021', series });
    const theirs = await api.as(keyB).post('/events/imports').send({ events: [row([a.network], [a.institution], 'Семінари округу'), row(['Бахмутський освітній округ № 1'], ['ЗОШ № 2'], 'Семінари округу')] });
    const nobody = await api.as(keyB).post('/events/imports').send({ events: [row([randomUUID()], [randomUUID()], 'Ніхто'), row(['Ніякий округ'], ['Ніяка школа'], 'Ніхто')] });
    for (const res of [theirs, nobody]) {
      expect(res.status).toBe(422);
      expect(res.body.summary.rows.map((r: { rule: string; errors: { field: string }[] }) => [r.rule, r.errors.map((e) => e.field)])).toEqual([
        ['unresolved-reference', ['networks', 'hosts']],
        ['unresolved-reference', ['networks', 'hosts']],
      ]);
    }
    expect(theirs.text).not.toMatch(new RegExp([a.series, a.member, a.other, a.otherNetwork].join('|')));
    expect(await head()).toBe(headBefore);
  });

  it('lists none of A’s records to B', async () => {
    for (const op of operationsOf(doc).filter((o) => o.method === 'get' && o.pathParams.length === 0 && !notDepartmentRecords(o))) {
      const res = await call(op, keyB, {}, () => randomUUID());
      expect({ op: op.path, status: res.status }).toEqual({ op: op.path, status: 200 });
      for (const id of Object.values(a)) expect(res.text).not.toContain(id);
      expect(res.text).not.toMatch(/Бахмут/);
    }
  });
});
