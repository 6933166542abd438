import { EVENT_STORE, EventStore } from '@app/event-store';
import request from 'supertest';
import { ADMIN_KEY, ApiHarness } from './support/api-harness';

/**
 * A bounded, seeded fuzz of the whole API, generated from its own OpenAPI document: every
 * operation, with wrong types, missing and extra fields, huge strings, deep nesting, dates
 * that do not exist, malformed ids, wrong content types and charsets, malformed query
 * numbers and headers. Every write carries at least one defect, so none may succeed and the
 * log must not move. Every answer must be below 500, every error a problem document, and
 * every 400 must list its fields.
 *
 * `FUZZ_SEED` and `FUZZ_REQUESTS` replay or widen a run; a failure prints the requests.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 2500);

type Schema = {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  required?: string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  oneOf?: Schema[];
  allOf?: Schema[];
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  nullable?: boolean;
};
type Parameter = { name: string; in: 'path' | 'query' | 'header'; required?: boolean; schema: Schema };
type Operation = { method: string; path: string; parameters: Parameter[]; body?: Schema };
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** mulberry32: small, fast and the same on every machine. */
const prng = (seed: number) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

const BAD_DATES = ['2021-02-30', '2021-13-01', '2021-00-10', '2021-9-1', '21-09-01', '2021-09-01T00:00:00Z', '01.09.2021', '', ' ', '2021-02-29', '0000-00-00'];
const BAD_UUIDS = ['not-a-uuid', '123', '00000000-0000-0000-0000-00000000000g', 'zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz', '', '{}', '0'.repeat(36)];
const BAD_NUMBERS = ['1e21', '9007199254740993', '1e308', '-1', '0x10', '1.5', ' 7', '7 ', '', 'NaN', 'Infinity', '-0', '١٢', '1,000', '+3', '99999999999999999999', 'null', '[]'];
const BAD_PATH_IDS = ['not-a-uuid', '42', 'x'.repeat(150), '%E0%A4%A', '%', '..', encodeURIComponent('Иванов'), '00000000-0000-0000-0000-00000000000g', '%00'];
const WRONG_CONTENT_TYPES = ['text/plain', 'application/xml', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=utf-16', 'application/json; charset=latin1', 'application/octet-stream', 'application/vnd.api+json', 'text/csv'];
const WORDS = ['Школа', 'МБОУ', 'детский сад № 21', 'с. Мурыгино', 'лицей', 'x', 'O’Brien', '«Ромашка»', '🙂', 'a\u0000b', '   ', '<script>', "'; DROP TABLE events; --"];

describe('fuzzing the API from its OpenAPI document', () => {
  let api: ApiHarness;
  let store: EventStore;
  let operations: Operation[];
  let components: Record<string, Schema>;
  const known: { institutions: string[]; networks: string[] } = { institutions: [], networks: [] };

  beforeAll(async () => {
    api = await ApiHarness.start();
    store = api.app.get<EventStore>(EVENT_STORE);
    for (const shortName of ['МБОУ Лосненская СШ', 'МБОУ Рябцевская ОШ']) {
      const res = await api.as().post('/institutions').send({ fullName: `${shortName} полное`, shortName, kind: 'general-school', settlement: 'с. Лосня' });
      known.institutions.push(res.body.id);
    }
    for (const name of ['Школьный округ № 1', 'Совет руководителей']) {
      const res = await api.as().post('/networks').send({ name, kind: name.startsWith('Школьный') ? 'educational-district' : 'council-of-heads' });
      known.networks.push(res.body.id);
    }
    const admitted = await api.as().post(`/networks/${known.networks[0]}/members`).send({ institutionId: known.institutions[0], role: 'member', from: '2020-09-01' });
    expect(admitted.status).toBe(200);

    const document = (await api.http.get('/docs-json')).body;
    components = document.components.schemas;
    operations = [];
    for (const [path, item] of Object.entries<Record<string, { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: Schema }> } }>>(document.paths)) {
      for (const [method, op] of Object.entries(item)) {
        operations.push({ method: method.toUpperCase(), path, parameters: op.parameters ?? [], body: op.requestBody?.content['application/json']?.schema });
      }
    }
  });
  afterAll(async () => {
    await api.stop();
  });

  it(`answers ${REQUESTS} generated requests without a 5xx, always as problems, and records nothing`, async () => {
    expect(operations.length).toBeGreaterThan(30);
    const random = prng(SEED);
    const chance = (p: number) => random() < p;
    const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)];
    const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
    const resolve = (schema: Schema): Schema => {
      if (schema.$ref) return resolve(components[schema.$ref.split('/').pop()!]);
      if (schema.oneOf) return resolve(schema.oneOf.find((s) => s.$ref) ?? schema.oneOf[0]);
      if (schema.allOf) return resolve(schema.allOf[0]);
      return schema;
    };
    const uuid = () =>
      'xxxxxxxx-xxxx-4xxx-8xxx-xxxxxxxxxxxx'.replace(/x/g, () => Math.floor(random() * 16).toString(16));
    const text = (min = 1, max = 60) => {
      let value = pick(WORDS);
      while (value.length < min) value += ` ${pick(WORDS)}`;
      return value.slice(0, Math.max(min, Math.min(max, value.length)));
    };

    /** A value the schema takes (as far as the document says). */
    const valid = (raw: Schema, depth = 0): Json => {
      const schema = resolve(raw);
      if (schema.enum) return pick(schema.enum) as Json;
      switch (schema.type) {
        case 'integer':
        case 'number':
          return int(schema.minimum ?? 0, Math.min(schema.maximum ?? 1000, 1000));
        case 'boolean':
          return chance(0.5);
        case 'array': {
          const count = int(schema.minItems ?? 0, Math.min(schema.maxItems ?? 3, 3));
          return Array.from({ length: count }, () => (schema.items ? valid(schema.items, depth + 1) : pick(known.institutions)));
        }
        case 'object':
        case undefined: {
          if (!schema.properties) return schema.nullable ? null : text();
          const value: Record<string, Json> = {};
          for (const [name, property] of Object.entries(schema.properties)) {
            if (schema.required?.includes(name) || chance(0.4)) value[name] = valid(property, depth + 1);
          }
          return value;
        }
        default:
          if (schema.format === 'uuid') return pick(known.institutions);
          if (schema.format === 'date') return pick(['2020-09-01', '2021-01-15', '2019-09-01']);
          if (schema.format === 'uri') return 'https://school.example/okrug';
          if (schema.pattern) return '2019/2020';
          return text(schema.minLength ?? 1, schema.maxLength ?? 60);
      }
    };

    const deep = (levels: number): string => (chance(0.5) ? '['.repeat(levels) + ']'.repeat(levels) : '{"a":'.repeat(levels) + '1' + '}'.repeat(levels));

    /** A body of the schema with at least one defect that the API must refuse. */
    const defective = (raw: Schema): { text: string; contentType?: string; defect: string } => {
      const schema = resolve(raw);
      const body = valid(schema) as Record<string, Json>;
      const properties = Object.entries(schema.properties ?? {}).map(([name, s]) => [name, resolve(s)] as const);
      const ofFormat = (format: string) => properties.filter(([, s]) => s.format === format).map(([name]) => name);
      const strings = properties.filter(([, s]) => s.type === 'string' && !s.enum).map(([name]) => name);
      const typed = properties.filter(([, s]) => s.type && s.type !== 'object');
      const json = (value: unknown, defect: string) => ({ text: JSON.stringify(value), defect });
      const defects: (() => { text: string; contentType?: string; defect: string } | undefined)[] = [
        () => {
          if (!schema.required?.length) return undefined;
          const missing = pick(schema.required);
          return json(Object.fromEntries(Object.entries(body).filter(([k]) => k !== missing)), `missing ${missing}`);
        },
        () => json({ ...body, [pick(['unexpected', 'id', 'department', 'revision', 'x'.repeat(40)])]: pick<Json>([1, 'x', null, {}, []]) }, 'extra field'),
        () => {
          if (!typed.length) return undefined;
          const [name, s] = pick(typed);
          const wrong: Json[] = s.type === 'string' ? [1, true, [], {}, 1.5] : s.type === 'array' ? ['x', 1, {}] : ['9', true, [], {}, 'x'];
          return json({ ...body, [name]: pick(wrong) }, `wrong type of ${name}`);
        },
        () => {
          // Over the field's own limit, or over the limit of any string where the field has none.
          const name = strings.length && chance(0.7) ? pick(strings) : 'anything';
          const limit = schema.properties?.[name] ? resolve(schema.properties[name]).maxLength : undefined;
          const length = limit !== undefined ? int(limit + 1, limit + 50) : int(10_001, 40_000);
          return json({ ...body, [name]: 'я'.repeat(length) }, `huge string in ${name}`);
        },
        () => ({ text: `{"nested":${deep(int(33, 3000))}}`, defect: 'deep nesting' }),
        () => {
          const dates = ofFormat('date');
          return dates.length ? json({ ...body, [pick(dates)]: pick(BAD_DATES) }, 'bad date') : undefined;
        },
        () => {
          const ids = ofFormat('uuid');
          return ids.length ? json({ ...body, [pick(ids)]: pick(BAD_UUIDS) }, 'bad uuid') : undefined;
        },
        () => {
          const lists = properties.filter(([, s]) => s.enum);
          return lists.length ? json({ ...body, [pick(lists)[0]]: pick(['castle', '', 'GENERAL-SCHOOL', 'admin ', 7]) }, 'not in the closed list') : undefined;
        },
        () => ({ text: JSON.stringify(body).replace(/^\{/, `{${JSON.stringify(pick(['__proto__', 'constructor', 'prototype']))}:{"polluted":true},`).replace(',}', '}'), defect: 'prototype key' }),
        () => {
          const serialised = JSON.stringify(body);
          return { text: serialised.slice(0, int(0, Math.max(0, serialised.length - 1))) + pick(['', '}', ',', '"', '\\']), defect: 'malformed JSON' };
        },
        () => (schema.required?.length ? { text: pick(['[]', 'null', '"x"', '42', 'true', '[{}]']), defect: 'not an object' } : undefined),
        () => ({ text: JSON.stringify(body), contentType: pick(WRONG_CONTENT_TYPES), defect: 'wrong content type' }),
        () => ({ text: '', defect: 'empty body' }),
        () => json(Object.fromEntries(Array.from({ length: int(101, 600) }, (_, i) => [`k${i}`, i])), 'too many fields'),
        () => {
          // Written as literals: JSON.stringify would turn 1e400 into null.
          const text = JSON.stringify({ ...body, [pick(properties.map(([n]) => n).concat('n'))]: '\u0000number' });
          return { text: text.replace('"\\u0000number"', pick(['1e21', '-1e300', '9007199254740993', '1e400', '-1e400'])), defect: 'number beyond the exact range' };
        },
      ];
      for (;;) {
        const made = pick(defects)();
        if (made && !(made.defect === 'malformed JSON' && isJson(made.text))) return made;
      }
    };

    const queryValue = (p: Parameter): string => {
      const schema = resolve(p.schema);
      if (chance(0.5)) {
        if (schema.type === 'integer') return pick(BAD_NUMBERS);
        if (schema.format === 'date') return pick(BAD_DATES);
        if (schema.type === 'boolean') return pick(['yes', '1', 'TRUE', '', 'null']);
        return pick(['castle', 'я'.repeat(int(201, 3000)), '', '2019/2021', '%', '\u0000']);
      }
      if (p.name === 'consistentWith') return String(int(0, head));
      return String(valid(schema));
    };

    const pathValue = (name: string, path: string): string => {
      if (chance(0.3)) return pick(BAD_PATH_IDS);
      if (name === 'name') return pick(['no-such-projection', 'INSTITUTION-LIST', 'x']);
      if (name === 'personId' || name === 'jobId') return uuid();
      if (path.startsWith('/networks/{id}') && name === 'id') return pick([...known.networks, uuid()]);
      return pick([...known.institutions, uuid()]);
    };

    const head = await store.headPosition();
    const failures: string[] = [];
    let refusedBodies = 0;
    const statuses = new Map<number, number>();
    for (let i = 0; i < REQUESTS; i++) {
      const op = pick(operations);
      const method = chance(0.03) ? pick(['DELETE', 'PATCH', 'OPTIONS', 'PUT', 'POST', 'GET']) : op.method;
      let url = op.path.replace(/\{(\w+)\}/g, (_, name: string) => pathValue(name, op.path));
      const query = op.parameters.filter((p) => p.in === 'query' && chance(0.6)).map((p) => `${p.name}=${encodeURIComponent(queryValue(p))}`);
      if (chance(0.1)) query.push(`${pick(['unexpected', '__proto__', 'constructor', 'offset', 'limit'])}=${encodeURIComponent(pick(BAD_NUMBERS))}`);
      if (query.length) url += `?${query.join('&')}`;

      let req = request(api.app.getHttpServer())[method.toLowerCase() as 'get'](url);
      if (!chance(0.02)) req = req.set('Authorization', `Bearer ${ADMIN_KEY}`);
      if (chance(0.05)) req = req.set('If-Match', pick(['abc', '"-1"', '"99999999999999999999"', 'W/"x"', '*']));
      if (chance(0.05)) req = req.set('Idempotency-Key', pick(['', 'k'.repeat(300)]));
      if (chance(0.03)) req = req.set('X-Correlation-Id', 'c'.repeat(int(1, 400)));

      const writes = method === 'POST' || method === 'PUT';
      let sent = '';
      if (writes) {
        if (op.path === '/imports' && chance(0.15)) {
          sent = pick(['', 'a,b\n1,2', '\ufeff;;;\n', 'fullName\n"unterminated', 'я'.repeat(100)]);
          req = req.set('Content-Type', 'text/csv').send(sent);
        } else if (op.body && method === op.method) {
          const body = defective(op.body);
          sent = `[${body.defect}] ${body.text.slice(0, 160)}`;
          req = req.set('Content-Type', body.contentType ?? 'application/json').send(body.text);
        } else if (chance(0.5)) {
          sent = '[wrong content type]';
          req = req.set('Content-Type', pick(WRONG_CONTENT_TYPES)).send('{}');
        }
      }

      const res = await req;
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      const describe = () => `${method} ${url.slice(0, 200)} ${sent} → ${res.status} ${String(res.headers['content-type'])} ${(res.text ?? '').slice(0, 300)}`;
      if (res.status >= 500) failures.push(`5xx: ${describe()}`);
      if (writes && res.status < 300) failures.push(`a defective write succeeded: ${describe()}`);
      if (res.status >= 400) {
        const problem = res.body as { type?: unknown; title?: unknown; status?: unknown; detail?: unknown; errors?: { field?: unknown; messages?: unknown }[] };
        const isProblem =
          /^application\/problem\+json/.test(String(res.headers['content-type'])) &&
          (method === 'HEAD' ||
            (typeof problem.type === 'string' && problem.type.startsWith('urn:okrug:problem:') && typeof problem.title === 'string' && problem.status === res.status && typeof problem.detail === 'string'));
        if (!isProblem) failures.push(`not a problem document: ${describe()}`);
        if (res.status === 400) {
          const listed =
            Array.isArray(problem.errors) &&
            problem.errors.length > 0 &&
            problem.errors.every((e) => typeof e.field === 'string' && Array.isArray(e.messages) && e.messages.length > 0 && e.messages.every((m) => typeof m === 'string'));
          if (!listed) failures.push(`400 without a field list: ${describe()}`);
          if (writes && sent) refusedBodies++;
        }
      }
      if (failures.length >= 20) break;
    }

    if (process.env.FUZZ_VERBOSE) console.log(Object.fromEntries(statuses));
    expect(failures).toEqual([]);
    expect(refusedBodies).toBeGreaterThan(REQUESTS / 4);
    expect(await store.headPosition()).toBe(head);
    // About 15 s here; the bound leaves room for a busy machine.
  }, 120_000);
});

const isJson = (text: string): boolean => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};
