import { mkdtemp, rm } from 'node:fs/promises';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventMetadata, NewEvent, newId } from '@app/kernel';
import { SqliteEventStore } from '@app/event-store';
import { networkMapStream } from '@app/networks';
import { loadConfig } from '@app/platform';
import { createApi } from '../../apps/api/src/create-app';
import { BenchFigure } from './bench-figure';

/**
 * One network command through the real API (HTTP on loopback, SQLite, projections running):
 * its latency on a fresh map and on a map of 20,000 events, and what 30 writers hammering one
 * map do to the registration of institutions (another stream).
 */

const MAP_EVENTS = 20_000;
const NETWORKS = 200;
const SAMPLES = 150;
const HAMMER_WRITERS = 30;
const DEPARTMENT = 'bench';
const KEY = 'bench-admin-key-0123456789abcdef';

const metadata = (): EventMetadata => ({
  actor: { id: 'operator.bench', role: 'operator' },
  department: DEPARTMENT,
  correlationId: newId(),
  causationId: newId(),
  commandId: newId(),
  source: 'import',
  recordedAt: '2020-09-01T09:00:00.000Z',
  schemaVersion: 1,
});

/** A district map that years of work left at 20,000 events: 200 districts and their members. */
const seedMap = async (file: string): Promise<string[]> => {
  const store = await SqliteEventStore.open({ file });
  const networkIds = Array.from({ length: NETWORKS }, () => newId());
  const events: NewEvent[] = networkIds.map((networkId, n) => ({
    id: newId(),
    type: 'NetworkRegistered',
    data: { networkId, department: DEPARTMENT, kind: 'educational-district', name: `Освітній округ № ${n + 1}`, number: String(n + 1), description: null, website: null },
    metadata: metadata(),
  }));
  for (let i = 0; events.length < MAP_EVENTS; i++) {
    events.push({
      id: newId(),
      type: 'MemberAdmitted',
      data: { networkId: networkIds[i % NETWORKS], institutionId: newId(), role: i % 7 ? 'member' : 'partner', from: '2019-09-01' },
      metadata: { ...metadata(), effectiveAt: '2019-09-01' },
    });
  }
  const stream = networkMapStream(DEPARTMENT, 'educational-district');
  for (let at = 0; at < events.length; at += 1_000) {
    await store.append(stream, events.slice(at, at + 1_000), { expectedRevision: at === 0 ? 'no_stream' : at - 1 });
  }
  await store.close();
  return networkIds;
};

const quantile = (sorted: number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const ms = (value: number): string => `${value.toFixed(1)} ms`;
const summary = (samples: number[]): { p50: number; p95: number } => {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: quantile(sorted, 0.5), p95: quantile(sorted, 0.95) };
};

export async function benchNetworkCommand(): Promise<BenchFigure[]> {
  const dir = await mkdtemp(join(tmpdir(), 'okrug-bench-network-'));
  const config = loadConfig({ OKRUG_DATA_DIR: dir, OKRUG_ADMIN_KEY: KEY, OKRUG_LOG_LEVEL: 'silent', OKRUG_DEPARTMENT: DEPARTMENT });
  const seeded = await seedMap(config.databaseFile);
  const { app } = await createApi(config, { runProjections: true });
  try {
    await app.listen({ host: '127.0.0.1', port: 0 });
    const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    const call = async (method: string, path: string, body?: unknown): Promise<{ status: number; body: any; ms: number }> => {
      const started = process.hrtime.bigint();
      const response = await fetch(base + path, {
        method,
        headers: { Authorization: `Bearer ${KEY}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : null, ms: Number(process.hrtime.bigint() - started) / 1e6 };
    };
    const ok = async (method: string, path: string, body?: unknown) => {
      const answer = await call(method, path, body);
      if (answer.status >= 300) throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
      return answer;
    };
    let registered = 0;
    const registerInstitution = () => {
      const n = ++registered;
      return ok('POST', '/institutions', { fullName: `Загальноосвітня школа № ${n}`, shortName: `ЗОШ № ${n}`, kind: 'general-school', settlement: 'м. Бахмут' });
    };
    const caughtUp = async () => {
      for (const started = Date.now(); Date.now() - started < 120_000; ) {
        const status = (await ok('GET', '/projections')).body as Array<{ lag: number; state: string }>;
        if (status.some((p) => p.state === 'failed')) throw new Error(`a projection failed: ${JSON.stringify(status)}`);
        if (status.every((p) => p.lag === 0)) return;
        await new Promise((r) => setTimeout(r, 200));
      }
      throw new Error('the projections did not catch up within 2 minutes');
    };
    await caughtUp();

    // Schools to admit, and a fresh map (another kind) beside the 20,000-event one.
    const schools: string[] = [];
    for (let i = 0; i < 2 * SAMPLES + 2; i++) schools.push((await registerInstitution()).body.id);
    const fresh = (await ok('POST', '/networks', { name: 'Рада директорів', kind: 'council-of-heads' })).body.id as string;
    const admit = (networkId: string, institutionId: string) => ok('POST', `/networks/${networkId}/members`, { institutionId, role: 'member', from: '2024-09-01' });

    // The first command on each map after the start folds it once.
    const coldLarge = (await admit(seeded[0], schools.pop() as string)).ms;
    const coldFresh = (await admit(fresh, schools.pop() as string)).ms;
    await caughtUp();

    // Alternating, so that both see the same machine.
    const onFresh: number[] = [];
    const onLarge: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      onFresh.push((await admit(fresh, schools.pop() as string)).ms);
      onLarge.push((await admit(seeded[(i + 1) % NETWORKS], schools.pop() as string)).ms);
    }
    const small = summary(onFresh);
    const large = summary(onLarge);
    await caughtUp();

    // Registrations alone, then while 30 writers rename networks of the large map as fast as they can.
    const idle: number[] = [];
    for (let i = 0; i < SAMPLES; i++) idle.push((await registerInstitution()).ms);
    await caughtUp();
    let hammering = true;
    const hammer = { done: 0, conflicts: 0, failed: 0, latencies: [] as number[] };
    const writers = Array.from({ length: HAMMER_WRITERS }, async (_, w) => {
      for (let n = 0; hammering; n++) {
        const answer = await call('POST', `/networks/${seeded[w]}/rename`, { name: `Освітній округ ${w}-${n}`, renamedOn: '2024-09-01' });
        hammer.latencies.push(answer.ms);
        if (answer.status === 200) hammer.done++;
        else if (answer.status === 409) hammer.conflicts++;
        else hammer.failed++;
      }
    });
    await new Promise((r) => setTimeout(r, 500));
    const hammerStarted = process.hrtime.bigint();
    const busy: number[] = [];
    for (let i = 0; i < SAMPLES; i++) busy.push((await registerInstitution()).ms);
    const hammerSeconds = Number(process.hrtime.bigint() - hammerStarted) / 1e9;
    hammering = false;
    await Promise.all(writers);
    const alone = summary(idle);
    const loaded = summary(busy);
    const hammerLatency = summary(hammer.latencies);
    const total = hammer.done + hammer.conflicts + hammer.failed;

    return [
      { figure: 'admit a member, fresh map: p50 / p95', value: `${ms(small.p50)} / ${ms(small.p95)}` },
      { figure: `admit a member, map of ${MAP_EVENTS.toLocaleString('en-US')} events: p50 / p95`, value: `${ms(large.p50)} / ${ms(large.p95)}` },
      { figure: 'admit a member: large / fresh map, p50 (goal ≤ 2)', value: `${(large.p50 / small.p50).toFixed(2)}×` },
      { figure: 'first command after start (folds the map): fresh / large', value: `${ms(coldFresh)} / ${ms(coldLarge)}` },
      { figure: 'register an institution, idle: p50 / p95', value: `${ms(alone.p50)} / ${ms(alone.p95)}` },
      { figure: `register an institution, ${HAMMER_WRITERS} writers on one map: p50 / p95`, value: `${ms(loaded.p50)} / ${ms(loaded.p95)}` },
      { figure: 'register an institution: loaded / idle, p50', value: `${(loaded.p50 / alone.p50).toFixed(2)}×` },
      {
        figure: `${HAMMER_WRITERS} writers renaming networks of the large map`,
        value: `${Math.round(hammer.done / hammerSeconds)}/s, p50 ${ms(hammerLatency.p50)}, p95 ${ms(hammerLatency.p95)}, 409 ${((100 * hammer.conflicts) / Math.max(1, total)).toFixed(1)} %${hammer.failed ? `, other errors ${hammer.failed}` : ''}`,
      },
    ];
  } finally {
    await app.close();
    await rm(dir, { recursive: true, force: true });
  }
}
