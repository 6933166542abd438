import { DiscoveryService } from '@nestjs/core';
import { academicYearOf, toIsoDate } from '@app/kernel';
import { PLATFORM_OPTIONS, PlatformOptions, ProjectionsService, ReadModels } from '@app/platform';
import { READ_STORE, ReadStore } from '@app/read-store';
import { EVENT_STORE as EVENT_STORE_TOKEN, EventStore } from '@app/event-store';
import { ApiHarness } from './support/api-harness';
import { reportGeneratorTestModule } from './support/report-generators';
import { OpenApiDocument, fillPath, operationsOf } from './support/openapi-calls';

/** Where @nestjs/cqrs records the query a handler serves (the constant is not exported). */
const QUERY_HANDLER_METADATA = '__queryHandler__';

/**
 * A query that takes `consistentWith` must wait for every read model it reads, else a read just
 * after a write can miss it (a lagging projection in another process, or on MongoDB). Every
 * such endpoint of the OpenAPI document is called, so a new one is covered without editing this
 * suite; the read store and the wait are watched from outside, so a handler that reached the
 * read store some other way would be caught as well.
 */
describe('queries wait for exactly the read models they read', () => {
  let api: ApiHarness;
  let doc: OpenApiDocument;
  let lastPosition = 0;
  const ids: Record<string, string> = {};

  const post = async (url: string, body: object, expected = 200) => {
    const res = await api.as().post(url).send(body);
    if (res.status !== expected) throw new Error(`${url} → ${res.status} ${JSON.stringify(res.body)}`);
    lastPosition = Math.max(lastPosition, res.body.position ?? 0);
    return res;
  };

  beforeAll(async () => {
    // With the tests' report generator, so that a report can be asked for and read (production registers none yet).
    api = await ApiHarness.start({}, undefined, undefined, [reportGeneratorTestModule()]);
    const today = toIsoDate(new Date());
    ids.anchor = (await post('/institutions', { fullName: 'НВК № 11 м. Бахмут', shortName: 'НВК № 11', kind: 'educational-complex', settlement: 'Бахмут' }, 201)).body.id;
    ids.member = (await post('/institutions', { fullName: 'ЗОШ № 7 м. Бахмут', shortName: 'ЗОШ № 7', kind: 'general-school', settlement: 'Бахмут' }, 201)).body.id;
    ids.network = (await post('/networks', { name: 'Освітній округ НВК № 11', kind: 'educational-district' }, 201)).body.id;
    await post(`/networks/${ids.network}/members`, { institutionId: ids.anchor, role: 'member', from: '2017-09-01' });
    await post(`/networks/${ids.network}/anchor`, { institutionId: ids.anchor, from: '2017-09-01' });
    await post(`/networks/${ids.network}/head`, { fullName: 'Коваленко Наталія Петрівна', position: 'директор НВК № 11', appointedOn: '2019-09-01' });
    // Joined today: the changes of the current academic year (the default period) are not empty.
    await post(`/networks/${ids.network}/members`, { institutionId: ids.member, role: 'member', from: today });
    // An event of a series, held with the member taking part: every events query has something to read.
    ids.series = (await post('/event-series', { name: 'Семінари округу', kind: 'seminar', networkIds: [ids.network] }, 201)).body.id;
    const event = {
      kind: 'seminar',
      topic: 'Семінар керівників',
      networkIds: [ids.network],
      hostIds: [ids.anchor],
      when: { precision: 'date', from: '2020-03-12' },
      format: { mode: 'in-person' },
      level: 'network',
      seriesId: ids.series,
      people: [{ fullName: 'Коваленко Ірина', role: 'speaker' }],
    };
    ids.event = (await post('/events', event, 201)).body.id;
    await post(`/events/${ids.event}/holding`, { when: { precision: 'date', from: '2020-03-12' }, participation: { counts: { teachers: 9 }, institutionIds: [ids.member] } });
    // The network's plan for the academic year running today: every plans query has something to read.
    ids.plan = (await post('/plans', { networkId: ids.network, period: { kind: 'academic-year', academicYear: academicYearOf(today).label } }, 201)).body.id;
    // A report of the network, generated: every reports query has something to read.
    ids.report = (await post('/reports', { report: 'annual-analysis', format: 'json', parameters: { networkId: ids.network, period: { kind: 'academic-year', academicYear: '2019/2020' }, language: 'uk' } }, 202)).body.id;
    for (let i = 0; i < 200 && (await api.as().get(`/reports/${ids.report}`)).body.status !== 'generated'; i++) await new Promise((resolve) => setTimeout(resolve, 25));
    if ((await api.as().get(`/reports/${ids.report}`)).body.status !== 'generated') throw new Error('the report was not generated');
    // A batch of the network's analyses, generated: every batches query has something to read.
    ids.batch = (await post('/report-batches', { report: 'annual-analysis', format: 'json', parameters: { period: { kind: 'academic-year', academicYear: '2019/2020' }, language: 'uk' } }, 202)).body.id;
    for (let i = 0; i < 200 && (await api.as().get(`/report-batches/${ids.batch}`)).body.status !== 'generated'; i++) await new Promise((resolve) => setTimeout(resolve, 25));
    if ((await api.as().get(`/report-batches/${ids.batch}`)).body.status !== 'generated') throw new Error('the batch was not generated');
    // A report schedule (its next slot is next October): every schedules query has something to read.
    ids.schedule = (await post('/report-schedules', { cron: '0 6 25 10 *', timeZone: 'Europe/Kyiv', report: 'annual-analysis', periodKind: 'academic-year', language: 'uk' }, 201)).body.id;
    lastPosition = await api.app.get<EventStore>(EVENT_STORE_TOKEN).headPosition();
    doc = (await api.http.get('/docs-json')).body;
    await api.app.get(ProjectionsService).waitFor(lastPosition);
  });
  afterAll(async () => {
    await api.stop();
  });

  /** The GET operations a `consistentWith` can be given to. */
  const consistentQueries = () =>
    operationsOf(doc).filter((op) => op.method === 'get' && (op.operation.parameters ?? []).some((p) => p.in === 'query' && p.name === 'consistentWith'));

  /** The record a path names: seeded above; a path of another kind of record needs a seed here. */
  const pathFor = (path: string): string => {
    if (path.startsWith('/institutions/')) return fillPath(path, { id: ids.member });
    if (path.startsWith('/networks/')) return fillPath(path, { id: ids.network });
    if (path.startsWith('/events/')) return fillPath(path, { id: ids.event });
    if (path.startsWith('/event-series/')) return fillPath(path, { id: ids.series });
    if (path.startsWith('/plans/')) return fillPath(path, { id: ids.plan });
    if (path.startsWith('/reports/')) return fillPath(path, { id: ids.report });
    if (path.startsWith('/report-batches/')) return fillPath(path, { id: ids.batch });
    if (path.startsWith('/report-schedules/')) return fillPath(path, { id: ids.schedule });
    if (!path.includes('{')) return path;
    throw new Error(`no record seeded for ${path}`);
  };

  it('finds the query endpoints', () => {
    expect(consistentQueries().map((op) => op.path)).toEqual(
      expect.arrayContaining(['/institutions', '/institutions/{id}', '/institutions/{id}/history', '/institutions/{id}/memberships', '/networks', '/networks/{id}', '/networks/{id}/composition', '/networks/{id}/changes', '/networks/{id}/timeline', '/events', '/events/{id}', '/events/{id}/history', '/institutions/{id}/events', '/networks/{id}/participation', '/networks/{id}/events.ics', '/event-series', '/event-series/{id}', '/plans', '/plans/{id}', '/plans/{id}/fulfilment', '/plans/{id}/history', '/plans/overview', '/networks/{id}/plan', '/reports', '/reports/{id}', '/reports/{id}/content']),
    );
  });

  it('reads, on every query endpoint, only read models it waited for, and waits for none it does not read', async () => {
    const readStore = api.app.get<ReadStore>(READ_STORE);
    const projections = api.app.get(ProjectionsService);
    const collectionOf = new Map(api.app.get<PlatformOptions>(PLATFORM_OPTIONS).projections.map((p) => [p.name, p.collection]));
    const read = new Set<string>();
    const waited = new Set<string>();
    const watch = (method: 'get' | 'find' | 'count') => {
      const original = readStore[method].bind(readStore) as (collection: string, ...rest: unknown[]) => Promise<unknown>;
      return jest.spyOn(readStore, method).mockImplementation(((collection: string, ...rest: unknown[]) => {
        read.add(collection);
        return original(collection, ...rest);
      }) as never);
    };
    const spies: { mockRestore(): void }[] = [watch('get'), watch('find'), watch('count')];
    const waitFor = projections.waitFor.bind(projections);
    spies.push(
      jest.spyOn(projections, 'waitFor').mockImplementation((position, names = projections.names, timeoutMs) => {
        for (const name of names) waited.add(collectionOf.get(name) ?? `unknown projection ${name}`);
        return waitFor(position, names, timeoutMs);
      }),
    );
    try {
      const seen = [];
      for (const op of consistentQueries()) {
        read.clear();
        waited.clear();
        const url = pathFor(op.path);
        const res = await api.as().get(`${url}?consistentWith=${lastPosition}`);
        expect({ op: op.path, status: res.status }).toEqual({ op: op.path, status: 200 });
        seen.push({
          op: op.path,
          readWithoutWaiting: [...read].filter((c) => !waited.has(c)).sort(),
          waitedWithoutReading: [...waited].filter((c) => !read.has(c)).sort(),
        });
      }
      expect(seen).toEqual(seen.map(({ op }) => ({ op, readWithoutWaiting: [], waitedWithoutReading: [] })));
      expect(seen.length).toBeGreaterThanOrEqual(9);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });

  it('gives query handlers no way to the read store but the reader of their declared read models', () => {
    const discovery = api.app.get(DiscoveryService);
    const handlers = discovery
      .getProviders()
      .map((wrapper) => wrapper.metatype)
      .filter((type): type is new (...args: never[]) => unknown => typeof type === 'function' && Reflect.hasMetadata(QUERY_HANDLER_METADATA, type));
    expect(handlers.length).toBeGreaterThanOrEqual(9);
    // What a class is given: @Inject tokens where declared, else the parameter's type.
    const dependenciesOf = (type: object): unknown[] => {
      const types: unknown[] = [...((Reflect.getMetadata('design:paramtypes', type) as unknown[] | undefined) ?? [])];
      for (const { index, param } of (Reflect.getMetadata('self:paramtypes', type) as { index: number; param: unknown }[] | undefined) ?? []) types[index] = param;
      return types;
    };
    // ReadModels is the one sanctioned way in; ProjectionsService reads checkpoints, never documents.
    const reachesReadStore = (type: unknown, path: string[]): string[] | null => {
      if (type === READ_STORE) return path;
      if (typeof type !== 'function' || type === ReadModels || type === ProjectionsService) return null;
      for (const dependency of dependenciesOf(type)) {
        const found = reachesReadStore(dependency, [...path, typeof dependency === 'function' ? dependency.name : String(dependency)]);
        if (found) return found;
      }
      return null;
    };
    const leaks = handlers.map((handler) => reachesReadStore(handler, [handler.name])).filter((path) => path !== null);
    expect(leaks).toEqual([]);
    for (const handler of handlers) {
      const query = Reflect.getMetadata(QUERY_HANDLER_METADATA, handler) as { name: string; reads?: unknown };
      // A query that reads no read model (the academic year's start, from its stream) says so with
      // `reads = []`, and its handler is not given ReadModels.
      const readsNone = Array.isArray(query.reads) && query.reads.length === 0 && !dependenciesOf(handler).includes(ReadModels);
      expect({ query: query.name, declares: Array.isArray(query.reads) && (query.reads.length > 0 || readsNone) }).toEqual({ query: query.name, declares: true });
    }
  });
});
