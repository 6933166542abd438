/*
 * Writes events in waves through a live follower (real SqliteEventStore, SqliteReadStore and
 * ProjectionRunner) and prints the heap after a forced collection at each checkpoint, as one
 * JSON line. Run with `node --expose-gc scripts/run-ts.js <this file> <dir> <checkpoints...>`;
 * the heap test compares the figures.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { NewEvent } from '@app/kernel';
import { SqliteEventStore } from '@app/event-store/embedded/sqlite-event-store';
import { SqliteReadStore } from '../embedded/sqlite-read-store';
import { Projection } from '../projection';
import { ProjectionRunner } from '../projection-runner';
import { Document } from '../read-store.port';

interface Institution extends Document {
  name: string;
  renames: number;
}

/** One document per institution, renamed now and then: the shape of the institution list. */
const institutions: Projection<Institution> = {
  name: 'probe-institutions',
  collection: 'probe-institutions',
  handles: ['InstitutionRegistered', 'InstitutionRenamed'],
  documentId: (event) => (event.data as { institutionId: string }).institutionId,
  evolve: (doc, event) => {
    const data = event.data as { institutionId: string; name: string };
    if (event.type === 'InstitutionRegistered') return { id: data.institutionId, name: data.name, renames: 0 };
    return doc && { ...doc, name: data.name, renames: doc.renames + 1 };
  },
};

const gc = (globalThis as { gc?: () => void }).gc;

const heapAfterGc = async (): Promise<number> => {
  if (!gc) throw new Error('run with --expose-gc');
  // Several rounds, with turns of the event loop between them, so that finalisers run too.
  for (let i = 0; i < 4; i++) {
    gc();
    await new Promise((resolve) => setImmediate(resolve));
  }
  return process.memoryUsage().heapUsed;
};

const event = (i: number): NewEvent => ({
  id: randomUUID(),
  type: i % 4 === 0 ? 'InstitutionRegistered' : 'InstitutionRenamed',
  // A payload the size of a real one (~500 bytes), so that a retained event shows.
  data: { institutionId: `inst-${Math.floor(i / 4)}`, name: `Муніципальний заклад загальної середньої освіти № ${i} `.repeat(4) },
  metadata: {
    actor: { id: 'probe', role: 'admin' },
    department: 'probe',
    correlationId: randomUUID(),
    causationId: randomUUID(),
    commandId: randomUUID(),
    source: 'api',
    recordedAt: new Date().toISOString(),
    schemaVersion: 1,
  },
});

const main = async (): Promise<void> => {
  const [dir, ...marks] = process.argv.slice(2);
  const checkpoints = marks.map(Number);
  const file = join(dir, 'probe.sqlite');
  const eventStore = await SqliteEventStore.open({ file });
  const readStore = await SqliteReadStore.open({ file });
  const runner = new ProjectionRunner({ eventStore, readStore, projections: [institutions] });
  await runner.start();

  const heap: Record<string, number> = {};
  let written = 0;
  // Waves of 50 concurrent appends (one group commit each), each waited for by the follower, so
  // that every event reaches the projection through the live follow, not a catch-up read.
  const wave = 50;
  for (const mark of checkpoints) {
    while (written < mark) {
      const count = Math.min(wave, mark - written);
      const results = await Promise.all(
        Array.from({ length: count }, (_, k) =>
          eventStore.append(`institution-${(written + k) % 1000}`, [event(written + k)], { expectedRevision: 'any' }),
        ),
      );
      written += count;
      await runner.waitFor(Math.max(...results.map((r) => r.position)), { timeoutMs: 30_000 });
    }
    heap[String(mark)] = await heapAfterGc();
  }
  const [status] = await runner.status();
  await runner.stop();
  await readStore.close();
  await eventStore.close();
  process.stdout.write(JSON.stringify({ heap, state: status.state, position: status.position }) + '\n');
};

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
