import { EVENT_STORE, EventStore } from '@app/event-store';
import { ApiHarness } from './support/api-harness';

/**
 * Required details stay filled in: a correction may change them to another value, never to
 * nothing (null, "" or only spaces), and no write stores a required text made of whitespace.
 * Optional details are cleared with null. Every refusal is a 400 that names the fields, and
 * nothing is recorded.
 */
describe('required details through the HTTP API', () => {
  let api: ApiHarness;
  let institutionId: string;
  let networkId: string;
  let personId: string;
  let position = 0;

  const headOf = () => api.app.get<EventStore>(EVENT_STORE).headPosition();
  const post = async (url: string, body: object, expected: number) => {
    const res = await api.as().post(url).send(body);
    if (res.status !== expected) throw new Error(`${url} → ${res.status} ${JSON.stringify(res.body)}`);
    position = Math.max(position, res.body.position ?? 0);
    return res;
  };
  const fields = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);

  beforeAll(async () => {
    api = await ApiHarness.start();
    institutionId = (
      await post(
        '/institutions',
        { fullName: 'Бахмутська загальноосвітня школа № 12', shortName: 'ЗОШ № 12', kind: 'general-school', settlement: 'Бахмут', externalCode: 'UA-12' },
        201,
      )
    ).body.id;
    networkId = (await post('/networks', { name: 'Освітній округ ЗОШ № 12', kind: 'educational-district', number: '4' }, 201)).body.id;
    await post(`/networks/${networkId}/members`, { institutionId, role: 'member', from: '2019-09-01' }, 200);
    await post(`/networks/${networkId}/head`, { fullName: 'Іваненко Ірина Петрівна', position: 'директор ЗОШ № 12', appointedOn: '2019-09-01' }, 200);
    const composition = await api.as().get(`/networks/${networkId}/composition?on=2019-09-01&consistentWith=${position}`);
    personId = composition.body.head?.personId;
  });
  afterAll(async () => {
    await api.stop();
  });

  describe('correcting an institution', () => {
    it('refuses to clear its required details (400, each field named) and records nothing', async () => {
      const before = await api.as().get(`/institutions/${institutionId}?consistentWith=${position}`);
      const head = await headOf();
      const res = await api
        .as()
        .post(`/institutions/${institutionId}/corrections`)
        .send({ fullName: null, shortName: null, kind: null, settlement: null, reason: 'x' });
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(fields(res.body)).toEqual(expect.arrayContaining(['fullName', 'shortName', 'kind', 'settlement']));

      for (const blank of ['', '   ', '\t\n']) {
        const again = await api.as().post(`/institutions/${institutionId}/corrections`).send({ fullName: blank, settlement: blank, reason: 'x' });
        expect(again.status).toBe(400);
        expect(fields(again.body)).toEqual(expect.arrayContaining(['fullName', 'settlement']));
      }
      expect(await headOf()).toBe(head);

      const after = await api.as().get(`/institutions/${institutionId}?consistentWith=${position}`);
      expect(after.body).toEqual(before.body);
      const byKind = await api.as().get(`/institutions?kind=general-school&consistentWith=${position}`);
      expect(byKind.body.items.map((i: { id: string }) => i.id)).toContain(institutionId);
    });

    it('clears an optional detail with null', async () => {
      await post(`/institutions/${institutionId}/corrections`, { website: 'https://school12.example', reason: 'Сайт школи' }, 200);
      await post(`/institutions/${institutionId}/corrections`, { website: null, reason: 'Сайт закрито' }, 200);
      const after = await api.as().get(`/institutions/${institutionId}?consistentWith=${position}`);
      expect(after.body).toMatchObject({ shortName: 'ЗОШ № 12', kind: 'general-school', externalCode: 'UA-12' });
      expect(after.body.website ?? null).toBeNull();
    });
  });

  describe('correcting a network', () => {
    it('refuses to clear its name (400, the field named) and records nothing', async () => {
      const before = await api.as().get(`/networks/${networkId}?consistentWith=${position}`);
      const head = await headOf();
      for (const name of [null, '', '  ']) {
        const res = await api.as().post(`/networks/${networkId}/corrections`).send({ name, reason: 'x' });
        expect(res.status).toBe(400);
        expect(fields(res.body)).toEqual(['name']);
      }
      expect(await headOf()).toBe(head);
      const after = await api.as().get(`/networks/${networkId}?consistentWith=${position}`);
      expect(after.body).toEqual(before.body);
    });

    it('clears an optional detail with null', async () => {
      await post(`/networks/${networkId}/corrections`, { number: null, reason: 'Номер не присвоєно' }, 200);
      const after = await api.as().get(`/networks/${networkId}?consistentWith=${position}`);
      expect(after.body).toMatchObject({ name: 'Освітній округ ЗОШ № 12' });
      expect(after.body.number ?? null).toBeNull();
    });
  });

  it('says in the OpenAPI document which details a correction clears with null and which it cannot clear', async () => {
    const { schemas } = (await api.http.get('/docs-json')).body.components;
    const nullable = (schema: string, field: string) => schemas[schema].properties[field].nullable === true;
    for (const field of ['fullName', 'shortName', 'kind', 'settlement']) {
      expect([field, nullable('CorrectInstitutionDetailsDto', field)]).toEqual([field, false]);
      expect(schemas.CorrectInstitutionDetailsDto.properties[field].description).toMatch(/never cleared/);
    }
    for (const field of ['externalCode', 'website']) expect([field, nullable('CorrectInstitutionDetailsDto', field)]).toEqual([field, true]);
    expect(nullable('CorrectNetworkDetailsDto', 'name')).toBe(false);
    expect(schemas.CorrectNetworkDetailsDto.properties.name.description).toMatch(/never cleared/);
    for (const field of ['number', 'description', 'website']) expect([field, nullable('CorrectNetworkDetailsDto', field)]).toEqual([field, true]);
  });

  describe('text made of whitespace', () => {
    const other = '9b2f3c1e-2222-4c2b-9d3e-000000000099';
    const institution = { fullName: 'Школа', shortName: 'Школа', kind: 'general-school', settlement: 'Бахмут' };
    const cases = (): [string, object, string][] => [
      ['/institutions', institution, 'fullName'],
      ['/institutions', institution, 'shortName'],
      ['/institutions', institution, 'settlement'],
      ['/institutions', institution, 'externalCode'],
      [`/institutions/${institutionId}/rename`, { fullName: 'Ліцей', shortName: 'Ліцей', renamedOn: '2020-09-01' }, 'fullName'],
      [`/institutions/${institutionId}/rename`, { fullName: 'Ліцей', shortName: 'Ліцей', renamedOn: '2020-09-01' }, 'shortName'],
      [`/institutions/${institutionId}/corrections`, { settlement: 'м. Бахмут', reason: 'x' }, 'reason'],
      [`/institutions/${institutionId}/close`, { closedOn: '2021-06-30', reason: 'x' }, 'reason'],
      [`/institutions/${institutionId}/reopen`, { reopenedOn: '2021-09-01', reason: 'x' }, 'reason'],
      ['/networks', { name: 'Округ', kind: 'council-of-heads', number: '1' }, 'name'],
      ['/networks', { name: 'Округ', kind: 'council-of-heads', number: '1' }, 'number'],
      [`/networks/${networkId}/rename`, { name: 'Округ', renamedOn: '2020-09-01' }, 'name'],
      [`/networks/${networkId}/corrections`, { description: 'x', reason: 'x' }, 'reason'],
      [`/networks/${networkId}/head`, { fullName: 'Петренко Олена', position: 'директор', appointedOn: '2020-09-01' }, 'fullName'],
      [`/networks/${networkId}/head`, { fullName: 'Петренко Олена', position: 'директор', appointedOn: '2020-09-01' }, 'position'],
      [`/networks/${networkId}/members/${institutionId}/leave`, { on: '2020-08-31', reason: 'x' }, 'reason'],
      [`/networks/${networkId}/members/${institutionId}/transfer`, { toNetworkId: other, on: '2020-09-01', reason: 'x' }, 'reason'],
      [`/networks/${networkId}/merge`, { intoNetworkId: other, on: '2020-09-01', reason: 'x' }, 'reason'],
      [`/networks/${networkId}/split`, { institutionIds: [institutionId], on: '2020-09-01', reason: 'x', name: 'Новий' }, 'reason'],
      [`/networks/${networkId}/split`, { institutionIds: [institutionId], on: '2020-09-01', reason: 'x', name: 'Новий' }, 'name'],
      [`/networks/${networkId}/split`, { institutionIds: [institutionId], on: '2020-09-01', reason: 'x', name: 'Новий', number: '7' }, 'number'],
      [`/networks/${networkId}/dissolve`, { on: '2020-09-01', reason: 'x' }, 'reason'],
      [`/people/${personId}/erasure`, { reason: 'x' }, 'reason'],
    ];

    it('is refused in every required text field (400 naming the field), and nothing is recorded', async () => {
      expect(personId).toBeDefined();
      const head = await headOf();
      const accepted: string[] = [];
      for (const [url, body, field] of cases()) {
        for (const blank of ['   ', '\u00a0\t ']) {
          const res = await api.as().post(url).send({ ...body, [field]: blank });
          if (res.status !== 400 || !fields(res.body).includes(field)) accepted.push(`${url} ${field}=${JSON.stringify(blank)} → ${res.status} ${JSON.stringify(res.body.errors ?? res.body.detail)}`);
        }
      }
      expect(accepted).toEqual([]);
      expect(await headOf()).toBe(head);
    });
  });
});
