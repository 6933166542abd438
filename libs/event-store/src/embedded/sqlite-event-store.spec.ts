import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { NewEvent, RecordedEvent } from '@app/kernel';
import { eventStoreContract } from '../event-store.contract';
import { WrongExpectedRevision } from '../event-store.port';
import { DuplicateEventId } from '../errors';
import { SqliteEventStore } from './sqlite-event-store';

const tempDir = () => mkdtemp(join(tmpdir(), 'okrug-event-store-'));

eventStoreContract(
  'SqliteEventStore',
  async () => {
    const dir = await tempDir();
    const file = join(dir, 'nested', 'okrug.db');
    const open: SqliteEventStore[] = [await SqliteEventStore.open({ file })];
    return {
      store: open[0],
      reopen: async () => {
        await open[open.length - 1].close();
        open.push(await SqliteEventStore.open({ file }));
        return open[open.length - 1];
      },
      cleanup: async () => {
        for (const store of open) await store.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  },
  { gapless: true },
);

const event = (type: string, data: Record<string, unknown> = {}): NewEvent => ({
  id: randomUUID(),
  type,
  data,
  metadata: {
    actor: { id: 'tester', role: 'admin' },
    department: 'dep',
    correlationId: randomUUID(),
    causationId: randomUUID(),
    commandId: randomUUID(),
    source: 'system',
    recordedAt: new Date().toISOString(),
    schemaVersion: 1,
  },
});

describe('SqliteEventStore (embedded only)', () => {
  let dir: string;
  let file: string;
  let store: SqliteEventStore;
  const extra: SqliteEventStore[] = [];

  beforeEach(async () => {
    dir = await tempDir();
    file = join(dir, 'okrug.db');
    store = await SqliteEventStore.open({ file });
  });

  afterEach(async () => {
    for (const s of extra.splice(0)) await s.close();
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  const positions = async (s: SqliteEventStore = store) =>
    (await s.readAll({ after: 0, maxCount: 100_000 })).map((e) => e.position);

  it('keeps positions gapless when appends of the same group are refused', async () => {
    await store.append('s-1', [event('A')], { expectedRevision: 'no_stream' });
    const taken = event('Taken');
    await store.append('s-2', [taken], { expectedRevision: 'no_stream' });
    const before = store.stats.transactions;

    const dup = event('Dup');
    const settled = await Promise.allSettled([
      store.append('s-3', [event('B'), event('C')], { expectedRevision: 'no_stream' }),
      store.append('s-1', [event('Stale')], { expectedRevision: 5 }),
      store.append('s-4', [event('D')], { expectedRevision: 'no_stream' }),
      store.append('s-5', [event('E'), { ...taken, type: 'Reused' }], { expectedRevision: 'no_stream' }),
      store.append('s-6', [dup, { ...dup, type: 'Twice' }], { expectedRevision: 'no_stream' }),
      store.append('s-1', [event('F')], { expectedRevision: 0 }),
    ]);

    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'rejected', 'rejected', 'fulfilled']);
    expect((settled[1] as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedRevision);
    expect((settled[3] as PromiseRejectedResult).reason).toBeInstanceOf(DuplicateEventId);
    expect((settled[3] as PromiseRejectedResult).reason).toMatchObject({ eventId: taken.id, existingStreamId: 's-2' });
    expect((settled[4] as PromiseRejectedResult).reason).toBeInstanceOf(DuplicateEventId);
    // All six went through one transaction.
    expect(store.stats.transactions).toBe(before + 1);

    expect(await positions()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(await store.readStream('s-5')).toEqual([]);
    expect(await store.readStream('s-6')).toEqual([]);
    expect(await store.streamRevision('s-5')).toBe(-1);
    expect((await store.readStream('s-1')).map((e) => e.type)).toEqual(['A', 'F']);
    expect((await store.append('s-7', [event('G')], { expectedRevision: 'any' })).position).toBe(7);
  });

  it('commits a refused appendMany as nothing while its group commits, gaplessly', async () => {
    await store.append('m-1', [event('A')], { expectedRevision: 'no_stream' });
    const taken = event('Taken');
    await store.append('m-2', [taken], { expectedRevision: 'no_stream' });
    const before = store.stats.transactions;

    const settled = await Promise.allSettled([
      store.append('m-3', [event('B')], { expectedRevision: 'no_stream' }),
      // Refused by its last part: its first two parts are undone.
      store.appendMany([
        { streamId: 'm-4', events: [event('C'), event('D')], expectedRevision: 'no_stream' },
        { streamId: 'm-5', events: [event('E')], expectedRevision: 'no_stream' },
        { streamId: 'm-1', events: [event('Stale')], expectedRevision: 7 },
      ]),
      // Refused by an event id of another stream, in a multi-event part.
      store.appendMany([
        { streamId: 'm-6', events: [event('F')], expectedRevision: 'no_stream' },
        { streamId: 'm-7', events: [event('G'), { ...taken, type: 'Reused' }], expectedRevision: 'no_stream' },
      ]),
      store.appendMany([
        { streamId: 'm-1', events: [event('H')], expectedRevision: 0 },
        { streamId: 'm-4', events: [event('I')], expectedRevision: 'no_stream' },
      ]),
      // Sees the appendMany before it in the same group.
      store.append('m-4', [event('J')], { expectedRevision: 0 }),
    ]);

    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled', 'fulfilled']);
    expect((settled[1] as PromiseRejectedResult).reason).toMatchObject({ name: 'WrongExpectedRevision', streamId: 'm-1' });
    expect((settled[2] as PromiseRejectedResult).reason).toBeInstanceOf(DuplicateEventId);
    expect((settled[3] as PromiseFulfilledResult<unknown>).value).toEqual([
      { nextRevision: 1, position: 4 },
      { nextRevision: 0, position: 5 },
    ]);
    expect(store.stats.transactions).toBe(before + 1);
    expect(await positions()).toEqual([1, 2, 3, 4, 5, 6]);
    for (const empty of ['m-5', 'm-6', 'm-7']) expect(await store.readStream(empty)).toEqual([]);
    expect((await store.readStream('m-4')).map((e) => e.type)).toEqual(['I', 'J']);
    expect((await store.readStream('m-1')).map((e) => e.type)).toEqual(['A', 'H']);
  });

  it('commits concurrent appends in fewer transactions than appends', async () => {
    const before = store.stats;
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, n) => store.append(`g-${n}`, [event('Grouped', { n })], { expectedRevision: 'no_stream' })),
    );
    const after = store.stats;
    expect(after.appends - before.appends).toBe(50);
    expect(after.events - before.events).toBe(50);
    expect(after.transactions - before.transactions).toBeLessThan(50);
    expect(after.transactions - before.transactions).toBeGreaterThanOrEqual(1);
    expect(results.map((r) => r.position).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });

  it('caps the number of appends in one transaction', async () => {
    const capped = await SqliteEventStore.open({ file: join(dir, 'capped.db'), maxAppendsPerCommit: 10 });
    extra.push(capped);
    await Promise.all(
      Array.from({ length: 35 }, (_, n) => capped.append(`c-${n}`, [event('Capped')], { expectedRevision: 'no_stream' })),
    );
    expect(capped.stats.transactions).toBe(4);
    expect(await positions(capped)).toEqual(Array.from({ length: 35 }, (_, i) => i + 1));
  });

  it('lets two appends to the same stream in the same group see each other', async () => {
    const first = store.append('same', [event('One')], { expectedRevision: 'no_stream' });
    const second = store.append('same', [event('Two'), event('Three')], { expectedRevision: 0 });
    const third = store.append('same', [event('Stale')], { expectedRevision: 0 });
    const fourth = store.append('same', [event('Four')], { expectedRevision: 2 });
    await expect(first).resolves.toEqual({ nextRevision: 0, position: 1 });
    await expect(second).resolves.toEqual({ nextRevision: 2, position: 3 });
    await expect(third).rejects.toMatchObject({ expected: 0, actual: 2 });
    await expect(fourth).resolves.toEqual({ nextRevision: 3, position: 4 });
    expect((await store.readStream('same')).map((e) => e.type)).toEqual(['One', 'Two', 'Three', 'Four']);
  });

  it('treats a retry as idempotent whatever its expected revision, within one group too', async () => {
    const events = [event('A'), event('B')];
    const original = await store.append('idem', events, { expectedRevision: 'no_stream' });
    await store.append('idem', [event('C')], { expectedRevision: 1 });
    const transactions = store.stats.transactions;

    const retries = await Promise.all([
      store.append('idem', events, { expectedRevision: 'any' }),
      store.append('idem', events, { expectedRevision: 7 }),
      store.append('idem', events, { expectedRevision: 'no_stream' }),
      store.append('idem', [events[0]], { expectedRevision: 2 }),
    ]);
    expect(retries.slice(0, 3)).toEqual([original, original, original]);
    expect(retries[3]).toEqual({ nextRevision: 0, position: 1 });
    expect(store.stats.transactions).toBe(transactions + 1);
    expect(await positions()).toEqual([1, 2, 3]);

    // The same ids in another order, or more of them, are not the same append.
    await expect(store.append('idem', [events[1], events[0]], { expectedRevision: 'any' })).rejects.toBeInstanceOf(DuplicateEventId);
    await expect(store.append('idem', [...events, event('New')], { expectedRevision: 'any' })).rejects.toBeInstanceOf(DuplicateEventId);
    // An id of another stream is an error, not a retry.
    await expect(store.append('other', [events[0]], { expectedRevision: 'no_stream' })).rejects.toMatchObject({
      name: 'DuplicateEventId',
      existingStreamId: 'idem',
    });
    expect(await positions()).toEqual([1, 2, 3]);
  });

  it('checks its input before queueing', async () => {
    await expect(store.append('', [event('A')], { expectedRevision: 'any' })).rejects.toBeInstanceOf(RangeError);
    await expect(store.append('x', [event('A')], { expectedRevision: -2 })).rejects.toBeInstanceOf(RangeError);
    await expect(store.append('x', [event('A')], { expectedRevision: 1.5 })).rejects.toBeInstanceOf(RangeError);
    await expect(store.append('x', [{ ...event('A'), id: '' }], { expectedRevision: 'any' })).rejects.toBeInstanceOf(RangeError);
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    await expect(store.append('x', [event('A', circular)], { expectedRevision: 'any' })).rejects.toBeInstanceOf(TypeError);
    // A numeric -1 means "no stream".
    await expect(store.append('x', [event('A')], { expectedRevision: -1 })).resolves.toEqual({ nextRevision: 0, position: 1 });
    await expect(store.append('x', [event('B')], { expectedRevision: -1 })).rejects.toBeInstanceOf(WrongExpectedRevision);
  });

  it('answers an empty append with the stream as it is, after checking the revision', async () => {
    await expect(store.append('empty', [], { expectedRevision: 'no_stream' })).resolves.toEqual({ nextRevision: -1, position: 0 });
    await store.append('empty', [event('A'), event('B')], { expectedRevision: 'no_stream' });
    await expect(store.append('empty', [], { expectedRevision: 1 })).resolves.toEqual({ nextRevision: 1, position: 2 });
    await expect(store.append('empty', [], { expectedRevision: 0 })).rejects.toBeInstanceOf(WrongExpectedRevision);
    expect(await positions()).toEqual([1, 2]);
  });

  it('copies its WAL back into the database on a thread of its own, long before a commit would', async () => {
    const before = statSync(file).size;
    // About 2 MB of WAL: far below the pages after which a commit checkpoints by itself.
    for (let batch = 0; batch < 10; batch++) {
      await Promise.all(
        Array.from({ length: 50 }, (_, n) => store.append(`wal-${batch}-${n}`, [event('W', { text: 'ш'.repeat(2_000) })], { expectedRevision: 'no_stream' })),
      );
    }
    const deadline = Date.now() + 20_000;
    while (statSync(file).size < before + 1_500_000 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(statSync(file).size).toBeGreaterThan(before + 1_500_000);
    // Reading and writing go on as before, and a clean close leaves no WAL behind.
    expect(await store.headPosition()).toBe(500);
    await store.append('wal-after', [event('W')], { expectedRevision: 'no_stream' });
    await store.close();
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it('finishes pending appends on close, then refuses new ones', async () => {
    const pending = Array.from({ length: 20 }, (_, n) => store.append(`close-${n}`, [event('A')], { expectedRevision: 'no_stream' }));
    await store.close();
    await expect(Promise.all(pending)).resolves.toHaveLength(20);
    await expect(store.append('late', [event('A')], { expectedRevision: 'any' })).rejects.toThrow(/closed/);
    await expect(store.readAll({ after: 0, maxCount: 1 })).rejects.toThrow(/closed/);
    store = await SqliteEventStore.open({ file });
    expect(await positions()).toHaveLength(20);
  });

  it('ends its followers when closed', async () => {
    const seen: RecordedEvent[] = [];
    const following = (async () => {
      for await (const e of store.follow({ after: 0 })) seen.push(e);
    })();
    await store.append('f', [event('A')], { expectedRevision: 'no_stream' });
    await new Promise((r) => setTimeout(r, 20));
    await store.close();
    await following;
    expect(seen.map((e) => e.type)).toEqual(['A']);
    store = await SqliteEventStore.open({ file });
  });

  it('notices events another connection to the same file appended', async () => {
    const other = await SqliteEventStore.open({ file, pollIntervalMs: 50 });
    extra.push(other);
    const watcher = await SqliteEventStore.open({ file, pollIntervalMs: 50 });
    extra.push(watcher);
    const controller = new AbortController();
    const seen: RecordedEvent[] = [];
    const following = (async () => {
      for await (const e of watcher.follow({ after: 0, signal: controller.signal })) seen.push(e);
    })();

    await store.append('mixed', [event('FromFirst')], { expectedRevision: 'no_stream' });
    await other.append('mixed', [event('FromOther')], { expectedRevision: 0 });
    await expect(store.append('mixed', [event('Stale')], { expectedRevision: 0 })).rejects.toMatchObject({ actual: 1 });
    await store.append('mixed', [event('Again')], { expectedRevision: 1 });

    const deadline = Date.now() + 5_000;
    while (seen.length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    controller.abort();
    await following;
    expect(seen.map((e) => [e.type, e.position])).toEqual([
      ['FromFirst', 1],
      ['FromOther', 2],
      ['Again', 3],
    ]);
  });

  it('reads back everything acknowledged when a store was never closed', async () => {
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, n) => store.append(`unclosed-${n % 5}`, [event('U', { n })], { expectedRevision: 'any' })),
    );
    // A second instance on the same file, while the first is still open and never flushed by close().
    const second = await SqliteEventStore.open({ file });
    extra.push(second);
    expect(await second.headPosition()).toBe(30);
    const all = await second.readAll({ after: 0, maxCount: 1000 });
    expect(all.map((e) => e.position)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(new Set(results.map((r) => r.position)).size).toBe(30);
  });

  it('follows events another process appends to the same file', async () => {
    const watcher = await SqliteEventStore.open({ file, pollIntervalMs: 50 });
    extra.push(watcher);
    await store.append('proc', [event('Local')], { expectedRevision: 'no_stream' });
    const controller = new AbortController();
    const seen: RecordedEvent[] = [];
    const following = (async () => {
      for await (const e of watcher.follow({ after: 0, signal: controller.signal })) seen.push(e);
    })();

    await exited(
      spawnScript(`
        const store = await SqliteEventStore.open({ file: ${JSON.stringify(file)} });
        for (let i = 0; i < 5; i++) await store.append('proc', [newEvent('Remote', { i })], { expectedRevision: i });
        await store.close();
      `),
    );

    const deadline = Date.now() + 5_000;
    while (seen.length < 6 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    controller.abort();
    await following;
    expect(seen.map((e) => [e.type, e.revision, e.position])).toEqual([
      ['Local', 0, 1],
      ...[0, 1, 2, 3, 4].map((i) => ['Remote', i + 1, i + 2]),
    ]);
    // This process goes on where the other left off.
    await expect(store.append('proc', [event('Local')], { expectedRevision: 5 })).resolves.toEqual({ nextRevision: 6, position: 7 });
  });

  it('loses nothing acknowledged when the writing process is killed mid-stream', async () => {
    const child = spawnWriter(file);
    const acknowledged = new Map<string, { revision: number; position: number }>();
    await new Promise<void>((resolveDone, reject) => {
      let buffer = '';
      child.stdout.setEncoding('utf8');
      child.stdout.on('data', (chunk: string) => {
        buffer += chunk;
        let nl: number;
        while ((nl = buffer.indexOf('\n')) >= 0) {
          const line = buffer.slice(0, nl);
          buffer = buffer.slice(nl + 1);
          if (!line.startsWith('ack ')) continue;
          const [, id, revision, position] = line.split(' ');
          acknowledged.set(id, { revision: Number(revision), position: Number(position) });
          if (acknowledged.size === 400) child.kill('SIGKILL');
        }
      });
      let stderr = '';
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      child.on('exit', (code, signal) => {
        if (signal === 'SIGKILL') resolveDone();
        else reject(new Error(`the writer ended by itself (${code}): ${stderr}`));
      });
      child.on('error', reject);
    });

    expect(acknowledged.size).toBeGreaterThanOrEqual(400);
    const reopened = await SqliteEventStore.open({ file });
    extra.push(reopened);
    const all = await reopened.readAll({ after: 0, maxCount: 1_000_000 });
    const byId = new Map(all.map((e) => [e.id, e]));
    for (const [id, ack] of acknowledged) {
      expect(byId.get(id)).toMatchObject({ revision: ack.revision, position: ack.position });
    }
    // The log is whole: gapless, and every stream's revisions count up from 0.
    expect(all.map((e) => e.position)).toEqual(all.map((_, i) => i + 1));
    const streams = new Map<string, number[]>();
    for (const e of all) streams.set(e.streamId, [...(streams.get(e.streamId) ?? []), e.revision]);
    for (const [streamId, revisions] of streams) {
      expect(revisions).toEqual(revisions.map((_, i) => i));
      expect(await reopened.streamRevision(streamId)).toBe(revisions.length - 1);
    }
    // And the file is sound.
    const db = new Database(file, { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
  });
});

/** Runs `body` (plain JS, with `SqliteEventStore`, `randomUUID` and `newEvent(type, data)` in scope) in a separate node process. */
const spawnScript = (body: string) => {
  const repo = resolve(__dirname, '../../../..');
  const storePath = resolve(__dirname, 'sqlite-event-store.ts');
  const script = `
    const { randomUUID } = require('node:crypto');
    const { SqliteEventStore } = require(${JSON.stringify(storePath)});
    const newEvent = (type, data) => {
      const id = randomUUID();
      return { id, type, data, metadata: { actor: { id: 'w', role: 'system' }, department: 'd', correlationId: id,
        causationId: id, commandId: id, source: 'system', recordedAt: new Date().toISOString(), schemaVersion: 1 } };
    };
    (async () => { ${body} })().catch((e) => { console.error(e); process.exit(1); });
  `;
  return spawn(process.execPath, ['-r', join(repo, 'scripts/run-ts.js'), '-e', script], {
    cwd: repo,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
};

/** A separate node process that appends with 20 concurrent writers and prints every acknowledgement. */
const spawnWriter = (file: string) =>
  spawnScript(`
    const store = await SqliteEventStore.open({ file: ${JSON.stringify(file)} });
    const writer = async (w) => {
      for (let i = 0; ; i++) {
        const event = newEvent('Written', { w, i, text: 'запись' });
        const r = await store.append('crash-' + w, [event], { expectedRevision: i === 0 ? 'no_stream' : i - 1 });
        process.stdout.write('ack ' + event.id + ' ' + r.nextRevision + ' ' + r.position + '\\n');
      }
    };
    await Promise.all(Array.from({ length: 20 }, (_, w) => writer(w)));
  `);

/** Resolves when the process exits with 0; rejects with its stderr otherwise. */
const exited = (child: ReturnType<typeof spawnScript>) =>
  new Promise<void>((resolveDone, reject) => {
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('exit', (code) => (code === 0 ? resolveDone() : reject(new Error(`exit ${code}: ${stderr}`))));
    child.on('error', reject);
  });
