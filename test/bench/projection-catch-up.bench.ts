import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventMetadata, NewEvent, newId } from '@app/kernel';
import { SqliteEventStore } from '@app/event-store';
import { institutionStream } from '@app/networks';
import { institutionHistoryProjection } from '@app/networks/institution-history/institution-history.projection';
import { institutionListProjection } from '@app/networks/institution-list/institution-list.projection';
import { ProjectionRunner } from '@app/read-store/projection-runner';
import { SqliteReadStore } from '@app/read-store/embedded/sqlite-read-store';
import { BenchFigure, formatRate, seconds } from './bench-figure';

const EVENTS = 100_000;
const INSTITUTIONS = 25_000;

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

/** Each institution projection alone, catching up over the same 100k-event log from position 0. */
export async function benchProjectionCatchUp(): Promise<BenchFigure[]> {
  const dir = await mkdtemp(join(tmpdir(), 'okrug-bench-proj-'));
  const file = join(dir, 'bench.db');
  const eventStore = await SqliteEventStore.open({ file });
  const figures: BenchFigure[] = [];
  try {
    const pending: Promise<unknown>[] = [];
    for (let i = 0; i < INSTITUTIONS; i++) {
      const id = newId();
      pending.push(eventStore.append(institutionStream(id), lifeOf(id, i), { expectedRevision: 'no_stream' }));
      if (pending.length === 500) await Promise.all(pending.splice(0));
    }
    await Promise.all(pending);
    const head = await eventStore.headPosition();
    if (head !== EVENTS) throw new Error(`expected ${EVENTS} events, the log has ${head}`);

    for (const projection of [institutionListProjection, institutionHistoryProjection]) {
      const readStore = await SqliteReadStore.open({ file });
      const runner = new ProjectionRunner({ eventStore, readStore, projections: [projection], logger: { log: () => {}, warn: () => {}, error: console.error } });
      const started = process.hrtime.bigint();
      await runner.start();
      await runner.waitFor(head, { timeoutMs: 600_000 });
      const elapsed = seconds(started);
      await runner.stop();
      const documents = await readStore.count(projection.collection);
      await readStore.close();
      figures.push({
        figure: `${projection.name}: catch-up over ${EVENTS.toLocaleString('en-US')} events (${documents.toLocaleString('en-US')} documents)`,
        value: `${formatRate(EVENTS / elapsed)} events/s (${elapsed.toFixed(1)} s)`,
      });
    }
  } finally {
    await eventStore.close();
    await rm(dir, { recursive: true, force: true });
  }
  return figures;
}
