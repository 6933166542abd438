import { randomUUID } from 'node:crypto';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import request from 'supertest';
import { ACCESS, ACCESS_RULES, AccessRule, ROLES, Role } from '@app/platform/access';
import { ADMIN_KEY, ApiHarness } from './support/api-harness';
import { OpenApiDocument, Operation, fillPath, operationsOf } from './support/openapi-calls';

/**
 * The role model, checked route by route. Routes come from the running app (Nest's router and
 * the OpenAPI document), so a new endpoint is in the matrix without editing this file, and one
 * without a declared access rule fails here.
 */
describe('roles: every route × every role', () => {
  let api: ApiHarness;
  let doc: OpenApiDocument;
  const keys = {} as Record<Role, string>;
  let headedNetwork = '';

  /** Every route Nest serves, with the access rule it declares (undefined: none). */
  const routes = () => {
    const discovery = api.app.get(DiscoveryService);
    const scanner = api.app.get(MetadataScanner);
    const reflector = api.app.get(Reflector);
    return discovery.getControllers().filter((wrapper) => wrapper.metatype && wrapper.instance).flatMap((wrapper) => {
      const instance = wrapper.instance as object;
      const prototype = Object.getPrototypeOf(instance);
      const base = String(Reflect.getMetadata(PATH_METADATA, wrapper.metatype as object) ?? '');
      return scanner
        .getAllMethodNames(prototype)
        .filter((name) => Reflect.hasMetadata(METHOD_METADATA, prototype[name]))
        .map((name) => {
          const handler = prototype[name];
          const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number].toLowerCase();
          const path = `/${[base, String(Reflect.getMetadata(PATH_METADATA, handler) ?? '')].filter((p) => p && p !== '/').join('/')}`
            .replace(/\/+/g, '/')
            .replace(/:(\w+)/g, '{$1}');
          const rule = reflector.getAllAndOverride<AccessRule | undefined>(ACCESS, [handler, wrapper.metatype as never]);
          return { controller: wrapper.name, name, method, path, rule };
        });
    });
  };

  beforeAll(async () => {
    api = await ApiHarness.start();
    keys.admin = ADMIN_KEY;
    headedNetwork = (await api.as().post('/networks').send({ name: 'Бахмутський освітній округ № 1', kind: 'educational-district' })).body.id;
    for (const role of ROLES.filter((r) => r !== 'admin')) {
      const res = await api
        .as()
        .post('/api-keys')
        .send({ actorId: `${role}.test`, role, label: `a ${role}`, ...(role === 'network-head' ? { networkIds: [headedNetwork] } : {}) });
      expect({ role, status: res.status, body: res.body }).toMatchObject({ role, status: 201 });
      keys[role] = res.body.secret;
    }
    doc = (await api.http.get('/docs-json')).body;
  });
  afterAll(async () => {
    await api.stop();
  });

  it('finds the routes of every module', () => {
    expect(routes().length).toBeGreaterThanOrEqual(30);
  });

  it('has an access rule declared on every route (a new endpoint without one fails here)', () => {
    const undeclared = routes().filter((r) => r.rule === undefined || !(r.rule === 'public' || r.rule in ACCESS_RULES));
    expect(undeclared.map((r) => `${r.method.toUpperCase()} ${r.path} (${r.controller}.${r.name})`)).toEqual([]);
  });

  it('documents every route in the OpenAPI document, which the matrix walks', () => {
    const documented = new Set(operationsOf(doc).map((o) => `${o.method} ${o.path}`));
    expect(routes().map((r) => `${r.method} ${r.path}`).filter((r) => !documented.has(r))).toEqual([]);
  });

  it('documents the 401 and 403 of every route that needs a key', () => {
    const undocumented = operationsOf(doc)
      .filter((op) => routes().find((r) => r.method === op.method && r.path === op.path)?.rule !== 'public')
      .filter((op) => {
        const responses = op.operation.responses ?? {};
        return !responses['401'] || !responses['403'];
      });
    expect(undocumented.map((op) => `${op.method.toUpperCase()} ${op.path}`)).toEqual([]);
  });

  const ruleOf = (op: Operation): AccessRule => {
    const route = routes().find((r) => r.method === op.method && r.path === op.path);
    if (!route?.rule) throw new Error(`${op.method} ${op.path} declares no rule`);
    return route.rule;
  };
  const paramsFor = (op: Operation): Record<string, string> =>
    Object.fromEntries(op.pathParams.map((p) => [p, p === 'name' ? 'no-such-projection' : p === 'id' && op.path.startsWith('/networks') ? headedNetwork : randomUUID()]));
  const call = (op: Operation, key: string | undefined) => {
    let req = request(api.app.getHttpServer())[op.method as 'get'](fillPath(op.path, paramsFor(op)));
    if (key) req = req.set('Authorization', `Bearer ${key}`);
    // An empty body: a role that may call gets past the guard and is refused by validation (400),
    // so the matrix changes nothing.
    return op.method === 'get' ? req : req.send({});
  };

  it('lets exactly the roles of each route’s rule through, and refuses the others with 403', async () => {
    const wrong: string[] = [];
    const head = (await api.http.get('/health')).body.eventStore.head;
    for (const op of operationsOf(doc)) {
      const rule = ruleOf(op);
      if (rule === 'public') continue;
      expect((await call(op, undefined)).status).toBe(401);
      for (const role of ROLES) {
        const res = await call(op, keys[role]);
        const allowed = (ACCESS_RULES[rule] as readonly Role[]).includes(role);
        if (allowed ? res.status === 403 || res.status === 401 : res.status !== 403) {
          wrong.push(`${role} ${op.method.toUpperCase()} ${op.path} (${rule}): ${res.status} ${res.body.detail ?? ''}`);
        }
        if (!allowed && res.body.type !== 'urn:okrug:problem:forbidden') wrong.push(`${role} ${op.path}: problem ${res.body.type}`);
      }
    }
    expect(wrong).toEqual([]);
    expect((await api.http.get('/health')).body.eventStore.head).toBe(head);
  });

  it('never lets an auditor or a network head change records, nor anyone but an admin change keys and settings', async () => {
    for (const op of operationsOf(doc).filter((o) => o.method !== 'get')) {
      const rule = ruleOf(op);
      expect({ op: op.path, auditor: (ACCESS_RULES[rule as Exclude<AccessRule, 'public'>] as readonly Role[]).includes('auditor') }).toEqual({ op: op.path, auditor: false });
      // A network head records its own networks' plans and events, and asks for their reports: those rules' handlers check the networks.
      if (rule !== 'network-plans' && rule !== 'network-events' && rule !== 'request-reports') {
        expect({ op: op.path, head: (ACCESS_RULES[rule as Exclude<AccessRule, 'public'>] as readonly Role[]).includes('network-head') }).toEqual({ op: op.path, head: false });
      }
      if (/^\/(api-keys|department|projections|people)/.test(op.path)) expect({ op: op.path, rule }).toEqual({ op: op.path, rule: 'department-admin' });
    }
  });

  it('lets every role read the department’s records', async () => {
    for (const op of operationsOf(doc).filter((o) => o.method === 'get' && /^\/(institutions|networks|department)/.test(o.path))) {
      expect({ op: op.path, rule: ruleOf(op) }).toEqual({ op: op.path, rule: 'read' });
    }
  });

  it('refuses the auditor’s writes that issue 6 found (register, rename, appoint a head, dissolve), and a head’s changes to its own network’s composition', async () => {
    const register = await api.as(keys.auditor).post('/institutions').send({ fullName: 'Школа аудитора', shortName: 'ША', kind: 'general-school', settlement: 'Бахмут' });
    expect(register.status).toBe(403);
    const head = await api.as(keys.auditor).post(`/networks/${headedNetwork}/head`).send({ fullName: 'Іван Іванович', position: 'директор', appointedOn: '2020-09-01' });
    expect(head.status).toBe(403);
    const dissolve = await api.as(keys.auditor).post(`/networks/${headedNetwork}/dissolve`).send({ on: '2021-09-01', reason: 'x' });
    expect(dissolve.status).toBe(403);
    // The network head may not change the composition of its own network either: not dissolve
    // it, admit, move or let go a member, nor set its anchor; and nothing is recorded.
    const before = (await api.http.get('/health')).body.eventStore.head;
    const school = (await api.as().post('/institutions').send({ fullName: 'Бахмутська гімназія № 5', shortName: 'Гімназія № 5', kind: 'general-school', settlement: 'Бахмут' })).body.id;
    const asHead = () => api.as(keys['network-head']);
    const own = await asHead().post(`/networks/${headedNetwork}/dissolve`).send({ on: '2021-09-01', reason: 'x' });
    expect(own.status).toBe(403);
    const composition = [
      await asHead().post(`/networks/${headedNetwork}/members`).send({ institutionId: school, role: 'member', from: '2020-09-01' }),
      await asHead().post(`/networks/${headedNetwork}/members/${school}/leave`).send({ on: '2021-06-30', reason: 'x' }),
      await asHead().post(`/networks/${headedNetwork}/members/${school}/role`).send({ role: 'partner', from: '2021-01-01' }),
      await asHead().post(`/networks/${headedNetwork}/members/${school}/transfer`).send({ to: headedNetwork, on: '2021-01-01' }),
      await asHead().post(`/networks/${headedNetwork}/anchor`).send({ institutionId: school, from: '2020-09-01' }),
    ];
    expect(composition.map((res) => ({ status: res.status, type: res.body.type }))).toEqual(
      composition.map(() => ({ status: 403, type: 'urn:okrug:problem:forbidden' })),
    );
    expect((await api.http.get('/health')).body.eventStore.head).toBe(before + 1);
    expect((await api.as(keys['network-head']).get(`/networks/${headedNetwork}`)).status).toBe(200);
  });

  it('lets a network head record the events of its own networks and refuses it another network’s (403), as the rule network-events says', async () => {
    const other = (await api.as().post('/networks').send({ name: 'Бахмутський освітній округ № 2', kind: 'educational-district' })).body.id;
    const event = (networkIds: string[]) => ({
      kind: 'seminar',
      topic: 'Семінар керівників',
      networkIds,
      when: { precision: 'month', month: '2020-03' },
      format: { mode: 'in-person' },
      level: 'network',
    });
    const head = api.as(keys['network-head']);
    const own = await head.post('/events').send(event([headedNetwork]));
    expect(own.status).toBe(201);
    expect((await api.as(keys['network-head']).post(`/events/${own.body.id}/cancel`).send({ reason: 'Перенесено на наступний рік' })).status).toBe(200);
    const before = (await api.http.get('/health')).body.eventStore.head;
    const theirs = await api.as(keys['network-head']).post('/events').send(event([other]));
    expect({ status: theirs.status, type: theirs.body.type }).toEqual({ status: 403, type: 'urn:okrug:problem:forbidden' });
    const planned = (await api.as(keys.operator).post('/events').send(event([other]))).body.id;
    const change = await api.as(keys['network-head']).post(`/events/${planned}/cancel`).send({ reason: 'Не мій' });
    expect({ status: change.status, type: change.body.type }).toEqual({ status: 403, type: 'urn:okrug:problem:forbidden' });
    expect((await api.http.get('/health')).body.eventStore.head).toBe(before + 1);
    expect((await api.as(keys.auditor).post('/events').send(event([headedNetwork]))).status).toBe(403);
  });
});
