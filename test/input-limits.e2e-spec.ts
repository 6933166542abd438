import { ProjectionsService } from '@app/platform';
import { ApiHarness } from './support/api-harness';

const school = { fullName: 'МБОУ Лосненская средняя школа', shortName: 'МБОУ Лосненская СШ', kind: 'general-school', settlement: 'с. Лосня' };

type Refused = { status: number; headers: Record<string, string>; body: { type: string; status: number; errors?: { field: string; messages: string[] }[] } };

/** A refused body: 400 problem with a field list naming `field`. */
const expectFieldError = (res: Refused, field: string) => {
  expect(res.status).toBe(400);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body.type).toBe('urn:okrug:problem:invalid-input');
  expect(res.body.errors?.map((e) => e.field)).toContain(field);
};

/** Sends the bytes as they are (supertest would serialise a Buffer as JSON). */
const bytes = (data: Buffer) => (value: unknown) => (value === data ? data : value) as unknown as string;

describe('limits on input: bounded before validation, refused field by field, nothing recorded', () => {
  let api: ApiHarness;
  let institutionId: string;
  let networkId: string;
  const head = async (): Promise<number> => (await api.http.get('/health')).body.eventStore.head;

  beforeAll(async () => {
    api = await ApiHarness.start();
    institutionId = (await api.as().post('/institutions').send(school)).body.id;
    networkId = (await api.as().post('/networks').send({ name: 'Школьный округ № 1', kind: 'educational-district' })).body.id;
  });
  afterAll(async () => {
    await api.stop();
  });

  describe('nesting', () => {
    // 1,400 levels in 2.9 KB overflowed the stack in the transformer: 500 on every endpoint with a body.
    const deep = `{"fullName":${'['.repeat(1400)}${']'.repeat(1400)}}`;
    const bodies = () => [
      '/institutions',
      `/institutions/${institutionId}/rename`,
      `/institutions/${institutionId}/corrections`,
      '/networks',
      `/networks/${networkId}/members`,
      '/imports',
      '/api-keys',
    ];

    it('refuses a body nested 1,400 levels deep on every endpoint with a body, and records nothing', async () => {
      const before = await head();
      for (const url of bodies()) {
        const res = await api.as().post(url).set('Content-Type', 'application/json').send(deep);
        expectFieldError(res, '(body)');
        expect(res.body.errors![0].messages[0]).toMatch(/32 levels/);
      }
      expect(await head()).toBe(before);
    });

    it('takes 32 levels and refuses 33', async () => {
      const at = (levels: number) => `{"website":${'['.repeat(levels - 1)}${']'.repeat(levels - 1)}}`;
      const ok = await api.as().post('/institutions').set('Content-Type', 'application/json').send(at(32));
      expectFieldError(ok, 'website'); // read, then refused by the DTO
      const deeper = await api.as().post('/institutions').set('Content-Type', 'application/json').send(at(33));
      expectFieldError(deeper, '(body)');
    });
  });

  describe('sizes', () => {
    it('refuses a string longer than 10,000 characters, an array of more than 10,000 items and an object of more than 100 fields', async () => {
      expectFieldError(await api.as().post('/institutions').send({ ...school, fullName: 'я'.repeat(10_001) }), 'fullName');
      expectFieldError(await api.as().post(`/networks/${networkId}/split`).send({ institutionIds: Array(10_001).fill(institutionId) }), 'institutionIds');
      const many = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`field${i}`, i]));
      const res = await api.as().post('/institutions').send(many);
      expectFieldError(res, '(body)');
      expect(JSON.stringify(res.body).length).toBeLessThan(2000);
    });

    it('lists at most 50 field errors, and says how many more there were', async () => {
      const res = await api.as().post('/institutions').send(Object.fromEntries(Array.from({ length: 80 }, (_, i) => [`unknown${i}`, 1])));
      expect(res.status).toBe(400);
      expect(res.body.errors.length).toBe(50);
      expect(res.body.detail).toMatch(/more not listed/);
    });
  });

  describe('numbers', () => {
    it.each(['1e21', '9007199254740993', '1e308', '0x10', '1.5', '-1', ' 7', 'Infinity'])('refuses offset=%s on the list endpoints with 400, not 500', async (value) => {
      for (const list of ['/institutions', '/networks']) {
        const res = await api.as().get(`${list}?offset=${encodeURIComponent(value)}`);
        expectFieldError(res, 'offset');
      }
    });

    it('takes the largest exact integer as an offset', async () => {
      const res = await api.as().get(`/institutions?offset=${Number.MAX_SAFE_INTEGER}`);
      expect(res.status).toBe(200);
      expect(res.body.items).toEqual([]);
    });

    it('refuses consistentWith=1e308 at once with 400 instead of waiting for 503', async () => {
      expectFieldError(await api.as().get('/institutions?consistentWith=1e308'), 'consistentWith');
    });

    it('refuses a consistentWith beyond the head of the log: no write answered it', async () => {
      const position = await head();
      expect((await api.as().get(`/institutions?consistentWith=${position}`)).status).toBe(200);
      const res = await api.as().get(`/institutions?consistentWith=${position + 1}&kind=castle`);
      expectFieldError(res, 'consistentWith');
      expect(res.body.errors!.map((e: { field: string }) => e.field).sort()).toEqual(['consistentWith', 'kind']);
      expectFieldError(await api.as().get(`/institutions/${institutionId}?consistentWith=${position + 1000}`), 'consistentWith');
    });

    it('refuses a number in a body beyond the exact range', async () => {
      const res = await api.as().put('/department/academic-year').set('Content-Type', 'application/json').send('{"month":1e400,"day":9007199254740993}');
      expectFieldError(res, 'month');
      expect(res.body.errors!.map((e: { field: string }) => e.field)).toContain('day');
    });
  });

  describe('names that reach prototypes', () => {
    it.each(['constructor', '__proto__', 'prototype'])('refuses an extra %s field in a body, at any depth, and in a query', async (name) => {
      const before = await head();
      const top = await api.as().post('/institutions').set('Content-Type', 'application/json').send(`{${JSON.stringify(name)}:{"x":1},"fullName":"a","shortName":"b","kind":"general-school","settlement":"c"}`);
      expectFieldError(top, name);
      const nested = await api.as().post(`/networks/${networkId}/split`).set('Content-Type', 'application/json').send(`{"institutionIds":[{${JSON.stringify(name)}:1}]}`);
      expectFieldError(nested, `institutionIds.0.${name}`);
      expectFieldError(await api.as().get(`/institutions?${name}=x`), name);
      expect(await head()).toBe(before);
    });
  });

  describe('charsets', () => {
    it('refuses JSON in another charset than UTF-8 with 415 instead of misreading it', async () => {
      const before = await head();
      const utf16 = Buffer.from(JSON.stringify(school), 'utf16le');
      const res = await api.as().post('/institutions').set('Content-Type', 'application/json; charset=utf-16').serialize(bytes(utf16)).send(utf16 as never);
      expect(res.status).toBe(415);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      const csv = await api.as().post('/imports?dryRun=true').set('Content-Type', 'text/csv; charset=windows-1251').send('fullName,shortName,kind,settlement\n');
      expect(csv.status).toBe(415);
      expect(await head()).toBe(before);
    });

    it('takes UTF-8, said or not, with or without a byte order mark; refuses bytes that are not UTF-8', async () => {
      const send = (contentType: string, data: Buffer) => api.as().post('/institutions').set('Content-Type', contentType).serialize(bytes(data)).send(data as never);
      const said = await send('application/json; charset=UTF-8', Buffer.from(JSON.stringify({ ...school, shortName: 'МБОУ СШ № 2' })));
      expect(said.body).toMatchObject({ revision: 0 });
      const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify({ ...school, shortName: 'МБОУ СШ № 3' }))]);
      expect((await send('application/json', withBom)).body).toMatchObject({ revision: 0 });
      const latin1 = await send('application/json', Buffer.from(JSON.stringify({ ...school, shortName: 'café' }), 'latin1'));
      expectFieldError(latin1, '(body)');
    });
  });

  describe('the OpenAPI document states the DTOs’ limits', () => {
    it('has lengths, item counts, closed lists, ranges and formats', async () => {
      const docs = (await api.http.get('/docs-json')).body;
      const schemas = docs.components.schemas;
      expect(schemas.RegisterInstitutionDto.properties.fullName).toMatchObject({ maxLength: 500, minLength: 1 });
      expect(schemas.RegisterInstitutionDto.properties.externalCode).toMatchObject({ maxLength: 64 });
      expect(schemas.RegisterInstitutionDto.properties.website).toMatchObject({ maxLength: 300, format: 'uri' });
      expect(schemas.RegisterNetworkDto.properties.description).toMatchObject({ maxLength: 2000 });
      const split = Object.values(schemas as Record<string, { properties?: Record<string, { maxItems?: number }> }>).find((s) => s.properties?.institutionIds);
      expect(split?.properties?.institutionIds).toMatchObject({ maxItems: 500 });
      const list = docs.paths['/institutions'].get.parameters as { name: string; schema: Record<string, unknown> }[];
      expect(list.find((p) => p.name === 'q')?.schema).toMatchObject({ maxLength: 200 });
      expect(list.find((p) => p.name === 'offset')?.schema).toMatchObject({ type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER });
      expect(list.find((p) => p.name === 'limit')?.schema).toMatchObject({ type: 'integer', minimum: 1, maximum: 500 });
    });
  });
});

describe('consistentWith within the log but not yet in the read model', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await ApiHarness.start();
  });
  afterAll(async () => {
    await api.stop();
  });

  it('still waits, then answers 503 with Retry-After', async () => {
    await api.app.get(ProjectionsService).stop();
    const write = await api.as().post('/institutions').send(school);
    expect(write.status).toBe(201);
    const res = await api.as().get(`/institutions?consistentWith=${write.body.position}`);
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('1');
    expect(res.body.type).toBe('urn:okrug:problem:not-yet-consistent');
  });
});
