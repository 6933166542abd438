import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { EventMetadata, NewEvent, newId } from '@app/kernel';
import { JsonLogger, ProjectionsService, loadConfig } from '@app/platform';
import { institutionStream } from '@app/networks';
import { createApi } from '../../apps/api/src/create-app';
import { BenchFigure, formatRate } from './bench-figure';

interface AutocannonResult {
  requests: { average: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  '2xx': number;
}
// The load generator has no type declarations of its own.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (options: Record<string, unknown>) => Promise<AutocannonResult>;

const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 8);
const ADMIN_KEY = 'bench-admin-key-0123456789abcdef';
const DEPARTMENT = 'murygino';

interface Load {
  rate: number;
  p50: number;
  p99: number;
  errors: number;
  ok: number;
}

/** Loads a url with autocannon from a worker thread, so the load does not share the server's event loop. */
const load = async (url: string, options: { method?: 'GET' | 'POST'; body?: string; headers?: Record<string, string> } = {}): Promise<Load> => {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: SECONDS,
    workers: 1,
    method: options.method ?? 'GET',
    body: options.body,
    headers: { 'content-type': 'application/json', ...options.headers },
  });
  return {
    rate: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.non2xx + result.errors + result.timeouts,
    ok: result['2xx'],
  };
};

const figuresOf = (name: string, measured: Load, bare: Load): BenchFigure[] => [
  {
    figure: `${name}: req/s, p50, p99`,
    value: `${formatRate(measured.rate)} req/s, p50 ${measured.p50} ms, p99 ${measured.p99} ms${measured.errors ? `, ${measured.errors} errors` : ''}`,
  },
  { figure: `${name}: share of the bare route`, value: `${((measured.rate / bare.rate) * 100).toFixed(1)} %` },
];

const metadata = (): EventMetadata => ({
  actor: { id: 'bench', role: 'admin' },
  department: DEPARTMENT,
  correlationId: newId(),
  causationId: newId(),
  commandId: newId(),
  source: 'import',
  recordedAt: new Date().toISOString(),
  schemaVersion: 1,
});

/** Registers `count` institutions straight through the event store (real events), in parallel batches. */
const seed = async (store: EventStore, from: number, count: number): Promise<void> => {
  const pending: Promise<unknown>[] = [];
  for (let n = from; n < from + count; n++) {
    const institutionId = newId();
    const event: NewEvent = {
      id: newId(),
      type: 'InstitutionRegistered',
      data: {
        institutionId,
        department: DEPARTMENT,
        fullName: `Муниципальное бюджетное общеобразовательное учреждение средняя школа № ${n}`,
        shortName: `МБОУ СШ № ${n}`,
        kind: n % 7 === 0 ? 'kindergarten' : 'general-school',
        settlement: `с. Мурыгино-${n % 40}`,
        externalCode: null,
        website: null,
      },
      metadata: metadata(),
    };
    pending.push(store.append(institutionStream(institutionId), [event], { expectedRevision: 'no_stream' }));
    if (pending.length === 500) await Promise.all(pending.splice(0));
  }
  await Promise.all(pending);
};

/**
 * HTTP through the real app (embedded profile, a temporary data directory, request logs
 * serialised but thrown away) on a loopback port, against a bare Fastify route in the same run.
 */
export async function benchHttp(): Promise<BenchFigure[]> {
  const figures: BenchFigure[] = [];

  const bareServer = Fastify();
  bareServer.get('/ping', async () => ({ ok: true }));
  const bareUrl = await bareServer.listen({ port: 0, host: '127.0.0.1' });
  const bare = await load(`${bareUrl}/ping`);
  await bareServer.close();
  figures.push({ figure: 'bare Fastify GET: req/s, p50, p99', value: `${formatRate(bare.rate)} req/s, p50 ${bare.p50} ms, p99 ${bare.p99} ms` });

  const dir = await mkdtemp(join(tmpdir(), 'okrug-bench-http-'));
  const config = loadConfig({ OKRUG_DATA_DIR: dir, OKRUG_ADMIN_KEY: ADMIN_KEY, OKRUG_DEPARTMENT: DEPARTMENT, OKRUG_LOG_LEVEL: 'info' });
  const { app } = await createApi(config, { logger: new JsonLogger('info', () => undefined) });
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
    const auth = { authorization: `Bearer ${ADMIN_KEY}` };
    const store = app.get<EventStore>(EVENT_STORE);
    const projections = app.get(ProjectionsService);
    const caughtUp = async () => projections.waitFor(await store.headPosition(), undefined, 600_000);

    await seed(store, 0, 1_000);
    await caughtUp();
    const small = await load(`${url}/institutions?limit=20`, { headers: auth });
    figures.push(...figuresOf('GET /institutions?limit=20, 1,000 institutions', small, bare));

    const body = JSON.stringify({
      fullName: 'Муниципальное бюджетное общеобразовательное учреждение Мурыгинская средняя школа',
      shortName: 'МБОУ Мурыгинская СШ',
      kind: 'general-school',
      settlement: 'с. Мурыгино',
    });
    const writes = await load(`${url}/institutions`, { method: 'POST', body, headers: auth });
    figures.push(...figuresOf(`POST /institutions, ${CONNECTIONS} connections`, writes, bare));

    const registered = 1_000 + writes.ok;
    await seed(store, registered, Math.max(0, 50_000 - registered));
    await caughtUp();
    const large = await load(`${url}/institutions?limit=20`, { headers: auth });
    figures.push(...figuresOf('GET /institutions?limit=20, 50,000 institutions', large, bare));
    figures.push({ figure: 'GET /institutions: 1,000 vs 50,000 (goal ≤ 2×)', value: `${(small.rate / large.rate).toFixed(2)}×` });
    const search = await load(`${url}/institutions?limit=20&q=${encodeURIComponent('СШ 4999')}`, { headers: auth });
    figures.push(...figuresOf('GET /institutions?q=СШ 4999, 50,000 institutions', search, bare));
  } finally {
    await app.close();
    await rm(dir, { recursive: true, force: true });
  }
  return figures;
}
