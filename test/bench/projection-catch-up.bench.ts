import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventMetadata, NewEvent, newId } from '@app/kernel';
import { SqliteEventStore } from '@app/event-store';
import { institutionStream } from '@app/networks';
import { allProjections } from '@app/modules';
import { institutionHistoryProjection } from '@app/networks/institution-history/institution-history.projection';
import { institutionListProjection } from '@app/networks/institution-list/institution-list.projection';
import { Projection } from '@app/read-store/projection';
import { ProjectionRunner } from '@app/read-store/projection-runner';
import { SqliteReadStore } from '@app/read-store/embedded/sqlite-read-store';
import { BenchFigure, formatRate, seconds } from './bench-figure';

const EVENTS = 100_000;
const INSTITUTIONS = 25_000;
/** The goal for every projection of the registry catching up together over the same log. */
const GOAL = 50_000;
/** The mixed log: 20,000 institutions' lives (80,000 events) and a map of 1,000 networks they are admitted to. */
const MIXED_INSTITUTIONS = 20_000;
const MIXED_NETWORKS = 1_000;
const MAP_STREAM = 'network-map-murygino-educational-district';

const metadata = (n: number): EventMetadata => ({
  actor: { id: 'operator.ivanova', role: 'operator' },
  department: 'murygino',
  correlationId: newId(),
  causationId: newId(),
  commandId: newId(),
  source: 'import',
  recordedAt: new Date(Date.UTC(2020, 8, 1) + n * 1000).toISOString(),
  schemaVersion: 1,
});

/** The life of 25k institutions: registered, then renamed, corrected, closed — 100k events. */
const lifeOf = (institutionId: string, n: number): NewEvent[] => [
  {
    id: newId(),
    type: 'InstitutionRegistered',
    data: {
      institutionId,
      department: 'murygino',
      fullName: `Муниципальное бюджетное общеобразовательное учреждение средняя школа № ${n}`,
      shortName: `МБОУ СШ № ${n}`,
      kind: 'general-school',
      settlement: 'с. Мурыгино',
      externalCode: `67-${n}`,
      website: null,
    },
    metadata: metadata(n),
  },
  {
    id: newId(),
    type: 'InstitutionRenamed',
    data: { institutionId, fullName: `МБОУ «Средняя школа № ${n} имени Героя»`, shortName: `СШ № ${n}`, renamedOn: '2021-09-01' },
    metadata: metadata(n + 1),
  },
  {
    id: newId(),
    type: 'InstitutionDetailsCorrected',
    data: { institutionId, corrections: { settlement: 'село Мурыгино' }, reason: 'Опечатка в реестре' },
    metadata: { ...metadata(n + 2), reason: 'Опечатка в реестре' },
  },
  {
    id: newId(),
    type: 'InstitutionClosed',
    data: { institutionId, closedOn: '2022-06-30', reason: 'Реорганизация' },
    metadata: { ...metadata(n + 3), reason: 'Реорганизация', effectiveAt: '2022-06-30' },
  },
];

/** The networks of the mixed log, then each institution admitted to one of them. */
const networkEvents = (institutionIds: readonly string[], from: number): NewEvent[] => {
  const networks = Array.from({ length: MIXED_NETWORKS }, (_, n) => `00000000-0000-7000-8000-${String(n).padStart(12, '0')}`);
  const registered: NewEvent[] = networks.map((networkId, n) => ({
    id: newId(),
    type: 'NetworkRegistered',
    data: { networkId, department: 'murygino', kind: 'educational-district', name: `Освітній округ № ${n + 1}`, number: String(n + 1), description: null, website: null },
    metadata: metadata(from + n),
  }));
  const admitted: NewEvent[] = institutionIds.map((institutionId, i) => ({
    id: newId(),
    type: 'MemberAdmitted',
    data: { networkId: networks[i % MIXED_NETWORKS], institutionId, role: 'member', from: '2021-09-01' },
    metadata: { ...metadata(from + MIXED_NETWORKS + i), effectiveAt: '2021-09-01' },
  }));
  return [...registered, ...admitted];
};

/** Writes `institutions` lives (and, with `networks`, the map of the mixed log) into a fresh store. */
export const seed = async (file: string, institutions: number, networks: boolean): Promise<number> => {
  const eventStore = await SqliteEventStore.open({ file });
  try {
    const ids: string[] = [];
    const pending: Promise<unknown>[] = [];
    for (let i = 0; i < institutions; i++) {
      const id = newId();
      ids.push(id);
      pending.push(eventStore.append(institutionStream(id), lifeOf(id, i), { expectedRevision: 'no_stream' }));
      if (pending.length === 500) await Promise.all(pending.splice(0));
    }
    await Promise.all(pending);
    if (networks) {
      const map = networkEvents(ids.slice(0, EVENTS - institutions * 4 - MIXED_NETWORKS), institutions * 4);
      for (let at = 0; at < map.length; at += 1000) await eventStore.append(MAP_STREAM, map.slice(at, at + 1000), { expectedRevision: 'any' });
    }
    const head = await eventStore.headPosition();
    if (head !== EVENTS) throw new Error(`expected ${EVENTS} events, the log has ${head}`);
    return head;
  } finally {
    await eventStore.close();
  }
};

/**
 * Catches `projections` up from position 0 on one runner (one feed): seconds taken, seconds of
 * CPU (every thread of the process: the event loop, the WAL checkpointer, the collector) and
 * documents written. On a shared machine the CPU seconds move less than the wall clock.
 */
const catchUp = async (file: string, projections: readonly Projection[]): Promise<{ elapsed: number; cpu: number; documents: number }> => {
  const eventStore = await SqliteEventStore.open({ file });
  const readStore = await SqliteReadStore.open({ file });
  try {
    const runner = new ProjectionRunner({ eventStore, readStore, projections, logger: { log: () => {}, warn: () => {}, error: console.error } });
    const started = process.hrtime.bigint();
    const cpuBefore = process.cpuUsage();
    await runner.start();
    await runner.waitFor(EVENTS, { timeoutMs: 600_000 });
    const elapsed = seconds(started);
    const used = process.cpuUsage(cpuBefore);
    await runner.stop();
    let documents = 0;
    for (const projection of projections) documents += await readStore.count(projection.collection);
    return { elapsed, cpu: (used.user + used.system) / 1e6, documents };
  } finally {
    await readStore.close();
    await eventStore.close();
  }
};

const rate = ({ elapsed, cpu }: { elapsed: number; cpu: number }): string =>
  `${formatRate(EVENTS / elapsed)} events/s (${elapsed.toFixed(1)} s, ${cpu.toFixed(1)} s of CPU)`;
const count = (n: number): string => n.toLocaleString('en-US');

/**
 * Over the same 100k-event log of institutions: each institution projection alone, then every
 * projection of the registry together on one feed (the goal: ≥ 50,000 events/s). Then all of
 * them together over a mixed log, where the network read models have work too. Each catch-up
 * starts from position 0 on a fresh copy of the log.
 */
export async function benchProjectionCatchUp(): Promise<BenchFigure[]> {
  const dir = await mkdtemp(join(tmpdir(), 'okrug-bench-proj-'));
  const figures: BenchFigure[] = [];
  try {
    const institutionLog = join(dir, 'institutions.db');
    await seed(institutionLog, INSTITUTIONS, false);
    const copy = async (from: string, name: string): Promise<string> => {
      const to = join(dir, name);
      await copyFile(from, to);
      return to;
    };
    for (const projection of [institutionListProjection, institutionHistoryProjection]) {
      const alone = await catchUp(await copy(institutionLog, `${projection.name}.db`), [projection]);
      figures.push({ figure: `${projection.name}: catch-up over ${count(EVENTS)} events (${count(alone.documents)} documents)`, value: rate(alone) });
    }
    const together = await catchUp(await copy(institutionLog, 'all.db'), allProjections);
    const reached = EVENTS / together.elapsed >= GOAL ? 'goal met' : 'below the goal';
    figures.push({
      figure: `all ${allProjections.length} projections together, one feed: catch-up over the same ${count(EVENTS)} events (goal ≥ ${count(GOAL)} events/s)`,
      value: `${rate(together)}, ${reached}`,
    });

    const mixedLog = join(dir, 'mixed.db');
    await seed(mixedLog, MIXED_INSTITUTIONS, true);
    const mixed = await catchUp(mixedLog, allProjections);
    figures.push({
      figure: `all ${allProjections.length} projections together over a mixed log (${count(MIXED_INSTITUTIONS * 4)} institution events, ${count(EVENTS - MIXED_INSTITUTIONS * 4)} of a network map; ${count(mixed.documents)} documents)`,
      value: rate(mixed),
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return figures;
}
