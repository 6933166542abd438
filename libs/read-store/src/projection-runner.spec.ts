import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NewEvent, NotYetConsistent } from '@app/kernel';
import { EventStore } from '@app/event-store/event-store.port';
import { SqliteEventStore } from '@app/event-store/embedded/sqlite-event-store';
import { SqliteReadStore } from './embedded/sqlite-read-store';
import { Projection } from './projection';
import { ProjectionRunner, ProjectionRunnerOptions, waitForCheckpoint } from './projection-runner';
import { Document, DocumentWrite, ReadStore } from './read-store.port';
import { InMemoryEventStore } from './testing/in-memory-event-store';
import { testEvent } from './testing/test-event';

const newEvent = testEvent;

interface School extends Document {
  name: string;
  renames: number;
  district: string;
}

const schools: Projection<School> = {
  name: 'school-list',
  collection: 'schools',
  handles: ['SchoolOpened', 'SchoolRenamed', 'SchoolClosed'],
  documentId: (event) => (event.data as { schoolId: string }).schoolId,
  evolve: (doc, event) => {
    const data = event.data as { schoolId: string; name?: string; district?: string };
    switch (event.type) {
      case 'SchoolOpened':
        return { id: data.schoolId, name: data.name!, district: data.district!, renames: 0 };
      case 'SchoolRenamed':
        return doc && { ...doc, name: data.name!, renames: doc.renames + 1 };
      case 'SchoolClosed':
        return null;
      default:
        return doc;
    }
  },
};

interface Counter extends Document {
  count: number;
  positions: number[];
}

/** Counts every event it sees, and remembers their positions, so a double application shows. */
const counter: Projection<Counter> = {
  name: 'event-counter',
  collection: 'counters',
  handles: ['SchoolOpened', 'SchoolRenamed', 'SchoolClosed', 'Tick'],
  documentId: () => 'all',
  evolve: (doc, event) => ({
    id: 'all',
    count: (doc?.count ?? 0) + 1,
    positions: [...(doc?.positions ?? []), event.position],
  }),
};

/** Throws on 'Boom' events. */
const fragile: Projection<Counter> = {
  name: 'fragile',
  collection: 'fragile',
  handles: ['Tick', 'Boom'],
  documentId: () => 'all',
  evolve: (doc, event) => {
    if (event.type === 'Boom') throw new Error('cannot digest Boom');
    return { id: 'all', count: (doc?.count ?? 0) + 1, positions: [] };
  },
};

const quietLogger = { log: () => undefined, warn: () => undefined, error: () => undefined };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Harness {
  eventStore: EventStore;
  readStore: SqliteReadStore;
  file: string;
  runners: ProjectionRunner[];
  runner(options?: Partial<ProjectionRunnerOptions>): ProjectionRunner;
  append(...events: NewEvent[]): Promise<number>;
}

const runnerSuite = (label: string, openEventStore: (file: string) => Promise<EventStore>) => {
  describe(`ProjectionRunner on ${label}`, () => {
    let dir: string;
    let h: Harness;

    beforeEach(async () => {
      dir = mkdtempSync(join(tmpdir(), 'okrug-projections-'));
      const file = join(dir, 'okrug.sqlite');
      const eventStore = await openEventStore(file);
      const readStore = await SqliteReadStore.open({ file });
      const runners: ProjectionRunner[] = [];
      h = {
        eventStore,
        readStore,
        file,
        runners,
        runner: (options = {}) => {
          const runner = new ProjectionRunner({
            eventStore,
            readStore,
            projections: [schools, counter],
            logger: quietLogger,
            ...options,
          });
          runners.push(runner);
          return runner;
        },
        append: async (...events) => (await eventStore.append(`stream-${randomUUID()}`, events, { expectedRevision: 'any' })).position,
      };
    });

    afterEach(async () => {
      for (const runner of h.runners) await runner.stop();
      await h.readStore.close();
      await h.eventStore.close();
      rmSync(dir, { recursive: true, force: true });
    });

    const openSchools = async (n: number, prefix = 's') => {
      let position = 0;
      for (let i = 1; i <= n; i++) {
        position = await h.append(newEvent('SchoolOpened', { schoolId: `${prefix}${i}`, name: `Школа № ${i}`, district: i % 2 ? 'Северный' : 'Южный' }));
      }
      return position;
    };

    it('with its commits on the read store’s writer thread, starts each batch from the documents the last one wrote', async () => {
      const head = await h.append(...Array.from({ length: 300 }, () => newEvent('Tick', {})));
      const readStore = await SqliteReadStore.open({ file: h.file, writerThreadMinWrites: 0 });
      try {
        const runner = h.runner({ readStore, projections: [counter], batchSize: 7 });
        await runner.start();
        await runner.waitFor(head, { timeoutMs: 10_000 });
        const all = await readStore.get('counters', 'all');
        expect(all?.count).toBe(300);
        expect(all?.positions).toEqual(Array.from({ length: 300 }, (_, i) => head - 299 + i));
        await runner.stop();
      } finally {
        await readStore.close();
      }
    });

    it('fails a projection whose commit failed, and commits nothing of it past that batch', async () => {
      const head = await h.append(...Array.from({ length: 50 }, () => newEvent('Tick', {})));
      let commits = 0;
      const readStore = Object.create(h.readStore) as SqliteReadStore;
      readStore.commit = (projection, generation, position, writes) => {
        if (projection === 'event-counter' && ++commits === 3) return Promise.reject(new Error('disk full'));
        return h.readStore.commit(projection, generation, position, writes);
      };
      const runner = h.runner({ readStore, projections: [counter], batchSize: 10 });
      await runner.start();
      await expect(runner.waitFor(head, { timeoutMs: 500 })).rejects.toBeInstanceOf(NotYetConsistent);
      const status = (await runner.status()).find((s) => s.name === 'event-counter');
      expect(status).toMatchObject({ state: 'failed', error: 'disk full', position: head - 30 });
      expect((await h.readStore.checkpoint('event-counter'))?.position).toBe(head - 30);
      expect((await h.readStore.get('counters', 'all'))?.count).toBe(20);
    });

    it('moves an idle projection’s checkpoint in memory while catching up, and stores it once live', async () => {
      const ticks = Array.from({ length: 400 }, () => newEvent('Tick', {}));
      const head = await h.append(...ticks);
      const stored: number[] = [];
      const readStore = Object.create(h.readStore) as SqliteReadStore;
      readStore.commit = (projection, generation, position, writes) => {
        if (projection === 'school-list') stored.push(position);
        return h.readStore.commit(projection, generation, position, writes);
      };
      const runner = h.runner({ readStore, batchSize: 10 });
      await runner.start();
      await runner.waitFor(head, { timeoutMs: 5000 });
      // 40 batches, none with a school in it: not 40 commits of an unchanged read model.
      await waitForCheckpoint(h.readStore, ['school-list'], head, 5000);
      expect(stored.length).toBeLessThan(5);
      expect(stored[stored.length - 1]).toBe(head);
      expect((await runner.status()).find((s) => s.name === 'school-list')).toMatchObject({ state: 'live', position: head });
      // Live, each batch is stored as it comes, written or not.
      const tick = await h.append(newEvent('Tick', {}));
      await waitForCheckpoint(h.readStore, ['school-list'], tick, 5000);
      const opened = await openSchools(1, 'idle');
      await waitForCheckpoint(h.readStore, ['school-list'], opened, 5000);
      expect(await h.readStore.count('schools')).toBe(1);
    });

    it('catches up on the log, in batches, and advances past events it does not handle', async () => {
      await openSchools(7);
      await h.append(newEvent('SchoolRenamed', { schoolId: 's2', name: 'Гимназия' }), newEvent('SchoolClosed', { schoolId: 's3' }));
      const head = await h.append(newEvent('SomethingElse', {}));
      const runner = h.runner({ batchSize: 3 });
      await runner.start();
      await runner.waitFor(head, { timeoutMs: 5000 });

      expect(await h.readStore.count('schools')).toBe(6);
      expect(await h.readStore.get('schools', 's2')).toEqual({ id: 's2', name: 'Гимназия', district: 'Южный', renames: 1 });
      expect(await h.readStore.get('schools', 's3')).toBeNull();
      expect(await h.readStore.find('schools', { where: { name: { contains: 'школа' }, district: 'Северный' } })).toHaveLength(3);
      expect(await h.readStore.checkpoint('school-list')).toEqual({ projection: 'school-list', generation: 1, position: head });
      expect((await h.readStore.get('counters', 'all'))?.count).toBe(9);

      const status = await runner.status();
      expect(status.map((s) => [s.name, s.generation, s.position, s.head, s.lag])).toEqual([
        ['school-list', 1, head, head, 0],
        ['event-counter', 1, head, head, 0],
      ]);
    });

    it('resumes from its checkpoint after a restart, applying each event exactly once', async () => {
      await openSchools(10);
      const first = h.runner({ batchSize: 4 });
      await first.start();
      await first.waitFor(10, { timeoutMs: 5000 });
      await first.stop();
      expect((await first.status()).every((s) => s.state === 'stopped')).toBe(true);

      const head = await openSchools(5, 'late');
      const second = h.runner({ batchSize: 3 });
      await second.start();
      await second.waitFor(head, { timeoutMs: 5000 });
      const doc = (await h.readStore.get('counters', 'all')) as Counter;
      expect(doc.count).toBe(15);
      expect(doc.positions).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));

      // The same runner again: stop and start once more, with nothing new.
      await second.stop();
      await second.start();
      await second.waitFor(head, { timeoutMs: 5000 });
      expect(((await h.readStore.get('counters', 'all')) as Counter).count).toBe(15);
    });

    it('does not apply an event twice when a commit was cut short between documents and checkpoint', async () => {
      const head = await openSchools(10);
      // A store that, like a non-transactional one cut short, wrote the documents of the first
      // batch but kept the checkpoint at 1.
      let cut = false;
      const crashing: ReadStore = Object.create(h.readStore) as ReadStore;
      crashing.commit = async (projection: string, generation: number, position: number, writes: DocumentWrite[]) => {
        if (!cut && projection === counter.name) {
          cut = true;
          await h.readStore.commit(projection, generation, 1, writes);
          throw new Error('connection lost');
        }
        return h.readStore.commit(projection, generation, position, writes);
      };
      const first = h.runner({ readStore: crashing, projections: [counter], batchSize: 6 });
      await first.start();
      await expect(first.waitFor(head, { timeoutMs: 300 })).rejects.toBeInstanceOf(NotYetConsistent);
      expect((await first.status())[0]).toMatchObject({ state: 'failed', error: 'connection lost', position: 0 });
      expect((await h.readStore.checkpoint(counter.name))?.position).toBe(1);
      await first.stop();

      const second = h.runner({ projections: [counter], batchSize: 4 });
      await second.start();
      await second.waitFor(head, { timeoutMs: 5000 });
      const doc = (await h.readStore.get('counters', 'all')) as Counter;
      expect(doc.positions).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
    });

    it('follows live events', async () => {
      const runner = h.runner();
      await runner.start();
      const position = await openSchools(3);
      await runner.waitFor(position, { timeoutMs: 5000 });
      expect((await runner.status()).map((s) => s.state)).toEqual(['live', 'live']);
      expect(await h.readStore.count('schools')).toBe(3);

      const renamed = await h.append(newEvent('SchoolRenamed', { schoolId: 's1', name: 'Лицей № 1' }));
      await runner.waitFor(renamed, { projections: ['school-list'], timeoutMs: 5000 });
      expect((await h.readStore.get('schools', 's1'))?.name).toBe('Лицей № 1');
    });

    it('groups live events into batches and commits what it holds when stopped', async () => {
      const runner = h.runner({ projections: [counter], liveIdleMs: 60_000, liveMaxDelayMs: 60_000, liveBatchSize: 1000 });
      await runner.start();
      await runner.waitFor(0, { timeoutMs: 1000 });
      await sleep(20);
      const head = await openSchools(5);
      await sleep(100);
      // Held in the open batch: nothing committed yet.
      expect(await h.readStore.checkpoint(counter.name)).toBeNull();
      await runner.stop();
      expect((await h.readStore.checkpoint(counter.name))?.position).toBe(head);
      expect(((await h.readStore.get('counters', 'all')) as Counter).count).toBe(5);
    });

    it('waits for a position, and gives up with NotYetConsistent', async () => {
      const head = await openSchools(2);
      const runner = h.runner();
      const waiting = runner.waitFor(head, { timeoutMs: 5000 });
      await runner.start();
      await waiting;

      const started = Date.now();
      const failure = await runner.waitFor(head + 5, { projections: ['school-list'], timeoutMs: 150 }).catch((e) => e);
      expect(failure).toBeInstanceOf(NotYetConsistent);
      expect(failure).toMatchObject({ wanted: head + 5, reached: head, projection: 'school-list' });
      expect(Date.now() - started).toBeGreaterThanOrEqual(140);

      // Another process: only the read store to look at.
      const other = await SqliteReadStore.open({ file: h.file });
      try {
        const next = head + 1;
        const waitingElsewhere = waitForCheckpoint(other, ['school-list', 'event-counter'], next, 5000);
        await h.append(newEvent('Tick', {}));
        await waitingElsewhere;
        await expect(waitForCheckpoint(other, ['school-list'], next + 1, 100)).rejects.toBeInstanceOf(NotYetConsistent);
        await expect(waitForCheckpoint(other, ['unknown-projection'], 1, 50)).rejects.toMatchObject({ projection: 'unknown-projection', reached: 0 });
      } finally {
        await other.close();
      }
    });

    it('rebuilds into a new generation while reads keep working, then swaps', async () => {
      await openSchools(40);
      for (let i = 1; i <= 40; i += 3) await h.append(newEvent('SchoolRenamed', { schoolId: `s${i}`, name: `Переименована ${i}` }));
      const head = await h.append(newEvent('SchoolClosed', { schoolId: 's2' }));
      const runner = h.runner({ batchSize: 7 });
      await runner.start();
      await runner.waitFor(head, { timeoutMs: 5000 });
      const sort = [{ field: 'id', direction: 'asc' as const }];
      const before = await h.readStore.find('schools', { sort });
      expect(before).toHaveLength(39);

      // Readers during the rebuild always see a whole read model; writers keep writing.
      let reading = true;
      const seen = new Set<number>();
      const readers = (async () => {
        while (reading) {
          seen.add(await h.readStore.count('schools'));
          await sleep(1);
        }
      })();
      const rebuilding = runner.rebuild('school-list');
      const during = await h.append(newEvent('SchoolOpened', { schoolId: 'x1', name: 'Новая школа', district: 'Южный' }));
      const result = await rebuilding;
      reading = false;
      await readers;

      expect(result).toMatchObject({ projection: 'school-list', generation: 2 });
      expect(result.position).toBeGreaterThanOrEqual(head);
      expect(result.events).toBeGreaterThanOrEqual(head);
      expect(await h.readStore.activeGeneration('school-list')).toBe(2);
      await runner.waitFor(during, { timeoutMs: 5000 });
      expect([...seen].every((n) => n === 39 || n === 40)).toBe(true);

      const after = await h.readStore.find('schools', { sort });
      expect(after.filter((doc) => doc.id !== 'x1')).toEqual(before);
      expect(after.find((doc) => doc.id === 'x1')).toMatchObject({ name: 'Новая школа' });
      expect(await h.readStore.checkpoint('school-list', 1)).toBeNull();
      expect((await h.readStore.loadDocuments('schools', 1, ['s1'])).size).toBe(0);

      // The new generation follows live; the counter was untouched by the rebuild.
      const later = await h.append(newEvent('SchoolRenamed', { schoolId: 'x1', name: 'Школа «Новая»' }));
      await runner.waitFor(later, { timeoutMs: 5000 });
      expect((await h.readStore.get('schools', 'x1'))?.name).toBe('Школа «Новая»');
      expect(((await h.readStore.get('counters', 'all')) as Counter).count).toBe(later);
      const status = (await runner.status()).find((s) => s.name === 'school-list');
      expect(status).toMatchObject({ generation: 2, position: later, state: 'live' });
    });

    it('rebuilds a projection that is not running', async () => {
      const head = await openSchools(4);
      const runner = h.runner();
      const result = await runner.rebuild('school-list');
      expect(result).toEqual({ projection: 'school-list', generation: 2, position: head, events: head });
      expect(await h.readStore.count('schools')).toBe(4);
      expect((await runner.status()).find((s) => s.name === 'school-list')?.state).toBe('stopped');
    });

    it('joins a rebuild under way rather than failing or starting another', async () => {
      await openSchools(30);
      const runner = h.runner({ batchSize: 4 });
      await runner.start();
      const [a, b] = await Promise.all([runner.rebuild('school-list'), runner.rebuild('school-list')]);
      expect(a).toEqual(b);
      expect(a.generation).toBe(2);
      expect(await h.readStore.activeGeneration('school-list')).toBe(2);
    });

    it('keeps the copy of a rebuild that a stop cut short, and the next start resumes and swaps it', async () => {
      await openSchools(60);
      const head = await h.append(newEvent('SchoolRenamed', { schoolId: 's7', name: 'Ліцей' }));
      const warm = h.runner();
      await warm.start();
      await warm.waitFor(head, { timeoutMs: 5000 });
      const sort = [{ field: 'id', direction: 'asc' as const }];
      const before = await h.readStore.find('schools', { sort });
      await warm.stop();

      // The store as it is, except that the first commit of the new copy stops the runner.
      let cut: ProjectionRunner | undefined;
      const cutting = new Proxy(h.readStore, {
        get: (target, key) =>
          key === 'commit'
            ? async (projection: string, generation: number, position: number, writes: DocumentWrite[]) => {
                await target.commit(projection, generation, position, writes);
                if (projection === 'school-list' && generation === 2 && cut) void cut.stop();
              }
            : (target as never)[key],
      }) as ReadStore;
      const first = h.runner({ readStore: cutting, batchSize: 5 });
      cut = first;
      await first.start();
      await expect(first.rebuild('school-list')).rejects.toThrow(/stopped/);
      expect(await h.readStore.activeGeneration('school-list')).toBe(1);
      const left = await h.readStore.checkpoint('school-list', 2);
      expect(left?.position).toBeGreaterThan(0);
      expect(left!.position).toBeLessThan(head);

      const logs: unknown[] = [];
      const second = h.runner({ batchSize: 5, logger: { ...quietLogger, log: (m: unknown) => logs.push(m) } });
      await second.start();
      for (let i = 0; i < 500 && (await h.readStore.activeGeneration('school-list')) !== 2; i++) await sleep(5);
      expect(await h.readStore.activeGeneration('school-list')).toBe(2);
      expect(logs).toContainEqual(expect.objectContaining({ msg: 'resuming an interrupted rebuild', generation: 2, position: left!.position }));
      // Resumed, not started over: it read only what came after the copy's checkpoint.
      expect(logs).toContainEqual(expect.objectContaining({ msg: 'projection rebuilt', events: head - left!.position }));
      expect(await h.readStore.find('schools', { sort })).toEqual(before);
      expect(await h.readStore.checkpoint('school-list', 1)).toBeNull();
      expect((await h.readStore.loadDocuments('schools', 1, ['s1'])).size).toBe(0);
    });

    it('drops the copy of a rebuild that failed', async () => {
      await h.append(newEvent('Tick', {}));
      await h.append(newEvent('Tick', {}));
      await h.append(newEvent('Boom', {}));
      const runner = h.runner({ projections: [fragile], batchSize: 1 });
      await expect(runner.rebuild('fragile')).rejects.toThrow('cannot digest Boom');
      expect(await h.readStore.checkpoint('fragile', 2)).toBeNull();
      expect((await h.readStore.loadDocuments('fragile', 2, ['all'])).size).toBe(0);
      expect(await h.readStore.activeGeneration('fragile')).toBe(1);
    });

    it('on start drops a replaced copy that a crash after the swap left behind', async () => {
      const head = await openSchools(5);
      const runner = h.runner();
      await runner.start();
      await runner.waitFor(head, { timeoutMs: 5000 });
      await runner.stop();
      // What a crash between activating generation 2 and dropping generation 1 leaves.
      const doc = (await h.readStore.get('schools', 's1'))!;
      await h.readStore.commit('school-list', 2, head, [{ op: 'put', collection: 'schools', doc, position: head }]);
      await h.readStore.activate('school-list', 2, ['schools']);
      expect(await h.readStore.checkpoint('school-list', 1)).not.toBeNull();

      await h.runner().start();
      expect(await h.readStore.checkpoint('school-list', 1)).toBeNull();
      expect((await h.readStore.loadDocuments('schools', 1, ['s1'])).size).toBe(0);
      expect(await h.readStore.get('schools', 's1')).toEqual(doc);
    });

    it('isolates a failing projection', async () => {
      const errors: unknown[] = [];
      const runner = h.runner({
        projections: [fragile, schools, counter],
        logger: { ...quietLogger, error: (message: unknown) => errors.push(message) },
      });
      await runner.start();
      const tick = await h.append(newEvent('Tick', {}));
      await runner.waitFor(tick, { timeoutMs: 5000 });
      const boom = await h.append(newEvent('Boom', {}));
      const after = await openSchools(2);

      await runner.waitFor(after, { projections: ['school-list', 'event-counter'], timeoutMs: 5000 });
      await expect(runner.waitFor(boom, { projections: ['fragile'], timeoutMs: 200 })).rejects.toBeInstanceOf(NotYetConsistent);
      const status = await runner.status();
      expect(status.find((s) => s.name === 'fragile')).toMatchObject({ state: 'failed', error: 'cannot digest Boom', position: boom - 1 });
      expect(status.find((s) => s.name === 'school-list')).toMatchObject({ state: 'live', position: after });
      expect(errors.length).toBeGreaterThanOrEqual(1);
      expect(await h.readStore.count('schools')).toBe(2);
      expect((await h.readStore.get('fragile', 'all'))?.count).toBe(1);
    });
  });
};

runnerSuite('an in-memory event store', async () => new InMemoryEventStore());
runnerSuite('the embedded SQLite event store', async (file) => SqliteEventStore.open({ file, pollIntervalMs: 20 }));

describe('ProjectionRunner construction', () => {
  it('refuses two projections with one name', () => {
    const twin: Projection<any> = { ...counter };
    expect(
      () => new ProjectionRunner({ eventStore: new InMemoryEventStore(), readStore: {} as ReadStore, projections: [counter, twin] }),
    ).toThrow(/two projections/);
  });
});
