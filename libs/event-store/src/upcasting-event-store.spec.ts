import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventContracts, NewEvent, RecordedEvent, UpcasterRegistry, upcaster } from '@app/kernel';
import { SqliteEventStore } from './embedded/sqlite-event-store';
import { eventStoreContract } from './event-store.contract';
import { EventStore } from './event-store.port';
import { upcastingEventStore } from './upcasting-event-store';

/** A test event whose version 1 named a school `title`, version 2 `name`. */
type SchoolOpened = { type: 'SchoolOpened'; data: { schoolId: string; name: string } };
const contracts: EventContracts<SchoolOpened> = {
  SchoolOpened: {
    effectiveOn: () => null,
    concerns: (d) => [{ kind: 'institution', id: d.schoolId }],
    describe: (d) => ({ uk: d.name, ru: d.name, en: d.name }),
    version: 2,
    upcasters: { 1: upcaster<{ schoolId: string; title: string }, SchoolOpened['data']>(({ schoolId, title }) => ({ schoolId, name: title })) },
  },
};
const registry = UpcasterRegistry.of(contracts);

const tempDir = () => mkdtemp(join(tmpdir(), 'okrug-upcasting-'));

// The wrapper is an event store like any other: the whole contract holds through it.
eventStoreContract(
  'upcastingEventStore over SqliteEventStore',
  async () => {
    const dir = await tempDir();
    const file = join(dir, 'okrug.db');
    const open: SqliteEventStore[] = [await SqliteEventStore.open({ file })];
    return {
      store: upcastingEventStore(open[0], registry),
      reopen: async () => {
        await open[open.length - 1].close();
        open.push(await SqliteEventStore.open({ file }));
        return upcastingEventStore(open[open.length - 1], registry);
      },
      cleanup: async () => {
        for (const store of open) await store.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  },
  { gapless: true },
);

const event = (data: Record<string, unknown>, schemaVersion: number): NewEvent => ({
  id: randomUUID(),
  type: 'SchoolOpened',
  data,
  metadata: {
    actor: { id: 'tester', role: 'admin' },
    department: 'dep',
    correlationId: randomUUID(),
    causationId: randomUUID(),
    commandId: randomUUID(),
    source: 'system',
    recordedAt: new Date().toISOString(),
    schemaVersion,
  },
});

describe('upcastingEventStore', () => {
  let dir: string;
  let raw: SqliteEventStore;
  let store: EventStore;

  beforeEach(async () => {
    dir = await tempDir();
    raw = await SqliteEventStore.open({ file: join(dir, 'okrug.db') });
    store = upcastingEventStore(raw, registry);
    await raw.append('school-1', [event({ schoolId: '1', title: 'Ліцей № 1' }, 1)], { expectedRevision: 'no_stream' });
  });

  afterEach(async () => {
    await raw.close();
    await rm(dir, { recursive: true, force: true });
  });

  const today = (events: RecordedEvent[]) => events.map((e) => [e.data, e.metadata.schemaVersion]);

  it('upcasts what a stream, the global log and the live follow give', async () => {
    expect(today(await store.readStream('school-1'))).toEqual([[{ schoolId: '1', name: 'Ліцей № 1' }, 2]]);
    expect(today(await store.readAll({ after: 0, maxCount: 10 }))).toEqual([[{ schoolId: '1', name: 'Ліцей № 1' }, 2]]);
    const controller = new AbortController();
    const followed: RecordedEvent[] = [];
    for await (const e of store.follow({ after: 0, signal: controller.signal })) {
      followed.push(e);
      if (followed.length === 1) await raw.append('school-2', [event({ schoolId: '2', title: 'Ліцей № 2' }, 1)], { expectedRevision: 'no_stream' });
      else controller.abort();
    }
    expect(today(followed)).toEqual([
      [{ schoolId: '1', name: 'Ліцей № 1' }, 2],
      [{ schoolId: '2', name: 'Ліцей № 2' }, 2],
    ]);
  });

  it('records what is appended, to one stream or several, at the version of today', async () => {
    await store.append('school-3', [event({ schoolId: '3', name: 'Ліцей № 3' }, 1)], { expectedRevision: 'no_stream' });
    await store.appendMany([{ streamId: 'school-4', events: [event({ schoolId: '4', name: 'Ліцей № 4' }, 1)], expectedRevision: 'no_stream' }]);
    expect(today([...(await raw.readStream('school-3')), ...(await raw.readStream('school-4'))])).toEqual([
      [{ schoolId: '3', name: 'Ліцей № 3' }, 2],
      [{ schoolId: '4', name: 'Ліцей № 4' }, 2],
    ]);
  });
});
