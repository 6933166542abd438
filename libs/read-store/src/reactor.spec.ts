import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NewEvent, RecordedEvent } from '@app/kernel';
import { InProcessJobQueue } from '@app/jobs';
import { SqliteEventStore } from '@app/event-store/embedded/sqlite-event-store';
import { SqliteReadStore } from './embedded/sqlite-read-store';
import { Projection } from './projection';
import { ProjectionRunner, ProjectionRunnerOptions, waitForCheckpoint } from './projection-runner';
import { Reactor, reactionEventId, reactionJobId } from './reactor';
import { Document, DocumentWrite, ReadStore } from './read-store.port';
import { testEvent } from './testing/test-event';

const newEvent = testEvent;

interface Counter extends Document {
  count: number;
}

/** A projection beside the reactors, to show it is not held back by them. */
const counter: Projection<Counter> = {
  name: 'event-counter',
  collection: 'counters',
  handles: ['SchoolOpened', 'Tick', 'Boom'],
  documentId: () => 'all',
  evolve: (doc) => ({ id: 'all', count: (doc?.count ?? 0) + 1 }),
};

const LETTERS = 'greeting-letters';
const greetingStream = (schoolId: string) => `greeting-${schoolId}`;

/** Records every call, per event id, so that a second sight of an event shows. */
const greeter = (seen: Map<string, number>): Reactor => ({
  name: 'GreetOnSchoolOpened',
  handles: ['SchoolOpened'],
  react: async (event, reaction) => {
    seen.set(event.id, (seen.get(event.id) ?? 0) + 1);
    const { schoolId } = event.data as { schoolId: string };
    await reaction.append(greetingStream(schoolId), [{ type: 'SchoolGreeted', data: { schoolId } }], { expectedRevision: 'any' });
    await reaction.addJob(LETTERS, { schoolId });
  },
});

const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const until = async (what: string, condition: () => boolean | Promise<boolean>): Promise<void> => {
  for (let i = 0; i < 1000; i++) {
    if (await condition()) return;
    await sleep(5);
  }
  throw new Error(`never happened: ${what}`);
};

describe('reactors on the feed', () => {
  let dir: string;
  let eventStore: SqliteEventStore;
  let readStore: SqliteReadStore;
  let jobs: InProcessJobQueue;
  let runners: ProjectionRunner[];

  const runner = (options: Partial<ProjectionRunnerOptions>): ProjectionRunner => {
    const made = new ProjectionRunner({
      eventStore,
      readStore,
      projections: [counter],
      reactorEnvironment: { jobs },
      logger: quiet,
      ...options,
    });
    runners.push(made);
    return made;
  };
  const append = async (...events: NewEvent[]): Promise<number> =>
    (await eventStore.append(`stream-${randomUUID()}`, events, { expectedRevision: 'any' })).position;
  const openSchools = async (n: number): Promise<RecordedEvent[]> => {
    for (let i = 1; i <= n; i++) await append(newEvent('SchoolOpened', { schoolId: `s${i}` }));
    return (await eventStore.readAll({ after: 0, maxCount: 1000 })).filter((e) => e.type === 'SchoolOpened');
  };

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'okrug-reactors-'));
    // The embedded store, which takes a repeated append of the same event ids as done.
    eventStore = await SqliteEventStore.open({ file: join(dir, 'okrug.sqlite'), pollIntervalMs: 20 });
    readStore = await SqliteReadStore.open({ file: join(dir, 'okrug.sqlite') });
    jobs = new InProcessJobQueue();
    runners = [];
  });

  afterEach(async () => {
    for (const made of runners) await made.stop();
    await jobs.close();
    await readStore.close();
    await eventStore.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reacts to each event it handles, with effects derived from the event, and keeps its own checkpoint', async () => {
    const seen = new Map<string, number>();
    const opened = await openSchools(3);
    const head = await append(newEvent('Tick'));
    const running = runner({ reactors: [greeter(seen)] });
    await running.start();
    await running.waitFor(head, { projections: ['GreetOnSchoolOpened', 'event-counter'], timeoutMs: 5000 });

    expect([...seen.values()]).toEqual([1, 1, 1]);
    for (const cause of opened) {
      const [greeted] = await eventStore.readStream(greetingStream((cause.data as { schoolId: string }).schoolId));
      expect(greeted).toMatchObject({
        id: reactionEventId('GreetOnSchoolOpened', cause, 0),
        type: 'SchoolGreeted',
        metadata: {
          actor: { id: 'GreetOnSchoolOpened', role: 'system' },
          department: 'dept-1',
          correlationId: cause.metadata.correlationId,
          causationId: cause.id,
          source: 'system',
        },
      });
      expect(await jobs.status(LETTERS, reactionJobId('GreetOnSchoolOpened', cause, LETTERS))).toMatchObject({ payload: { schoolId: (cause.data as { schoolId: string }).schoolId } });
    }
    // Its checkpoint is in the read store, where a process that only waits finds it.
    await waitForCheckpoint(readStore, ['GreetOnSchoolOpened'], head, 1000);
    // Its own appends came after the head it was waited for: it passes them too, and goes live.
    await running.waitFor(await eventStore.headPosition(), { projections: ['GreetOnSchoolOpened'], timeoutMs: 5000 });
    await until('the reactor is live', async () => (await running.reactorStatus())[0].state === 'live');
    expect(await running.reactorStatus()).toEqual([expect.objectContaining({ name: 'GreetOnSchoolOpened', lag: 0 })]);
    // Not a projection: status, waitFor's default and rebuilds leave it out.
    expect((await running.status()).map((s) => s.name)).toEqual(['event-counter']);
    await expect(running.rebuild('GreetOnSchoolOpened')).rejects.toThrow(/no projection/);
  });

  it('sees an event again when its checkpoint did not move (a crash), and what it wrote is not written twice', async () => {
    const seen = new Map<string, number>();
    const opened = await openSchools(3);
    const head = await append(newEvent('Tick'));
    // The reactions are done, then the process dies before the reactor's checkpoint is stored.
    const crashing = new Proxy(readStore, {
      get: (target, key) =>
        key === 'commit'
          ? async (name: string, generation: number, position: number, writes: DocumentWrite[]) => {
              if (name === 'GreetOnSchoolOpened') throw new Error('connection lost');
              return target.commit(name, generation, position, writes);
            }
          : (target as never)[key],
    }) as ReadStore;
    const first = runner({ readStore: crashing, reactors: [greeter(seen)] });
    await first.start();
    await until('the reactor stopped', async () => (await first.reactorStatus())[0].state === 'failed');
    await first.stop();
    expect([...seen.values()]).toEqual([1, 1, 1]);
    expect(await readStore.checkpoint('GreetOnSchoolOpened')).toBeNull();

    const second = runner({ reactors: [greeter(seen)] });
    await second.start();
    await second.waitFor(head, { projections: ['GreetOnSchoolOpened'], timeoutMs: 5000 });
    // At least once: every event came again...
    expect([...seen.values()]).toEqual([2, 2, 2]);
    // ...and each effect is there once.
    for (const cause of opened) {
      expect(await eventStore.readStream(greetingStream((cause.data as { schoolId: string }).schoolId))).toHaveLength(1);
    }
    expect((await readStore.checkpoint('GreetOnSchoolOpened'))!.position).toBeGreaterThanOrEqual(head);
  });

  it('tries a reaction that throws again, with a wait, and goes on when it succeeds', async () => {
    let tries = 0;
    const flaky: Reactor = {
      name: 'RecordOnTick',
      handles: ['Tick'],
      attempts: 3,
      backoffMs: 1,
      react: async () => {
        if (++tries < 3) throw new Error('queue unreachable');
      },
    };
    const head = await append(newEvent('Tick'));
    const running = runner({ reactors: [flaky] });
    await running.start();
    await running.waitFor(head, { projections: ['RecordOnTick'], timeoutMs: 5000 });
    expect(tries).toBe(3);
    await until('the reactor is live', async () => (await running.reactorStatus())[0].state === 'live');
    expect((await running.reactorStatus())[0]).toMatchObject({ position: head });
  });

  it('fails alone when every try failed: its checkpoint stays before that event, and the next start tries it again', async () => {
    const reacted: number[] = [];
    const fragile = (broken: boolean): Reactor => ({
      name: 'RecordOnBoom',
      handles: ['Tick', 'Boom'],
      attempts: 2,
      backoffMs: 1,
      react: async (event) => {
        if (broken && event.type === 'Boom') throw new Error('cannot record Boom');
        reacted.push(event.position);
      },
    });
    await append(newEvent('Tick'));
    const boom = await append(newEvent('Boom'));
    const head = await append(newEvent('Tick'));
    const errors: unknown[] = [];
    const first = runner({ reactors: [fragile(true)], logger: { ...quiet, error: (m: unknown) => errors.push(m) } });
    await first.start();
    await until('the reactor failed', async () => (await first.reactorStatus())[0].state === 'failed');
    expect((await first.reactorStatus())[0]).toMatchObject({ state: 'failed', error: 'cannot record Boom', position: boom - 1 });
    expect(await readStore.checkpoint('RecordOnBoom')).toMatchObject({ position: boom - 1 });
    expect(errors).toContainEqual(expect.objectContaining({ msg: 'reactor failed', reactor: 'RecordOnBoom' }));
    // The projection beside it went on to the head.
    await first.waitFor(head, { timeoutMs: 5000 });
    expect((await first.status())[0]).toMatchObject({ state: 'live', position: head });
    await first.stop();
    expect(reacted).toEqual([1]);

    const second = runner({ reactors: [fragile(false)] });
    await second.start();
    await second.waitFor(head, { projections: ['RecordOnBoom'], timeoutMs: 5000 });
    expect(reacted).toEqual([1, boom, head]);
  });

  it('stops during the wait before a retry without failing, and leaves that event for the next start', async () => {
    let tries = 0;
    const stubborn: Reactor = {
      name: 'RecordOnTick',
      handles: ['Tick'],
      backoffMs: 60_000,
      react: async () => {
        tries++;
        throw new Error('not now');
      },
    };
    await append(newEvent('Tick'));
    const running = runner({ reactors: [stubborn] });
    await running.start();
    await until('the first try', () => tries === 1);
    await running.stop();
    expect((await running.reactorStatus())[0]).toMatchObject({ state: 'stopped', position: 0 });
    expect((await running.reactorStatus())[0].error).toBeUndefined();
  });

  it('refuses a reactor not named <Action>On<Event>, and a name another processor has', () => {
    const base = { handles: ['Tick'], react: async () => undefined };
    expect(() => runner({ reactors: [{ ...base, name: 'tick-recorder' }] })).toThrow(/<Action>On<Event>/);
    expect(() => runner({ reactors: [{ ...base, name: 'RecordOnTick' }, { ...base, name: 'RecordOnTick' }] })).toThrow(/two processors/);
  });
});
