import { ApiHarness } from './support/api-harness';

/**
 * The Bakhmut redistribution of 2019 (seed: uk-bakhmut-district-2019-2020): at the department's
 * initiative the members of the districts were redistributed; ЗОШ № 7 moved into the district
 * whose anchor is НВК № 11, and two kindergartens joined it as partners.
 */
describe('networks through the HTTP API', () => {
  let api: ApiHarness;
  const ids: Record<string, string> = {};
  let lastPosition = 0;

  const post = async (url: string, body: object, expected = 200, headers: Record<string, string> = {}) => {
    const res = await api.as().post(url).set(headers).send(body);
    if (res.status !== expected) throw new Error(`${url} → ${res.status} ${JSON.stringify(res.body)}`);
    if (res.body.position) lastPosition = Math.max(lastPosition, res.body.position);
    return res;
  };
  const get = (url: string) => api.as().get(`${url}${url.includes('?') ? '&' : '?'}consistentWith=${lastPosition}`);
  const institution = async (key: string, shortName: string, kind: string) => {
    ids[key] = (await post('/institutions', { fullName: `${shortName} м. Бахмут`, shortName, kind, settlement: 'Бахмут' }, 201)).body.id;
  };

  beforeAll(async () => {
    api = await ApiHarness.start();
    await institution('nvk11', 'НВК № 11', 'educational-complex');
    await institution('school7', 'ЗОШ № 7', 'general-school');
    await institution('school5', 'ЗОШ № 5', 'general-school');
    await institution('dnz3', 'ДНЗ № 3', 'kindergarten');
    await institution('dnz17', 'ДНЗ № 17', 'kindergarten');
    await institution('college', 'Артемівське педагогічне училище', 'college');
    ids.d11 = (await post('/networks', { name: 'Освітній округ НВК № 11', kind: 'educational-district', number: '2' }, 201)).body.id;
    ids.d5 = (await post('/networks', { name: 'Освітній округ ЗОШ № 5', kind: 'educational-district', number: '1' }, 201)).body.id;
    // Before the redistribution.
    await post(`/networks/${ids.d11}/members`, { institutionId: ids.nvk11, role: 'member', from: '2017-09-01' });
    await post(`/networks/${ids.d11}/anchor`, { institutionId: ids.nvk11, from: '2017-09-01' });
    await post(`/networks/${ids.d5}/members`, { institutionId: ids.school5, role: 'member', from: '2017-09-01' });
    await post(`/networks/${ids.d5}/anchor`, { institutionId: ids.school5, from: '2017-09-01' });
    await post(`/networks/${ids.d5}/members`, { institutionId: ids.school7, role: 'member', from: '2017-09-01' });
  });
  afterAll(async () => {
    await api.stop();
  });

  it('registers networks and lists them with filters', async () => {
    const list = await get('/networks?kind=educational-district&q=нвк');
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ total: 1, items: [{ id: ids.d11, name: 'Освітній округ НВК № 11', number: '2', status: 'active', currentMembers: 1 }] });
    const one = await get(`/networks/${ids.d11}`);
    expect(one.headers.etag).toBe(`"${one.body.revision}"`);
  });

  it('reproduces the 2019 redistribution: a transfer in, two kindergartens as partners, a head', async () => {
    const reason = 'Рішення управління освіти про розподіл учасників освітніх округів';
    const transfer = await post(`/networks/${ids.d5}/members/${ids.school7}/transfer`, { toNetworkId: ids.d11, on: '2019-09-01', reason });
    expect(transfer.body.id).toBe(ids.d5);
    await post(`/networks/${ids.d11}/members`, { institutionId: ids.dnz3, role: 'partner', from: '2019-09-01' });
    await post(`/networks/${ids.d11}/members`, { institutionId: ids.dnz17, role: 'partner', from: '2019-09-01' });
    await post(`/networks/${ids.d11}/head`, { fullName: 'Коваленко Наталія Петрівна', position: 'директор НВК № 11', appointedOn: '2019-09-01' });

    const before = await get(`/networks/${ids.d11}/composition?on=2019-08-31`);
    expect(before.status).toBe(200);
    expect(before.body.members.map((m: { shortName: string; role: string }) => [m.shortName, m.role])).toEqual([['НВК № 11', 'anchor']]);
    expect(before.body.head).toBeNull();

    const after = await get(`/networks/${ids.d11}/composition?on=2019-09-01`);
    expect(after.body).toMatchObject({
      network: { id: ids.d11, name: 'Освітній округ НВК № 11' },
      on: '2019-09-01',
      anchor: { institutionId: ids.nvk11, shortName: 'НВК № 11', since: '2017-09-01' },
      head: { fullName: 'Коваленко Наталія Петрівна', position: 'директор НВК № 11', since: '2019-09-01', erased: false },
    });
    const rows = after.body.members.map((m: { shortName: string; role: string; since: string }) => [m.shortName, m.role, m.since]);
    // The anchor first, then by since.
    expect(rows[0]).toEqual(['НВК № 11', 'anchor', '2017-09-01']);
    expect(rows.slice(1).sort()).toEqual([
      ['ДНЗ № 17', 'partner', '2019-09-01'],
      ['ДНЗ № 3', 'partner', '2019-09-01'],
      ['ЗОШ № 7', 'member', '2019-09-01'],
    ]);

    // The other district lost it on the same day.
    const old = await get(`/networks/${ids.d5}/composition?on=2019-09-01`);
    expect(old.body.members.map((m: { shortName: string }) => m.shortName)).toEqual(['ЗОШ № 5']);

    // The changes of the academic year 2019/2020, as the annual analysis reports them.
    const changes = await get(`/networks/${ids.d11}/changes?period=2019/2020`);
    expect(changes.status).toBe(200);
    expect(changes.body.period).toEqual({ label: '2019/2020', from: '2019-09-01', to: '2020-08-31' });
    expect(changes.body.changes.map((c: { change: string; shortName: string; on: string }) => [c.change, c.shortName, c.on])).toEqual(
      expect.arrayContaining([
        ['moved-in', 'ЗОШ № 7', '2019-09-01'],
        ['joined', 'ДНЗ № 3', '2019-09-01'],
        ['joined', 'ДНЗ № 17', '2019-09-01'],
      ]),
    );
    expect(changes.body.changes.find((c: { change: string }) => c.change === 'moved-in')).toMatchObject({ otherNetworkId: ids.d5, reason, actor: { id: 'admin' } });
    const outgoing = await get(`/networks/${ids.d5}/changes?from=2019-01-01&to=2019-12-31`);
    expect(outgoing.body.changes).toMatchObject([{ change: 'moved-out', institutionId: ids.school7, otherNetworkId: ids.d11 }]);
  });

  it('shows the timeline with who, when, why and the effective date, and never a name in the data', async () => {
    const timeline = await get(`/networks/${ids.d11}/timeline`);
    expect(timeline.status).toBe(200);
    const types = timeline.body.entries.map((e: { type: string }) => e.type);
    expect(types).toEqual(['NetworkRegistered', 'MemberAdmitted', 'AnchorSet', 'MemberTransferred', 'MemberAdmitted', 'MemberAdmitted', 'HeadAppointed']);
    const transfer = timeline.body.entries[3];
    expect(transfer).toMatchObject({ effectiveAt: '2019-09-01', actor: { id: 'admin', role: 'admin' }, source: 'api', reason: expect.stringContaining('розподіл') });
    expect(transfer.recordedAt > '2020').toBe(true);
    const head = timeline.body.entries[6];
    expect(JSON.stringify(head.data)).not.toContain('Коваленко');
    expect(head.person).toMatchObject({ fullName: 'Коваленко Наталія Петрівна' });
  });

  it('shows an institution’s memberships over time', async () => {
    const res = await get(`/institutions/${ids.school7}/memberships`);
    expect(res.status).toBe(200);
    expect(res.body.memberships).toEqual([
      { networkId: ids.d5, networkName: 'Освітній округ ЗОШ № 5', kind: 'educational-district', role: 'member', from: '2017-09-01', to: '2019-09-01', wasAnchor: false },
      { networkId: ids.d11, networkName: 'Освітній округ НВК № 11', kind: 'educational-district', role: 'member', from: '2019-09-01', to: null, wasAnchor: false },
    ]);
  });

  it('erases a head’s name on request: readers show the erasure, the history keeps that it happened', async () => {
    const temp = (await post('/networks', { name: 'Рада директорів', kind: 'council-of-heads' }, 201)).body.id;
    await post(`/networks/${temp}/head`, { fullName: 'Шевченко Тарас Григорович', position: 'голова ради', appointedOn: '2020-09-01' });
    const composition = await get(`/networks/${temp}/composition?on=2020-09-01`);
    const personId = composition.body.head.personId;
    expect(composition.body.head.fullName).toBe('Шевченко Тарас Григорович');

    const operator = (await post('/api-keys', { actorId: 'op', role: 'operator', label: 'operator' }, 201)).body.secret;
    expect((await api.as(operator).post(`/people/${personId}/erasure`).send({ reason: 'x' })).status).toBe(403);
    expect((await api.as().post(`/people/${personId}/erasure`).send({})).status).toBe(400);
    expect((await api.as().post('/people/00000000-0000-4000-8000-000000000009/erasure').send({ reason: 'x' })).status).toBe(404);

    const erased = await post(`/people/${personId}/erasure`, { reason: 'Запит особи про видалення даних' });
    expect(erased.body).toMatchObject({ personId, erasedBy: 'admin', reason: 'Запит особи про видалення даних' });
    const again = await post(`/people/${personId}/erasure`, { reason: 'повторно' });
    expect(again.body.erasedAt).toBe(erased.body.erasedAt);

    const after = await get(`/networks/${temp}/composition?on=2020-09-01`);
    expect(after.body.head).toMatchObject({ personId, position: 'голова ради', fullName: null, erased: true, erasedAt: erased.body.erasedAt });
    const timeline = await get(`/networks/${temp}/timeline`);
    const appointment = timeline.body.entries.find((e: { type: string }) => e.type === 'HeadAppointed');
    expect(appointment).toMatchObject({ data: { personId, position: 'голова ради' }, person: { erased: true } });
    expect(JSON.stringify(timeline.body)).not.toContain('Шевченко');
  });

  describe('rules through the API', () => {
    it('refuses a second network of the same kind on the same date (422) and allows another kind', async () => {
      const res = await api.as().post(`/networks/${ids.d5}/members`).send({ institutionId: ids.dnz3, role: 'member', from: '2020-01-01' });
      expect(res.status).toBe(422);
      expect(res.body.type).toBe('urn:okrug:problem:one-network-per-kind');
      const council = (await post('/networks', { name: 'Рада керівників закладів освіти', kind: 'council-of-heads' }, 201)).body.id;
      await post(`/networks/${council}/members`, { institutionId: ids.dnz3, role: 'member', from: '2020-01-01' });
      const transfer = await api.as().post(`/networks/${council}/members/${ids.dnz3}/transfer`).send({ toNetworkId: ids.d11, on: '2021-01-01', reason: 'x' });
      expect(transfer.status).toBe(422);
      expect(transfer.body.type).toBe('urn:okrug:problem:kind-mismatch');
    });

    it('refuses a transfer to the network it is already in, and leaving before joining', async () => {
      const same = await api.as().post(`/networks/${ids.d11}/members/${ids.school7}/transfer`).send({ toNetworkId: ids.d11, on: '2020-09-01', reason: 'x' });
      expect(same.status).toBe(422);
      expect(same.body.type).toBe('urn:okrug:problem:transfer-to-same-network');
      const early = await api.as().post(`/networks/${ids.d11}/members/${ids.school7}/leave`).send({ on: '2019-01-01', reason: 'x' });
      expect(early.body.type).toBe('urn:okrug:problem:left-before-joined');
    });

    it('refuses a closed institution after its closing date', async () => {
      const closed = (await post('/institutions', { fullName: 'ЗОШ № 1', shortName: 'ЗОШ № 1', kind: 'general-school', settlement: 'Бахмут' }, 201)).body.id;
      await post(`/institutions/${closed}/close`, { closedOn: '2019-06-30', reason: 'Реорганізація' });
      const res = await api.as().post(`/networks/${ids.d11}/members`).send({ institutionId: closed, role: 'member', from: '2019-09-01' });
      expect(res.status).toBe(422);
      expect(res.body.type).toBe('urn:okrug:problem:institution-closed');
    });

    it('answers 400 field by field, 404 for unknown networks, 422 for unknown institutions, 412 for a stale If-Match', async () => {
      const bad = await api.as().post(`/networks/${ids.d11}/members`).send({ institutionId: 'x', role: 'anchor', from: '2019-13-01', extra: 1 });
      expect(bad.status).toBe(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['extra', 'from', 'institutionId', 'role']);
      const unknown = '00000000-0000-4000-8000-000000000001';
      expect((await api.as().post(`/networks/${unknown}/members`).send({ institutionId: ids.dnz3, role: 'member', from: '2020-01-01' })).status).toBe(404);
      expect((await api.as().get(`/networks/${unknown}/composition`)).status).toBe(404);
      const missing = await api.as().post(`/networks/${ids.d11}/members`).send({ institutionId: unknown, role: 'member', from: '2020-01-01' });
      expect(missing.status).toBe(422);
      expect(missing.body.type).toBe('urn:okrug:problem:institution-not-registered');
      const stale = await api.as().post(`/networks/${ids.d11}/rename`).set('If-Match', '"0"').send({ name: 'Новий', renamedOn: '2021-09-01' });
      expect(stale.status).toBe(412);
      const badPeriod = await api.as().get(`/networks/${ids.d11}/changes?period=2019/2021`);
      expect(badPeriod.status).toBe(400);
      expect(badPeriod.body.errors).toEqual([{ field: 'period', messages: ['period must be two consecutive years, like 2019/2020'] }]);
    });
  });

  describe('each endpoint refuses what it must', () => {
    const unknown = '00000000-0000-4000-8000-000000000002';
    it('refuses a role change and an anchor for an institution that is not a member (422)', async () => {
      const role = await api.as().post(`/networks/${ids.d11}/members/${ids.college}/role`).send({ role: 'partner', from: '2020-01-01' });
      expect(role.status).toBe(422);
      expect(role.body.type).toBe('urn:okrug:problem:not-a-member');
      const anchor = await api.as().post(`/networks/${ids.d11}/anchor`).send({ institutionId: ids.college, from: '2020-01-01' });
      expect(anchor.status).toBe(422);
      expect(anchor.body.type).toBe('urn:okrug:problem:not-a-member');
      const badRole = await api.as().post(`/networks/${ids.d11}/members/${ids.school7}/role`).send({ role: 'anchor', from: '2020-01-01' });
      expect(badRole.status).toBe(400);
    });
    it('refuses a head without a name or with an impossible date (400)', async () => {
      const res = await api.as().post(`/networks/${ids.d11}/head`).send({ position: 'директор', appointedOn: '2020-02-30' });
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['appointedOn', 'fullName']);
    });
    it('refuses a merge into an unknown network (422) and into itself (422)', async () => {
      const missing = await api.as().post(`/networks/${ids.d5}/merge`).send({ intoNetworkId: unknown, on: '2030-09-01', reason: 'x' });
      expect(missing.status).toBe(422);
      expect(missing.body.type).toBe('urn:okrug:problem:network-not-registered');
      const itself = await api.as().post(`/networks/${ids.d5}/merge`).send({ intoNetworkId: ids.d5, on: '2030-09-01', reason: 'x' });
      expect(itself.body.type).toBe('urn:okrug:problem:transfer-to-same-network');
    });
    it('refuses dissolution and corrections without a reason (400), and a rename that changes nothing (422)', async () => {
      expect((await api.as().post(`/networks/${ids.d5}/dissolve`).send({ on: '2030-01-01' })).status).toBe(400);
      expect((await api.as().post(`/networks/${ids.d5}/corrections`).send({ number: '9' })).status).toBe(400);
      const same = await api.as().post(`/networks/${ids.d5}/rename`).send({ name: 'Освітній округ ЗОШ № 5', renamedOn: '2030-01-01' });
      expect(same.status).toBe(422);
      expect(same.body.type).toBe('urn:okrug:problem:nothing-to-change');
    });
    it('refuses a split of members it does not have (422) and an empty split (400)', async () => {
      const res = await api.as().post(`/networks/${ids.d5}/split`).send({ institutionIds: [ids.college], on: '2030-01-01', reason: 'x', name: 'Новий' });
      expect(res.status).toBe(422);
      expect((await api.as().post(`/networks/${ids.d5}/split`).send({ institutionIds: [], on: '2030-01-01', reason: 'x', name: 'Новий' })).status).toBe(400);
    });
    it('answers 404 for every query on an unknown network or institution, and 400 for bad query values', async () => {
      for (const url of [`/networks/${unknown}`, `/networks/${unknown}/timeline`, `/networks/${unknown}/changes`, `/institutions/${unknown}/memberships`]) {
        expect((await api.as().get(url)).status).toBe(404);
      }
      const bad = await api.as().get(`/networks/${ids.d11}/composition?on=yesterday`);
      expect(bad.status).toBe(400);
      expect((await api.as().get('/networks?kind=club&status=gone')).body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['kind', 'status']);
      const half = await api.as().get(`/networks/${ids.d11}/changes?from=2020-01-01`);
      expect(half.status).toBe(400);
      expect(half.body.errors).toEqual([{ field: 'to', messages: ['from and to go together'] }]);
    });
    it('refuses network writes without a key (401) and with a malformed network id (400)', async () => {
      expect((await api.http.post('/networks').send({ name: 'x', kind: 'other' })).status).toBe(401);
      expect((await api.as().post('/networks/not-a-uuid/members').send({ institutionId: ids.dnz3, role: 'member', from: '2020-01-01' })).status).toBe(400);
      const dup = await api.as().post('/networks').send({ name: 'Освітній округ НВК № 11', kind: 'educational-district', number: '2' });
      expect(dup.status).toBe(422);
      expect(dup.body.type).toBe('urn:okrug:problem:network-name-taken');
    });
  });

  describe('restructurings', () => {
    it('splits members off into a new network and merges networks; the dissolved one only takes corrections', async () => {
      const split = await post(
        `/networks/${ids.d11}/split`,
        { institutionIds: [ids.dnz3, ids.dnz17], on: '2022-09-01', reason: 'Окремий округ дошкільних закладів', name: 'Округ ДНЗ' },
        201,
      );
      const kindergartens = split.body.id;
      const newComposition = await get(`/networks/${kindergartens}/composition?on=2022-09-01`);
      expect(newComposition.body.members.map((m: { shortName: string }) => m.shortName).sort()).toEqual(['ДНЗ № 17', 'ДНЗ № 3']);

      await post(`/networks/${kindergartens}/merge`, { intoNetworkId: ids.d5, on: '2023-09-01', reason: 'Укрупнення' });
      const merged = await get(`/networks/${ids.d5}/composition?on=2023-09-01`);
      expect(merged.body.members.map((m: { shortName: string }) => m.shortName).sort()).toEqual(['ДНЗ № 17', 'ДНЗ № 3', 'ЗОШ № 5']);
      const gone = await get(`/networks/${kindergartens}`);
      expect(gone.body).toMatchObject({ status: 'dissolved', dissolvedOn: '2023-09-01' });
      const refused = await api.as().post(`/networks/${kindergartens}/rename`).send({ name: 'Інший', renamedOn: '2024-01-01' });
      expect(refused.status).toBe(422);
      expect(refused.body.type).toBe('urn:okrug:problem:network-dissolved');
      await post(`/networks/${kindergartens}/corrections`, { description: 'Діяв у 2022/2023 н. р.', reason: 'Архівна довідка' });
    });

    it('dissolves a network on a date with a reason', async () => {
      const temp = (await post('/networks', { name: 'Тимчасове партнерство', kind: 'partnership' }, 201)).body.id;
      await post(`/networks/${temp}/members`, { institutionId: ids.college, role: 'partner', from: '2020-09-01' });
      await post(`/networks/${temp}/dissolve`, { on: '2021-06-30', reason: 'Завершення проєкту' });
      const on = await get(`/networks/${temp}/composition?on=2021-06-30`);
      expect(on.body.members).toEqual([]);
      const memberships = await get(`/institutions/${ids.college}/memberships`);
      expect(memberships.body.memberships).toMatchObject([{ networkId: temp, kind: 'partnership', role: 'partner', from: '2020-09-01', to: '2021-06-30' }]);
    });
  });

  it('keeps the one-network-per-kind rule when conflicting admissions arrive at once', async () => {
    const a = (await post('/networks', { name: 'Округ А', kind: 'educational-district' }, 201)).body.id;
    const b = (await post('/networks', { name: 'Округ Б', kind: 'educational-district' }, 201)).body.id;
    const contested = (await post('/institutions', { fullName: 'Спірна школа', shortName: 'Спірна школа', kind: 'general-school', settlement: 'Бахмут' }, 201)).body.id;
    const attempts = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        api.as().post(`/networks/${i % 2 ? a : b}/members`).send({ institutionId: contested, role: 'member', from: `2024-09-0${1 + (i % 5)}` }),
      ),
    );
    const statuses = attempts.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 422)).toHaveLength(9);
    lastPosition = Math.max(lastPosition, ...attempts.filter((r) => r.status === 200).map((r) => r.body.position));
    const memberships = await get(`/institutions/${contested}/memberships`);
    expect(memberships.body.memberships).toHaveLength(1);
  });

  describe('a network with a long history', () => {
    const size = 30;
    const members: string[] = [];
    let network = '';
    const joined = (i: number) => `${2010 + (i % 10)}-09-01`;

    beforeAll(async () => {
      network = (await post('/networks', { name: 'Мережа з довгою історією', kind: 'other' }, 201)).body.id;
      for (let i = 0; i < size; i++) {
        members.push((await post('/institutions', { fullName: `Заклад № ${100 + i}`, shortName: `З № ${100 + i}`, kind: 'general-school', settlement: 'Бахмут' }, 201)).body.id);
        await post(`/networks/${network}/members`, { institutionId: members[i], role: i % 3 ? 'member' : 'partner', from: joined(i) });
      }
      // One leaves and comes back, one changes role, one leaves for good.
      await post(`/networks/${network}/members/${members[0]}/leave`, { on: '2012-09-01', reason: 'Вибув' });
      await post(`/networks/${network}/members`, { institutionId: members[0], role: 'member', from: '2014-09-01' });
      await post(`/networks/${network}/members/${members[1]}/role`, { role: 'partner', from: '2013-09-01' });
      await post(`/networks/${network}/members/${members[2]}/leave`, { on: '2015-09-01', reason: 'Вибув' });
    });

    /** Who is a member on a date, by what the test did. */
    const expectedOn = (on: string) =>
      members
        .map((id, i) => {
          if (i === 0) return on >= '2014-09-01' ? { id, role: 'member', since: '2014-09-01' } : on >= joined(0) && on < '2012-09-01' ? { id, role: 'partner', since: joined(0) } : null;
          if (i === 1 && on >= joined(1)) return { id, role: on >= '2013-09-01' ? 'partner' : 'member', since: joined(1) };
          if (i === 2 && on >= '2015-09-01') return null;
          return on >= joined(i) ? { id, role: i % 3 ? 'member' : 'partner', since: joined(i) } : null;
        })
        .filter((m): m is { id: string; role: string; since: string } => m !== null)
        .sort((a, b) => a.since.localeCompare(b.since) || a.id.localeCompare(b.id));

    it('pages its timeline by position: the pages joined are the whole timeline, in log order', async () => {
      const whole = await get(`/networks/${network}/timeline`);
      expect(whole.body.entries).toHaveLength(1 + size + 4);
      expect(whole.body.next).toBeNull();
      const pages: Array<{ position: number }> = [];
      let after: number | null = null;
      for (let n = 0; n < 10; n++) {
        const page = await get(`/networks/${network}/timeline?limit=8${after === null ? '' : `&after=${after}`}`);
        expect(page.status).toBe(200);
        expect(page.body.entries.length).toBeLessThanOrEqual(8);
        pages.push(...page.body.entries);
        after = page.body.next;
        if (after === null) break;
        expect(after).toBe(page.body.entries[7].position);
      }
      expect(after).toBeNull();
      expect(pages).toEqual(whole.body.entries);
      expect(pages.map((e) => e.position)).toEqual([...pages.map((e) => e.position)].sort((a, b) => a - b));
      for (const bad of ['limit=0', 'limit=1001', 'after=-1', 'after=1e21', 'limit=abc']) {
        const res = await api.as().get(`/networks/${network}/timeline?${bad}`);
        expect(res.status).toBe(400);
        expect(res.headers['content-type']).toContain('application/problem+json');
      }
    });

    it('gives its composition on any date from its memberships', async () => {
      for (const on of ['2009-01-01', '2010-09-01', '2012-08-31', '2012-09-01', '2013-09-01', '2014-09-01', '2015-08-31', '2015-09-01', '2030-01-01']) {
        const res = await get(`/networks/${network}/composition?on=${on}`);
        expect(res.status).toBe(200);
        const got = res.body.members.map((m: { institutionId: string; role: string; since: string }) => ({ id: m.institutionId, role: m.role, since: m.since }));
        expect([on, got]).toEqual([on, expectedOn(on)]);
      }
      const one = await get(`/networks/${network}`);
      expect(one.body.currentMembers).toBe(size - 1);
      const listed = await get('/networks?kind=other&q=довгою');
      expect(listed.body.items).toMatchObject([{ id: network, currentMembers: size - 1 }]);
    });

    it('gives the changes of a period, and an institution’s stays', async () => {
      const changes = await get(`/networks/${network}/changes?from=2012-09-01&to=2013-09-01`);
      expect(changes.body.changes.map((c: { change: string; institutionId: string; on: string }) => [c.change, members.indexOf(c.institutionId), c.on])).toEqual([
        // By effective date, then in the order they were recorded.
        ['joined', 2, '2012-09-01'],
        ['joined', 12, '2012-09-01'],
        ['joined', 22, '2012-09-01'],
        ['left', 0, '2012-09-01'],
        ['joined', 3, '2013-09-01'],
        ['joined', 13, '2013-09-01'],
        ['joined', 23, '2013-09-01'],
        ['role-changed', 1, '2013-09-01'],
      ]);
      expect(changes.body).toMatchObject({ offset: 0, limit: 1000, more: false });
      const pages = [];
      for (let offset = 0; offset < 8; offset += 3) {
        const page = await get(`/networks/${network}/changes?from=2012-09-01&to=2013-09-01&offset=${offset}&limit=3`);
        expect(page.body).toMatchObject({ offset, limit: 3, more: offset + 3 < 8 });
        pages.push(...page.body.changes);
      }
      expect(pages).toEqual(changes.body.changes);
      expect((await api.as().get(`/networks/${network}/changes?limit=1001`)).status).toBe(400);
      const stays = await get(`/institutions/${members[0]}/memberships`);
      expect(stays.body.memberships.map((m: { role: string; from: string; to: string | null }) => [m.role, m.from, m.to])).toEqual([
        ['partner', '2010-09-01', '2012-09-01'],
        ['member', '2014-09-01', null],
      ]);
    });
  });

  it('keeps networks across a restart and rebuilds their read models identically', async () => {
    const snapshot = async () => ({
      composition: (await get(`/networks/${ids.d11}/composition?on=2020-01-01`)).body,
      timeline: (await get(`/networks/${ids.d11}/timeline`)).body,
      memberships: (await get(`/institutions/${ids.school7}/memberships`)).body,
      list: (await get('/networks?limit=100')).body,
    });
    const before = await snapshot();
    await api.restart();
    expect(await snapshot()).toEqual(before);
    for (const projection of ['network-list', 'network-timeline-entries', 'network-memberships']) {
      const job = await api.as().post(`/projections/${projection}/rebuild`);
      let status = job.body;
      for (let i = 0; i < 100 && status.state !== 'completed' && status.state !== 'failed'; i++) {
        await new Promise((r) => setTimeout(r, 50));
        status = (await api.as().get(`/projections/rebuilds/${job.body.id}`)).body;
      }
      expect(status.state).toBe('completed');
    }
    expect(await snapshot()).toEqual(before);
  });
});
