import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventMetadata, NewEvent } from '@app/kernel';
import { SqliteEventStore } from '@app/event-store';
import { BenchFigure, formatRate, seconds } from './bench-figure';

const SINGLE_WRITER_APPENDS = 5_000;
const WRITERS = 50;
const CONCURRENT_APPENDS = 20_000;
const READ_EVENTS = 100_000;
const READ_BATCH = 1_000;
const FILL_BATCH = 20;

const DEPARTMENTS = ['murygino', 'zavolzhsky'];

/** A realistic event: about 570 bytes of JSON (data and metadata), Cyrillic text, full metadata. */
export const makeEvent = (n: number): NewEvent => {
  const id = randomUUID();
  const metadata: EventMetadata = {
    actor: { id: 'operator.ivanova', role: 'operator' },
    department: DEPARTMENTS[n % 2],
    correlationId: id,
    causationId: id,
    commandId: id,
    idempotencyKey: `import-${n}`,
    reason: 'Плановое обновление',
    source: 'import',
    recordedAt: new Date().toISOString(),
    effectiveAt: '2024-09-01',
    schemaVersion: 1,
  };
  return {
    id,
    type: 'InstitutionRegistered',
    data: {
      institutionId: id,
      name: `МБОУ «Школа № ${n % 97}»`,
      address: 'г. Тверь, ул. Ленина, 5',
      capacity: 850 + (n % 300),
    },
    metadata,
  };
};

/** Size in bytes of an event as stored (data + metadata JSON). */
export const storedSize = (e: NewEvent): number =>
  Buffer.byteLength(JSON.stringify(e.data)) + Buffer.byteLength(JSON.stringify(e.metadata));

/**
 * The embedded event store on a temp dir: durable appends (each acknowledged after its COMMIT,
 * `synchronous=FULL`) by one writer and by many, and reading the whole log back.
 */
export async function benchEventStore(): Promise<BenchFigure[]> {
  const dir = await mkdtemp(join(tmpdir(), 'okrug-bench-es-'));
  const store = await SqliteEventStore.open({ file: join(dir, 'bench.db') });
  const figures: BenchFigure[] = [];
  try {
    const sample = makeEvent(1);
    figures.push({ figure: 'event size (data + metadata JSON)', value: `${storedSize(sample)} bytes` });

    // One writer awaiting each append: one transaction, one fsync, per append.
    const singleWriter = async (label: string): Promise<void> => {
      const streamId = `bench-single-${randomUUID()}`;
      const before = store.stats;
      const start = process.hrtime.bigint();
      for (let i = 0; i < SINGLE_WRITER_APPENDS; i++) {
        await store.append(streamId, [makeEvent(i)], { expectedRevision: i === 0 ? 'no_stream' : i - 1 });
      }
      const s = seconds(start);
      const tx = store.stats.transactions - before.transactions;
      figures.push({
        figure: `appends/s, 1 writer awaiting each, ${label} (${SINGLE_WRITER_APPENDS.toLocaleString('en-US')} appends, ${tx} transactions)`,
        value: formatRate(SINGLE_WRITER_APPENDS / s),
      });
    };

    // The first appends to a new file also grow its write-ahead log to its working size (16 MB),
    // which makes each fsync dearer; a long-running store lives in the steady state measured below.
    await singleWriter('new file');

    // Many writers at once, each on its own stream with its expected revision: group commit.
    {
      const perWriter = CONCURRENT_APPENDS / WRITERS;
      const before = store.stats;
      const start = process.hrtime.bigint();
      await Promise.all(
        Array.from({ length: WRITERS }, async (_, w) => {
          const streamId = `bench-writer-${w}-${randomUUID()}`;
          for (let i = 0; i < perWriter; i++) {
            await store.append(streamId, [makeEvent(i)], { expectedRevision: i === 0 ? 'no_stream' : i - 1 });
          }
        }),
      );
      const s = seconds(start);
      const tx = store.stats.transactions - before.transactions;
      figures.push({
        figure: `appends/s, ${WRITERS} concurrent writers (${CONCURRENT_APPENDS.toLocaleString('en-US')} appends, group commit)`,
        value: formatRate(CONCURRENT_APPENDS / s),
      });
      figures.push({ figure: 'appends per transaction (group commit)', value: (CONCURRENT_APPENDS / tx).toFixed(1) });
    }

    await singleWriter('steady state');

    // Fill the log up to the read size (not measured), then read it all back.
    {
      let head = await store.headPosition();
      const writers = 10;
      while (head < READ_EVENTS) {
        const missing = READ_EVENTS - head;
        await Promise.all(
          Array.from({ length: Math.min(writers, Math.ceil(missing / FILL_BATCH)) }, (_, w) =>
            store.append(
              `bench-fill-${w}`,
              Array.from({ length: Math.min(FILL_BATCH, missing - w * FILL_BATCH) }, (__, i) =>
                makeEvent(head + w * FILL_BATCH + i),
              ),
              { expectedRevision: 'any' },
            ),
          ),
        );
        head = await store.headPosition();
      }

      const start = process.hrtime.bigint();
      let after = 0;
      let read = 0;
      let bytes = 0;
      for (;;) {
        const batch = await store.readAll({ after, maxCount: READ_BATCH });
        if (batch.length === 0) break;
        read += batch.length;
        bytes += batch[batch.length - 1].type.length;
        after = batch[batch.length - 1].position;
      }
      const s = seconds(start);
      if (read !== head || bytes === 0) throw new Error(`read ${read} events, expected ${head}`);
      figures.push({
        figure: `events/s reading the whole log (${read.toLocaleString('en-US')} events, batches of ${READ_BATCH})`,
        value: formatRate(read / s),
      });
    }
  } finally {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
  return figures;
}
