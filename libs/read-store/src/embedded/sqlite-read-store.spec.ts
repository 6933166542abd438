import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Projection } from '../projection';
import { ProjectionRunner } from '../projection-runner';
import { readStoreContract } from '../read-store.contract';
import { Document, ReadStore } from '../read-store.port';
import { InMemoryEventStore } from '../testing/in-memory-event-store';
import { SqliteReadStore } from './sqlite-read-store';
import { testEvent } from '../testing/test-event';

readStoreContract('SqliteReadStore', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'okrug-read-store-'));
  const file = join(dir, 'okrug.sqlite');
  let current: ReadStore = await SqliteReadStore.open({ file });
  return {
    store: current,
    reopen: async () => {
      await current.close();
      current = await SqliteReadStore.open({ file });
      return current;
    },
    cleanup: async () => {
      await current.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

// The same contract with every commit applied on the writer thread (catch-up batches go there).
readStoreContract('SqliteReadStore, commits on the writer thread', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'okrug-read-store-writer-'));
  const file = join(dir, 'okrug.sqlite');
  const open = () => SqliteReadStore.open({ file, writerThreadMinWrites: 0 });
  let current: ReadStore = await open();
  return {
    store: current,
    reopen: async () => {
      await current.close();
      current = await open();
      return current;
    },
    cleanup: async () => {
      await current.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describe('SqliteReadStore indexes through a projection runner', () => {
  const event = testEvent;
  const schools: Projection<Document & { name: string; district: string }> = {
    name: 'school-list',
    collection: 'schools',
    indexes: [
      { name: 'by-district', fields: ['district', 'name'] },
      { name: 'name-words', words: 'name' },
    ],
    handles: ['SchoolOpened', 'SchoolRenamed'],
    documentId: (e) => (e.data as { schoolId: string }).schoolId,
    evolve: (doc, e) => {
      const data = e.data as { schoolId: string; name: string; district?: string };
      if (e.type === 'SchoolOpened') return { id: data.schoolId, name: data.name, district: data.district! };
      return doc && { ...doc, name: data.name };
    },
  };

  it('prepares the first generation and a rebuilt one alike, and drops the replaced one with its indexes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'okrug-read-store-'));
    const file = join(dir, 'okrug.sqlite');
    const store = await SqliteReadStore.open({ file });
    const eventStore = new InMemoryEventStore();
    const runner = new ProjectionRunner({ eventStore, readStore: store, projections: [schools] });
    try {
      for (let n = 0; n < 30; n++) {
        await eventStore.append(`school-${n}`, [event('SchoolOpened', { schoolId: `s${n}`, name: `Школа № ${n}`, district: n % 2 ? 'north' : 'south' })], { expectedRevision: 'no_stream' });
      }
      await eventStore.append('school-3', [event('SchoolRenamed', { schoolId: 's3', name: 'Ліцей «Обрій»' })], { expectedRevision: 0 });
      await runner.start();
      await runner.waitFor(await eventStore.headPosition(), { timeoutMs: 5000 });
      const query = { where: { district: 'north' }, sort: [{ field: 'name', direction: 'asc' as const }], limit: 5 };
      expect((await store.plan('schools', query))[0]).toMatch(/^SEARCH read_documents USING INDEX read_ix schools#1 by-district/);
      expect((await store.find('schools', { where: { name: { words: 'обр' } } })).map((d) => d.id)).toEqual(['s3']);

      await runner.rebuild('school-list');
      expect((await store.plan('schools', query))[0]).toMatch(/^SEARCH read_documents USING INDEX read_ix schools#2 by-district/);
      expect((await store.find('schools', { where: { name: { words: 'обр' } } })).map((d) => d.id)).toEqual(['s3']);
      expect((await store.find('schools', { where: { name: { words: 'школа' } } })).length).toBe(29);
      const raw = new Database(file, { readonly: true });
      try {
        const left = raw.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'read_ix schools#1%'").all();
        expect(left).toEqual([]);
        expect(raw.prepare("SELECT count(*) AS n FROM read_words WHERE collection_copy = 'schools#1'").get()).toEqual({ n: 0 });
        expect(raw.prepare("SELECT count(*) AS n FROM read_indexes WHERE collection_copy = 'schools#1'").get()).toEqual({ n: 0 });
      } finally {
        raw.close();
      }
    } finally {
      await runner.stop();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('SqliteReadStore checkpoints', () => {
  it('has its WAL copied back into the database on a thread of its own, not by its commits', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'okrug-read-checkpoints-'));
    const file = join(dir, 'okrug.sqlite');
    const store = await SqliteReadStore.open({ file });
    try {
      const before = statSync(file).size;
      // About 300 KB of documents in small commits: below the pages after which a commit checkpoints by itself.
      let position = 0;
      for (let commit = 0; commit < 20; commit++) {
        const writes = Array.from({ length: 15 }, () => ({
          op: 'put' as const,
          collection: 'notes',
          doc: { id: randomUUID(), text: 'ш'.repeat(500) },
          position: ++position,
        }));
        await store.commit('notes', 1, position, writes);
      }
      const deadline = Date.now() + 20_000;
      while (statSync(file).size < before + 200_000 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(statSync(file).size).toBeGreaterThan(before + 200_000);
      expect((await store.checkpoint('notes', 1))?.position).toBe(300);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('SqliteReadStore words of a replaced document', () => {
  const put = (doc: Document, position: number) => ({ op: 'put' as const, collection: 'schools', doc, position });

  it('writes only the words that changed: none when they are the same, the lost and gained ones when not', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'okrug-read-words-'));
    const file = join(dir, 'okrug.sqlite');
    const store = await SqliteReadStore.open({ file, backgroundCheckpoints: false });
    const raw = new Database(file);
    try {
      await store.prepare('schools', 1, [
        { name: 'by-district', fields: ['district', 'name'] },
        { name: 'name-words', words: 'name' },
      ]);
      await store.activate('school-list', 1, ['schools']);
      await store.commit('school-list', 1, 1, [put({ id: 's1', name: 'Школа № 1 «Обрій»', district: 'north' }, 1)]);
      // Every row the store adds to or removes from the words table, as the store's own commits write them.
      raw.exec(`
        CREATE TABLE word_log (op TEXT NOT NULL, word TEXT NOT NULL);
        CREATE TRIGGER word_added AFTER INSERT ON read_words BEGIN INSERT INTO word_log VALUES ('+', new.word); END;
        CREATE TRIGGER word_removed AFTER DELETE ON read_words BEGIN INSERT INTO word_log VALUES ('-', old.word); END;
      `);
      const written = () => (raw.prepare('SELECT op, word FROM word_log ORDER BY rowid').all() as { op: string; word: string }[]).map((r) => `${r.op}${r.word}`);
      const found = async (words: string) => (await store.find('schools', { where: { name: { words } } })).map((d) => d.id);

      await store.commit('school-list', 1, 2, [put({ id: 's1', name: 'Школа № 1 «Обрій»', district: 'south' }, 2)]);
      expect(written()).toEqual([]);
      expect(await found('обр')).toEqual(['s1']);

      await store.commit('school-list', 1, 3, [put({ id: 's1', name: 'Ліцей № 1 «Обрій»', district: 'south' }, 3)]);
      expect(written()).toEqual(['-школа', '+ліцей']);
      expect(await found('ліц обр')).toEqual(['s1']);
      expect(await found('школ')).toEqual([]);

      raw.exec('DELETE FROM word_log');
      await store.commit('school-list', 1, 4, [{ op: 'delete', collection: 'schools', id: 's1', position: 4 }]);
      expect(written().sort()).toEqual(['-1', '-ліцей', '-обрій']);
      expect(await found('обр')).toEqual([]);
    } finally {
      raw.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('SqliteReadStore commits on the writer thread', () => {
  const put = (doc: Document, position: number) => ({ op: 'put' as const, collection: 'schools', doc, position });
  const indexes = [
    { name: 'by-district', fields: ['district', 'name'] },
    { name: 'name-words', words: 'name' },
  ];

  it('applies a large commit on another thread, leaving the event loop free meanwhile, and a small one on its own connection', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'okrug-read-writer-'));
    const file = join(dir, 'okrug.sqlite');
    const store = await SqliteReadStore.open({ file, writerThreadMinWrites: 2 });
    const raw = new Database(file);
    try {
      await store.prepare('schools', 1, indexes);
      await store.activate('school-list', 1, ['schools']);
      // What runs on the event loop while a commit is applied: nothing, when it is the store's own connection.
      const during = async (commit: Promise<void>) => {
        let ticked = false;
        setImmediate(() => (ticked = true));
        await commit;
        return ticked;
      };
      expect(await during(store.commit('school-list', 1, 1, [put({ id: 's1', name: 'Школа № 1', district: 'north' }, 1)]))).toBe(false);
      const large = [put({ id: 's2', name: 'Школа № 2', district: 'south' }, 2), put({ id: 's3', name: 'Ліцей «Обрій»', district: 'south' }, 3)];
      expect(await during(store.commit('school-list', 1, 3, large))).toBe(true);
      expect((await store.find('schools', { where: { name: { words: 'обр' } } })).map((d) => d.id)).toEqual(['s3']);
      expect((await store.find('schools', { where: { district: 'south' }, sort: [{ field: 'name', direction: 'asc' }] })).map((d) => d.id)).toEqual(['s3', 's2']);
      expect((await store.checkpoint('school-list'))?.position).toBe(3);
      expect(raw.prepare("SELECT count(*) AS n FROM read_words WHERE collection_copy = 'schools#1'").get()).toEqual({ n: 6 });
    } finally {
      raw.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('prepares a commit again when another process committed the same projection meanwhile, so the words follow the latest document', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'okrug-read-stale-'));
    const file = join(dir, 'okrug.sqlite');
    const store = await SqliteReadStore.open({ file, writerThreadMinWrites: 0 });
    const other = new Database(file);
    try {
      await store.prepare('schools', 1, indexes);
      await store.activate('school-list', 1, ['schools']);
      await store.commit('school-list', 1, 1, [put({ id: 's1', name: 'Школа № 1', district: 'north' }, 1)]);
      // Another process holds the write lock: the store prepares its commit against checkpoint 1
      // ("школа" to go) and its writer thread waits...
      other.exec('BEGIN IMMEDIATE');
      const late = store.commit('school-list', 1, 4, [put({ id: 's1', name: 'Гімназія № 1', district: 'north' }, 4)]);
      await new Promise((resolve) => setTimeout(resolve, 100));
      // ...while that process commits the same projection through 3: "школа" gone, "колегіум" in.
      other.prepare("UPDATE read_documents SET doc = ?, position = 3 WHERE collection_copy = 'schools#1' AND id = 's1'").run(JSON.stringify({ id: 's1', name: 'Колегіум № 1', district: 'north' }));
      other.exec("DELETE FROM read_words WHERE collection_copy = 'schools#1' AND id = 's1' AND word = 'школа'");
      other.exec("INSERT INTO read_words (collection_copy, field, word, id) VALUES ('schools#1', 'name', 'колегіум', 's1')");
      other.exec("UPDATE read_checkpoints SET position = 3 WHERE projection = 'school-list' AND generation = 1");
      other.exec('COMMIT');
      await late;
      const words = async (text: string) => (await store.find('schools', { where: { name: { words: text } } })).map((d) => d.id);
      expect((await store.get('schools', 's1'))?.name).toBe('Гімназія № 1');
      expect(await words('гімназія')).toEqual(['s1']);
      expect(await words('колегіум')).toEqual([]);
      expect(await words('школа')).toEqual([]);
      expect((await store.checkpoint('school-list'))?.position).toBe(4);
    } finally {
      other.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
