import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NewEvent, streamName } from '@app/kernel';
import { eventStoreContract } from './event-store.contract';
import { EventStore, WrongExpectedRevision } from './event-store.port';
import { SqliteEventStore } from './embedded/sqlite-event-store';
import { LegacyStreamNames } from './legacy-stream-names';

const tempDir = () => mkdtemp(join(tmpdir(), 'okrug-legacy-names-'));

// The whole port's contract, with every stream looked up under an old name first (none exists).
eventStoreContract('LegacyStreamNames over SqliteEventStore', async () => {
  const dir = await tempDir();
  const file = join(dir, 'okrug.db');
  const wrap = (inner: EventStore) => new LegacyStreamNames(inner, { legacyNameOf: (id) => ({ name: `old:${id}` }) });
  const open: EventStore[] = [wrap(await SqliteEventStore.open({ file }))];
  return {
    store: open[0],
    reopen: async () => {
      await open[open.length - 1].close();
      open.push(wrap(await SqliteEventStore.open({ file })));
      return open[open.length - 1];
    },
    cleanup: async () => {
      for (const store of open) await store.close().catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
});

const event = (type: string, data: Record<string, unknown> = {}): NewEvent => ({
  id: randomUUID(),
  type,
  data,
  metadata: {
    actor: { id: 'tester', role: 'admin' },
    department: 'bakhmut',
    correlationId: randomUUID(),
    causationId: randomUUID(),
    commandId: randomUUID(),
    source: 'system',
    recordedAt: new Date().toISOString(),
    schemaVersion: 1,
  },
});

describe('LegacyStreamNames: streams recorded under the old names', () => {
  let dir: string;
  let raw: SqliteEventStore;
  let store: LegacyStreamNames;
  const institutionId = '0190a1b2-0000-7000-8000-000000000001';

  beforeEach(async () => {
    dir = await tempDir();
    raw = await SqliteEventStore.open({ file: join(dir, 'okrug.db') });
    store = new LegacyStreamNames(raw);
    // What the version before distinct categories recorded.
    await raw.append(`institution-${institutionId}`, [event('InstitutionRegistered'), event('InstitutionRenamed')], { expectedRevision: 'no_stream' });
    await raw.append('institution-code-ab12', [event('ExternalCodeClaimed')], { expectedRevision: 'no_stream' });
    await raw.append('department-calendar-bakhmut', [event('AcademicYearStartSet')], { expectedRevision: 'no_stream' });
  });
  afterEach(async () => {
    await raw.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('reads an old stream under its name of today, in full and in part', async () => {
    const institution = streamName('Institution', institutionId);
    expect((await store.readStream(institution)).map((e) => e.type)).toEqual(['InstitutionRegistered', 'InstitutionRenamed']);
    expect((await store.readStream(institution, { direction: 'backwards', maxCount: 1 })).map((e) => e.type)).toEqual(['InstitutionRenamed']);
    expect(await store.readStream(institution, { fromRevision: 2 })).toEqual([]);
    expect(await store.streamRevision(institution)).toBe(1);
    expect(await store.streamRevision(streamName('ExternalCode', 'ab12'))).toBe(0);
  });

  it('appends to an old stream under its old name, so the stream is never split', async () => {
    const institution = streamName('Institution', institutionId);
    const result = await store.append(institution, [event('InstitutionClosed')], { expectedRevision: 1 });
    expect(result.nextRevision).toBe(2);
    expect(await raw.streamRevision(`institution-${institutionId}`)).toBe(2);
    expect(await raw.streamRevision(institution)).toBe(-1);
    // appendMany as well: the claim and the institution together.
    await store.appendMany([
      { streamId: streamName('ExternalCode', 'ab12'), events: [event('ExternalCodeReleased')], expectedRevision: 0 },
      { streamId: institution, events: [event('InstitutionReopened')], expectedRevision: 2 },
    ]);
    expect(await raw.streamRevision('institution-code-ab12')).toBe(1);
    expect(await raw.streamRevision(`institution-${institutionId}`)).toBe(3);
  });

  it('names a refused append by the name the writer used', async () => {
    const institution = streamName('Institution', institutionId);
    const refusal = await store.append(institution, [event('InstitutionClosed')], { expectedRevision: 0 }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(WrongExpectedRevision);
    expect(refusal).toMatchObject({ streamId: institution, expected: 0, actual: 1 });
    const many = await store
      .appendMany([
        { streamId: streamName('ExternalCode', 'cd34'), events: [event('ExternalCodeClaimed')], expectedRevision: 'no_stream' },
        { streamId: institution, events: [event('InstitutionClosed')], expectedRevision: 'no_stream' },
      ])
      .catch((error: unknown) => error);
    expect(many).toMatchObject({ streamId: institution, actual: 1 });
  });

  it('records a stream that has no old name under its name of today', async () => {
    const other = streamName('Institution', '0190a1b2-0000-7000-8000-000000000002');
    expect(await store.readStream(other)).toEqual([]);
    await store.append(other, [event('InstitutionRegistered')], { expectedRevision: 'no_stream' });
    expect(await raw.streamRevision(other)).toBe(0);
    expect((await store.readStream(other)).map((e) => e.streamId)).toEqual([other]);
  });

  it('tells the calendar of bakhmut from a department named calendar-bakhmut, which the old names made one stream', async () => {
    const calendar = streamName('DepartmentCalendar', 'bakhmut');
    const department = streamName('Department', 'calendar-bakhmut');
    expect((await store.readStream(calendar)).map((e) => e.type)).toEqual(['AcademicYearStartSet']);
    // The old stream holds a calendar, not a department: the department is new, under its own name.
    expect(await store.readStream(department)).toEqual([]);
    await store.append(department, [event('DepartmentCreated')], { expectedRevision: 'no_stream' });
    expect((await raw.readStream(department)).map((e) => e.type)).toEqual(['DepartmentCreated']);
    expect((await raw.readStream('department-calendar-bakhmut')).map((e) => e.type)).toEqual(['AcademicYearStartSet']);
    expect((await store.readStream(calendar)).map((e) => e.type)).toEqual(['AcademicYearStartSet']);
  });

  it('looks a stream up once, then remembers where it lives (a bounded number of them)', async () => {
    let lookups = 0;
    const counting = new LegacyStreamNames(
      new Proxy(raw, {
        get: (target, property) => {
          if (property === 'streamRevision') lookups++;
          const value = Reflect.get(target, property, target);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      }),
      { remember: 2 },
    );
    const institution = streamName('Institution', institutionId);
    await counting.readStream(institution);
    const first = lookups;
    expect(first).toBeGreaterThan(0);
    await counting.readStream(institution);
    await counting.append(institution, [event('InstitutionClosed')], { expectedRevision: 1 });
    expect(lookups).toBe(first);
    // Two more streams push the first out; it is found again where it lives.
    await counting.readStream(streamName('ExternalCode', 'ab12'));
    await counting.readStream(streamName('DepartmentCalendar', 'bakhmut'));
    expect((await counting.readStream(institution)).map((e) => e.type)).toEqual(['InstitutionRegistered', 'InstitutionRenamed', 'InstitutionClosed']);
  });
});
