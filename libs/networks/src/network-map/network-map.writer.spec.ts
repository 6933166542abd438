import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommandContext, NewEvent, RecordedEvent, RuleViolated, StaleRevision, newId, streamCategory } from '@app/kernel';
import { AppendOptions, EventStore, ReadStreamOptions, SqliteEventStore } from '@app/event-store';
import { SqliteReadStore } from '@app/read-store/embedded/sqlite-read-store';
import { ReadStore } from '@app/read-store/read-store.port';
import { institutionStream } from '../institution/institution.decider';
import { NetworkMapEvent, networkMapStream } from './network-map.decider';
import { NetworkMapWriter } from './network-map.writer';

/** The real SQLite store, counting the events each stream read returns. */
class CountingEventStore {
  mapEventsRead = 0;
  mapAppends = 0;
  /** Runs once, just before the next append reaches the store (another writer getting in first). */
  beforeNextAppend?: () => Promise<void>;
  readonly store: EventStore;

  constructor(inner: EventStore) {
    this.store = new Proxy(inner, {
      get: (target, property, receiver) => {
        if (property === 'append') {
          return async (streamId: string, events: NewEvent[], options: AppendOptions) => {
            const before = this.beforeNextAppend;
            this.beforeNextAppend = undefined;
            if (before) await before();
            if (streamCategory(streamId) === 'NetworkMap') this.mapAppends++;
            return target.append(streamId, events, options);
          };
        }
        if (property === 'readStream') {
          return async (streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> => {
            const events = await target.readStream(streamId, options);
            if (streamCategory(streamId) === 'NetworkMap') this.mapEventsRead += events.length;
            return events;
          };
        }
        const value = Reflect.get(target, property, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  }
}

const DEPARTMENT = 'bakhmut';
const MAP = networkMapStream(DEPARTMENT, 'educational-district');

const context = (idempotencyKey?: string): CommandContext => ({
  actor: { id: 'operator-1', role: 'operator' },
  department: DEPARTMENT,
  commandId: newId(),
  correlationId: newId(),
  source: 'api',
  receivedAt: new Date('2024-09-01T09:00:00Z'),
  ...(idempotencyKey ? { idempotencyKey } : {}),
});

const recorded = (type: string, data: unknown): NewEvent => ({
  id: newId(),
  type,
  data,
  metadata: { actor: { id: 'seed', role: 'admin' }, department: DEPARTMENT, correlationId: 'seed', causationId: 'seed', commandId: 'seed', source: 'api', recordedAt: '2024-01-01T00:00:00.000Z', schemaVersion: 1 },
});

const registerInstitution = async (store: EventStore, institutionId: string): Promise<void> => {
  await store.append(
    institutionStream(institutionId),
    [recorded('InstitutionRegistered', { institutionId, department: DEPARTMENT, fullName: institutionId, shortName: institutionId, kind: 'general-school', settlement: 'Бахмут', externalCode: null, website: null })],
    { expectedRevision: 'no_stream' },
  );
};

const district = (networkId: string, name: string): NetworkMapEvent => ({
  type: 'NetworkRegistered',
  data: { networkId, department: DEPARTMENT, kind: 'educational-district', name, number: null, description: null, website: null },
});

describe('NetworkMapWriter', () => {
  let dir: string;
  const open: Array<{ close: () => Promise<void> }> = [];

  const openStores = async (): Promise<{ events: SqliteEventStore; reads: ReadStore }> => {
    const events = await SqliteEventStore.open({ file: join(dir, 'okrug.sqlite') });
    const reads = await SqliteReadStore.open({ file: join(dir, 'okrug.sqlite') });
    open.push(events, reads);
    return { events, reads };
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'okrug-map-writer-'));
  });

  afterEach(async () => {
    for (const store of open.splice(0).reverse()) await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A map of `size` events: 50 districts and members admitted to them, as years of work leave it. */
  const seedMap = async (store: EventStore, size: number): Promise<void> => {
    const events: NewEvent[] = [];
    for (let n = 0; n < 50; n++) {
      const e = district(`d-${n}`, `Округ ${n}`);
      events.push(recorded(e.type, e.data));
    }
    for (let i = 0; events.length < size; i++) {
      events.push(recorded('MemberAdmitted', { networkId: `d-${i % 50}`, institutionId: `seeded-${i}`, role: 'member', from: '2015-09-01' }));
    }
    for (let at = 0; at < events.length; at += 1000) {
      await store.append(MAP, events.slice(at, at + 1000), { expectedRevision: at === 0 ? 'no_stream' : at - 1 });
    }
  };

  const admit = (writer: NetworkMapWriter, networkId: string, institutionId: string, options: { ifMatch?: number; key?: string } = {}) => {
    const ctx = context(options.key);
    return writer.execute({
      context: ctx,
      kind: 'educational-district',
      networkId,
      ifMatch: options.ifMatch,
      prepare: () => writer.institution(DEPARTMENT, institutionId),
      command: (_, institution) => ({ type: 'AdmitMember', data: { networkId, institution, role: 'member', from: '2024-09-01' } }),
    });
  };

  it('reads only what was appended since its last command, however long the map', async () => {
    const { events, reads } = await openStores();
    const counting = new CountingEventStore(events);
    const writer = new NetworkMapWriter(counting.store, reads);
    await seedMap(events, 5_000);
    for (const id of ['school-1', 'school-2', 'school-3']) await registerInstitution(events, id);

    await admit(writer, 'd-1', 'school-1');
    const firstRead = counting.mapEventsRead;
    expect(firstRead).toBeGreaterThanOrEqual(5_000);

    counting.mapEventsRead = 0;
    expect(await writer.locate(DEPARTMENT, 'd-2')).toBe('educational-district');
    await admit(writer, 'd-2', 'school-2');
    expect(counting.mapEventsRead).toBe(0);

    // Another writer's append is the only thing the next command reads.
    await events.append(MAP, [recorded('MemberAdmitted', { networkId: 'd-3', institutionId: 'elsewhere', role: 'member', from: '2024-09-01' })], { expectedRevision: 5_001 });
    counting.mapEventsRead = 0;
    await admit(writer, 'd-3', 'school-3');
    expect(counting.mapEventsRead).toBe(1);
  });

  it('folds a long map from the start a page at a time, letting other work run in between', async () => {
    const { events, reads } = await openStores();
    const writer = new NetworkMapWriter(events, reads);
    await seedMap(events, 5_000);
    let turns = 0;
    let folded = false;
    const otherWork = () => {
      turns++;
      if (!folded) setImmediate(otherWork);
    };
    setImmediate(otherWork);
    expect(await writer.locate(DEPARTMENT, 'd-7')).toBe('educational-district');
    folded = true;
    // Five pages of 1,000 events: the event loop turned between them.
    expect(turns).toBeGreaterThanOrEqual(4);
  });

  it('answers a repeated idempotency key from what it remembers, reading nothing old', async () => {
    const { events, reads } = await openStores();
    const counting = new CountingEventStore(events);
    const writer = new NetworkMapWriter(counting.store, reads);
    await seedMap(events, 2_000);
    await registerInstitution(events, 'school-1');

    const first = await admit(writer, 'd-1', 'school-1', { key: 'admit-school-1' });
    counting.mapEventsRead = 0;
    const again = await admit(writer, 'd-1', 'school-1', { key: 'admit-school-1' });
    expect(again).toEqual(first);
    expect(counting.mapEventsRead).toBe(0);
    expect(await events.streamRevision(MAP)).toBe(first.revision);
  });

  it('notices what another writer sharing the store appended: rules, ETags and keys hold across both', async () => {
    const one = await openStores();
    const two = await openStores();
    const writerA = new NetworkMapWriter(one.events, one.reads);
    const writerB = new NetworkMapWriter(two.events, two.reads);
    await one.events.append(MAP, [district('d-a', 'Округ А'), district('d-b', 'Округ Б')].map((e) => recorded(e.type, e.data)), { expectedRevision: 'no_stream' });
    for (const id of ['contested', 'school-2', 'school-3']) await registerInstitution(one.events, id);

    // Both writers have folded the map before either changes it.
    const seenByB = await admit(writerB, 'd-b', 'school-2');
    await admit(writerA, 'd-a', 'school-3');

    // A admits the contested school; B, whose remembered map predates it, must refuse the same school.
    await admit(writerA, 'd-a', 'contested', { key: 'contested-by-a' });
    await expect(admit(writerB, 'd-b', 'contested')).rejects.toThrow(RuleViolated);

    // B's ETag of d-a is stale once A changed d-a; d-b's did not move.
    await expect(admit(writerB, 'd-a', 'school-2', { ifMatch: 0 })).rejects.toThrow(StaleRevision);
    await registerInstitution(one.events, 'school-4');
    const onB = await admit(writerB, 'd-b', 'school-4', { ifMatch: seenByB.revision });
    expect(onB.revision).toBeGreaterThan(seenByB.revision);

    // A's idempotency key is known to B too: a repeat through B appends nothing.
    const head = await two.events.streamRevision(MAP);
    const repeated = await admit(writerB, 'd-a', 'contested', { key: 'contested-by-a' });
    expect(await two.events.streamRevision(MAP)).toBe(head);
    expect(repeated.revision).toBeLessThan(head);
  });

  it('admits 30 schools sent at once to one map in a few appends, rather than failing each other', async () => {
    const { events, reads } = await openStores();
    const counting = new CountingEventStore(events);
    const writer = new NetworkMapWriter(counting.store, reads);
    await events.append(MAP, [district('d-a', 'Округ А'), district('d-b', 'Округ Б')].map((e) => recorded(e.type, e.data)), { expectedRevision: 'no_stream' });
    const schools = Array.from({ length: 30 }, (_, i) => `school-${i}`);
    for (const id of schools) await registerInstitution(events, id);
    const outcomes = await Promise.allSettled(schools.map((id, i) => admit(writer, i % 2 ? 'd-a' : 'd-b', id)));
    expect(outcomes.filter((o) => o.status === 'rejected')).toEqual([]);
    expect(await events.streamRevision(MAP)).toBe(31);
    // Decided in batches, each batch one append.
    expect(counting.mapAppends).toBeLessThanOrEqual(5);
    const revisions = outcomes.map((o) => (o as PromiseFulfilledResult<{ revision: number }>).value.revision).sort((a, b) => a - b);
    expect(revisions).toEqual(Array.from({ length: 30 }, (_, i) => i + 2));
    const stored = (await events.readStream(MAP)).filter((e) => e.type === 'MemberAdmitted');
    expect(new Set(stored.map((e) => (e.data as { institutionId: string }).institutionId))).toEqual(new Set(schools));
    // Each answer names its own event, as one command alone would.
    const answers = outcomes.map((o) => (o as PromiseFulfilledResult<{ revision: number; position: number }>).value);
    for (const answer of answers) expect(stored.find((e) => e.revision === answer.revision)?.position).toBe(answer.position);
  });

  it('decides a batch again when another writer appended before it, and answers a repeated key once', async () => {
    const { events, reads } = await openStores();
    const counting = new CountingEventStore(events);
    const writer = new NetworkMapWriter(counting.store, reads);
    await events.append(MAP, [district('d-a', 'Округ А'), district('d-b', 'Округ Б')].map((e) => recorded(e.type, e.data)), { expectedRevision: 'no_stream' });
    for (const id of ['contested', 'school-1', 'school-2', 'school-3']) await registerInstitution(events, id);
    await admit(writer, 'd-a', 'school-1');
    counting.mapAppends = 0;

    // Another process admits the contested school to d-b just before this batch's append.
    counting.beforeNextAppend = async () => {
      await events.append(MAP, [recorded('MemberAdmitted', { networkId: 'd-b', institutionId: 'contested', role: 'member', from: '2024-01-01' })], { expectedRevision: 2 });
    };
    const [contested, school2, repeat1, repeat2] = await Promise.allSettled([
      admit(writer, 'd-a', 'contested'),
      admit(writer, 'd-b', 'school-2'),
      admit(writer, 'd-b', 'school-3', { key: 'same-key' }),
      admit(writer, 'd-b', 'school-3', { key: 'same-key' }),
    ]);
    expect(contested).toMatchObject({ status: 'rejected', reason: expect.any(RuleViolated) });
    expect(school2.status).toBe('fulfilled');
    // The same key twice: one admission, one answer for both.
    expect(repeat1).toEqual(repeat2);
    expect(repeat1.status).toBe('fulfilled');
    // The refused append and the batch decided again; the repeat was answered from the cache.
    expect(counting.mapAppends).toBe(2);
    const stored = await events.readStream(MAP);
    expect(stored.filter((e) => e.type === 'MemberAdmitted').map((e) => (e.data as { institutionId: string }).institutionId)).toEqual(['school-1', 'contested', 'school-2', 'school-3']);
  });

  it('fails only the commands whose events a failing append carried; the others of the batch are answered', async () => {
    const { events, reads } = await openStores();
    const counting = new CountingEventStore(events);
    const writer = new NetworkMapWriter(counting.store, reads);
    await events.append(MAP, [district('d-a', 'Округ А'), district('d-b', 'Округ Б')].map((e) => recorded(e.type, e.data)), { expectedRevision: 'no_stream' });
    for (const id of ['school-1', 'school-2', 'school-3', 'school-4']) await registerInstitution(events, id);
    const first = await admit(writer, 'd-a', 'school-1', { key: 'school-1-once' });

    // The first command goes alone; the four sent while it is written form the next batch, whose append fails.
    counting.beforeNextAppend = async () => {
      counting.beforeNextAppend = async () => {
        throw new Error('disk full');
      };
    };
    const [alone, lost, alsoLost, repeated, refused] = await Promise.allSettled([
      admit(writer, 'd-b', 'school-4'),
      admit(writer, 'd-a', 'school-2'),
      admit(writer, 'd-b', 'school-3'),
      admit(writer, 'd-a', 'school-1', { key: 'school-1-once' }),
      admit(writer, 'd-b', 'school-1'),
    ]);
    expect(lost).toMatchObject({ status: 'rejected', reason: { message: 'disk full' } });
    expect(alsoLost).toMatchObject({ status: 'rejected', reason: { message: 'disk full' } });
    expect(repeated).toEqual({ status: 'fulfilled', value: first });
    expect(refused).toMatchObject({ status: 'rejected', reason: expect.any(RuleViolated) });
    expect(alone.status).toBe('fulfilled');
    expect(await events.streamRevision(MAP)).toBe(first.revision + 1);
  });

  it('lets exactly one of 10 concurrent conflicting admissions through two writers win', async () => {
    const one = await openStores();
    const two = await openStores();
    const writers = [new NetworkMapWriter(one.events, one.reads), new NetworkMapWriter(two.events, two.reads)];
    await one.events.append(MAP, [district('d-a', 'Округ А'), district('d-b', 'Округ Б')].map((e) => recorded(e.type, e.data)), { expectedRevision: 'no_stream' });
    await registerInstitution(one.events, 'contested');
    const outcomes = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => admit(writers[i % 2], i % 3 ? 'd-a' : 'd-b', 'contested')),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === 'rejected' && o.reason instanceof RuleViolated)).toHaveLength(9);
    const admitted = (await one.events.readStream(MAP)).filter((e) => e.type === 'MemberAdmitted');
    expect(admitted).toHaveLength(1);
  });
});
