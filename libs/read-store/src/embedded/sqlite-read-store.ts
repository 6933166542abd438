import Database from 'better-sqlite3';
import { preparePrivateDatabaseFile } from '@app/event-store/embedded';
import { FOREGROUND_CHECKPOINT_PAGES, acquireWalCheckpointer } from '@app/event-store/embedded';
import {
  Checkpoint,
  CollectionIndex,
  CountOptions,
  Document,
  DocumentWrite,
  FindQuery,
  ReadStore,
  StoredDocument,
  Where,
} from '../read-store.port';
import {
  assertGeneration,
  assertIndexable,
  assertPosition,
  checkIndexes,
  classifyFilter,
  collapseWrites,
  fieldPath,
  foldCase,
  indexedFields,
  matchesWords,
  valueAt,
  wordsOf,
} from '../read-model-support';
import { PreparedCommit, PreparedWrite, SqliteCommitWriter, applyCommit } from './sqlite-commit-writer';

export interface SqliteReadStoreOptions {
  /** The database file; usually the same file the embedded event store writes. */
  file: string;
  /** How long a statement waits for another connection's lock before failing (ms). */
  busyTimeoutMs?: number;
  /**
   * Whether the WAL is checkpointed on a thread of its own rather than by the commits on the
   * event loop (default true; see `wal-checkpointer.ts` in the event store).
   */
  backgroundCheckpoints?: boolean;
  /**
   * Whether large commits (a catch-up's or a rebuild's batches) are applied on a thread of
   * their own (default true; see `sqlite-commit-writer.ts`). A database in memory has none.
   */
  writerThread?: boolean;
  /** Documents in a commit from which it goes to the writer thread (default {@link WRITER_THREAD_MIN_WRITES}). */
  writerThreadMinWrites?: number;
}

/** Documents in a commit from which it goes to the writer thread: catch-up batches, not live ones. */
export const WRITER_THREAD_MIN_WRITES = 64;

type SqlValue = string | number | null;

/** What a copy was prepared with: the fields its key indexes cover and its word-indexed fields. */
interface Declared {
  indexes: readonly CollectionIndex[];
  scalar: ReadonlySet<string>;
  words: ReadonlySet<string>;
}

const NOTHING_DECLARED: Declared = { indexes: [], scalar: new Set(), words: new Set() };

/**
 * The read store in a SQLite file, beside the embedded event store's tables, on its own
 * connection. Documents are JSON text in `read_documents`, keyed by physical copy
 * (`<collection>#<generation>`) and id; a deleted document stays as a tombstone (doc NULL)
 * that remembers the position of its deletion, so that an older write replayed later cannot
 * bring it back.
 *
 * Indexes are per copy: a key index is a partial expression index on `read_documents` over
 * `json_extract(doc, …)` restricted to the copy's live rows (`WHERE collection_copy = '<copy>'
 * AND doc IS NOT NULL`), so the copy's queries — which name the copy as a literal for the
 * planner to match that restriction — walk it instead of the table. A words index keeps each
 * document's words in `read_words`. `read_indexes` records what each copy was prepared with;
 * every process reads it, so the one reading plans the same way as the one that wrote.
 */
export class SqliteReadStore implements ReadStore {
  private closed = false;
  /** Prepared statements by SQL text; queries of the same shape reuse theirs. */
  private readonly statements = new Map<string, Database.Statement>();

  private constructor(
    private readonly db: Database.Database,
    private readonly releaseCheckpointer: () => Promise<void>,
    private readonly writer: SqliteCommitWriter | null,
    private readonly writerThreadMinWrites: number,
  ) {}

  static async open(options: SqliteReadStoreOptions): Promise<SqliteReadStore> {
    preparePrivateDatabaseFile(options.file);
    const db = new Database(options.file, { timeout: options.busyTimeoutMs ?? 30_000 });
    try {
      db.pragma('journal_mode = WAL');
      // Read models can be rebuilt from the log, and a commit's documents and checkpoint stay
      // together either way (WAL): a crash may lose the last commits, which are then replayed.
      // Not waiting for the disk on each projection commit leaves the event loop to requests.
      db.pragma('synchronous = NORMAL');
      // A projection commit touches many index pages; copying them back into the database on
      // the event loop cost more than writing them (see wal-checkpointer.ts).
      if (options.backgroundCheckpoints ?? true) db.pragma(`wal_autocheckpoint = ${FOREGROUND_CHECKPOINT_PAGES}`);
      db.function('fold', { deterministic: true }, (value: unknown) =>
        typeof value === 'string' ? foldCase(value) : null,
      );
      // A `words` filter on a field without a words index: checked row by row.
      db.function('okrug_words', { deterministic: true }, (text: unknown, words: unknown) =>
        matchesWords(text, JSON.parse(String(words)) as string[]) ? 1 : 0,
      );
      db.transaction(() => {
        db.exec(`
          CREATE TABLE IF NOT EXISTS read_documents (
            collection_copy TEXT NOT NULL,
            id TEXT NOT NULL,
            doc TEXT,
            position INTEGER NOT NULL,
            PRIMARY KEY (collection_copy, id)
          ) WITHOUT ROWID;
          CREATE TABLE IF NOT EXISTS read_checkpoints (
            projection TEXT NOT NULL,
            generation INTEGER NOT NULL,
            position INTEGER NOT NULL,
            PRIMARY KEY (projection, generation)
          );
          CREATE TABLE IF NOT EXISTS read_projections (
            projection TEXT PRIMARY KEY,
            generation INTEGER NOT NULL
          );
          CREATE TABLE IF NOT EXISTS read_aliases (
            collection TEXT PRIMARY KEY,
            projection TEXT NOT NULL,
            generation INTEGER NOT NULL
          );
          CREATE TABLE IF NOT EXISTS read_indexes (
            collection_copy TEXT NOT NULL,
            name TEXT NOT NULL,
            spec TEXT NOT NULL,
            PRIMARY KEY (collection_copy, name)
          ) WITHOUT ROWID;
          CREATE TABLE IF NOT EXISTS read_words (
            collection_copy TEXT NOT NULL,
            field TEXT NOT NULL,
            word TEXT NOT NULL,
            id TEXT NOT NULL,
            PRIMARY KEY (collection_copy, field, word, id)
          ) WITHOUT ROWID;
        `);
      }).immediate();
    } catch (error) {
      db.close();
      throw error;
    }
    const background = options.backgroundCheckpoints ?? true;
    const busyTimeoutMs = options.busyTimeoutMs ?? 30_000;
    const writer = (options.writerThread ?? true) ? SqliteCommitWriter.start(options.file, { busyTimeoutMs, checkpointPages: background ? FOREGROUND_CHECKPOINT_PAGES : 1_000 }) : null;
    const releaseCheckpointer = background ? acquireWalCheckpointer(options.file, { busyTimeoutMs }) : async () => undefined;
    return new SqliteReadStore(db, releaseCheckpointer, writer, options.writerThreadMinWrites ?? WRITER_THREAD_MIN_WRITES);
  }

  static copyName(collection: string, generation: number): string {
    return `${collection}#${generation}`;
  }

  async get(collection: string, id: string): Promise<Document | null> {
    // One statement reads the alias and the document together (atomically, without the cost
    // of an explicit transaction): every authenticated request does this for its key.
    const select = this.sql(
      `SELECT d.doc FROM read_aliases AS a JOIN read_documents AS d ON d.collection_copy = a.collection || '#' || a.generation AND d.id = ?
       WHERE a.collection = ? AND d.doc IS NOT NULL`,
    );
    const row = select.get(id, collection) as { doc: string } | undefined;
    return row ? (JSON.parse(row.doc) as Document) : null;
  }

  async find(collection: string, query: FindQuery = {}): Promise<Document[]> {
    checkPaging(query);
    return this.read(() => {
      const copy = this.activeCopy(collection);
      if (!copy) return [];
      const { sql, params } = this.findSql(copy, query);
      const rows = this.sql(sql).all(...params) as { doc: string }[];
      return rows.map((row) => JSON.parse(row.doc) as Document);
    });
  }

  async count(collection: string, whereClause?: Where, options: CountOptions = {}): Promise<number> {
    const upTo = options.upTo ?? -1;
    if (!Number.isSafeInteger(upTo) || upTo < -1) throw new RangeError(`bad count limit ${upTo}`);
    return this.read(() => {
      const copy = this.activeCopy(collection);
      if (!copy) return 0;
      const { sql, params } = this.countSql(copy, whereClause, upTo);
      const row = this.sql(sql).get(...params) as { n: number };
      return row.n;
    });
  }

  /**
   * The plan SQLite chooses for a find or a count on the active copy (EXPLAIN QUERY PLAN
   * details, one per step): lets tests check that a list is served by an index.
   */
  async plan(collection: string, query: FindQuery & { count?: boolean; upTo?: number } = {}): Promise<string[]> {
    return this.read(() => {
      const copy = this.activeCopy(collection);
      if (!copy) return [];
      const { sql, params } = query.count ? this.countSql(copy, query.where, query.upTo ?? -1) : this.findSql(copy, query);
      const rows = this.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[];
      return rows.map((row) => row.detail);
    });
  }

  async prepare(collection: string, generation: number, indexes: readonly CollectionIndex[]): Promise<void> {
    assertGeneration(generation);
    const wanted = checkIndexes(collection, indexes);
    const copy = SqliteReadStore.copyName(collection, generation);
    const declare = this.sql('INSERT OR REPLACE INTO read_indexes (collection_copy, name, spec) VALUES (?, ?, ?)');
    this.db
      .transaction(() => {
        const before = new Map(this.declarations(copy).map((index) => [index.name, JSON.stringify(index)]));
        for (const [name, spec] of before) {
          if (!wanted.some((index) => index.name === name && JSON.stringify(index) === spec)) {
            this.dropIndex(copy, JSON.parse(spec) as CollectionIndex);
          }
        }
        for (const index of wanted) {
          const spec = JSON.stringify(index);
          if (before.get(index.name) === spec) continue;
          if ('fields' in index) {
            for (const field of index.fields) {
              if (field === 'id') continue;
              const path = jsonPath(field);
              const bad = this.sql(
                `SELECT id FROM read_documents WHERE collection_copy = ? AND doc IS NOT NULL AND json_type(doc, '${path}') IN ('array', 'object') LIMIT 1`,
              ).get(copy) as { id: string } | undefined;
              if (bad) throw new Error(`${copy}/${bad.id}: the field ${field} of index ${index.name} holds a list or an object`);
            }
            const keys = [...index.fields.map(keyExpression), 'id'].filter((key, i, all) => all.indexOf(key) === i);
            this.db.exec(
              `CREATE INDEX IF NOT EXISTS ${quoteName(sqlIndexName(copy, index.name))} ON read_documents (${keys.join(', ')})
               WHERE collection_copy = ${quoteText(copy)} AND doc IS NOT NULL`,
            );
          } else {
            this.fillWords(copy, index.words);
          }
          declare.run(copy, index.name, spec);
        }
      })
      .immediate();
  }

  async loadDocuments(collection: string, generation: number, ids: readonly string[]): Promise<Map<string, StoredDocument>> {
    assertGeneration(generation);
    const found = new Map<string, StoredDocument>();
    const copy = SqliteReadStore.copyName(collection, generation);
    if (ids.length === 0) return found;
    // One statement for the whole batch (a lookup each by the key): a catch-up asks for a few
    // hundred ids at a time, and a statement per id cost more than the lookups.
    const rows = this.sql(
      'SELECT id, doc, position FROM read_documents WHERE collection_copy = ? AND id IN (SELECT value FROM json_each(?))',
    ).all(copy, JSON.stringify([...new Set(ids)])) as { id: string; doc: string | null; position: number }[];
    for (const row of rows) found.set(row.id, { doc: row.doc === null ? null : (JSON.parse(row.doc) as Document), position: row.position });
    return found;
  }

  async checkpoint(projection: string, generation?: number): Promise<Checkpoint | null> {
    return this.read(() => {
      const wanted = generation ?? this.active(projection);
      if (wanted === null) return null;
      const select = this.sql('SELECT position FROM read_checkpoints WHERE projection = ? AND generation = ?');
      const row = select.get(projection, wanted) as { position: number } | undefined;
      return row ? { projection, generation: wanted, position: row.position } : null;
    });
  }

  async activeGeneration(projection: string): Promise<number | null> {
    return this.read(() => this.active(projection));
  }

  async commit(projection: string, generation: number, position: number, writes: DocumentWrite[]): Promise<void> {
    assertGeneration(generation);
    assertPosition(position);
    let prepared = this.prepareCommit(projection, generation, position, writes);
    // Only the serialised documents are kept while the commit is under way (the objects are the
    // caller's): a catch-up's would otherwise outlive a collection or two and be copied each time.
    writes = [];
    // Another process committing the same projection between the preparation and the commit
    // makes it stale: it is prepared again against what that one wrote (or found applied).
    while (prepared !== 'skipped') {
      const writer = this.writer;
      // A large commit (a catch-up's, a rebuild's) goes to the writer thread, and so does any
      // of the same projection made while it still has one: they are applied in their order.
      const outcome =
        writer?.alive && (prepared.writes.length >= this.writerThreadMinWrites || writer.busyWith(projection, generation))
          ? await writer.apply(prepared)
          : applyCommit(this.db, (text) => this.sql(text), prepared);
      if (outcome !== 'stale') return;
      prepared = this.prepareCommit(projection, generation, position, writesOf(prepared));
    }
  }

  /**
   * What a commit asks of SQL: one write per document (the latest), each checked against the
   * copy's key indexes and serialised, with the words of its word-indexed fields that it loses
   * and gains against the stored document; 'skipped' when the checkpoint is at or past it.
   */
  private prepareCommit(projection: string, generation: number, position: number, writes: DocumentWrite[]): PreparedCommit | 'skipped' {
    const collapsed = collapseWrites(writes);
    return this.read(() => {
      const row = this.sql('SELECT position FROM read_checkpoints WHERE projection = ? AND generation = ?').get(projection, generation) as
        | { position: number }
        | undefined;
      // A batch at or behind the checkpoint was applied already: replaying it changes nothing.
      if (row && row.position >= position) return 'skipped';
      const declaredByCopy = new Map<string, Declared>();
      const worded = new Map<string, string[]>();
      for (const write of collapsed) {
        const copy = SqliteReadStore.copyName(write.collection, generation);
        let declared = declaredByCopy.get(copy);
        if (!declared) declaredByCopy.set(copy, (declared = this.declared(copy)));
        if (write.op === 'put') assertIndexable(write.collection, write.doc, [...declared.scalar]);
        if (declared.words.size === 0) continue;
        let ids = worded.get(copy);
        if (!ids) worded.set(copy, (ids = []));
        ids.push(write.op === 'put' ? write.doc.id : write.id);
      }
      // The words the documents have, to change only those that differ: one statement per copy
      // (not a read and parse of each stored document), as loadDocuments does.
      const before = new Map<string, Map<string, Map<string, unknown>>>();
      for (const [copy, ids] of worded) before.set(copy, this.storedWords(copy, [...declaredByCopy.get(copy)!.words], ids));
      const prepared: PreparedWrite[] = collapsed.map((write) => {
        const copy = SqliteReadStore.copyName(write.collection, generation);
        const id = write.op === 'put' ? write.doc.id : write.id;
        const words: PreparedWrite[4] = [];
        for (const field of declaredByCopy.get(copy)!.words) {
          const had = wordsOf(before.get(copy)?.get(id)?.get(field));
          const has = write.op === 'put' ? wordsOf(valueAt(write.doc, fieldPath(field))) : [];
          const lost = had.filter((word) => !has.includes(word));
          const gained = has.filter((word) => !had.includes(word));
          if (lost.length > 0 || gained.length > 0) words.push([field, lost, gained]);
        }
        return [copy, id, write.op === 'put' ? JSON.stringify(write.doc) : null, write.position, words];
      });
      return { projection, generation, position, seen: row ? row.position : null, writes: prepared };
    });
  }

  /**
   * The texts of the word-indexed `fields` that the documents `ids` of a copy hold, by id and
   * field (a field that is not text, or a deleted document, gives none): what their words were
   * before a commit changes them.
   */
  private storedWords(copy: string, fields: readonly string[], ids: readonly string[]): Map<string, Map<string, unknown>> {
    const texts = fields.map((field, i) => `CASE json_type(doc, '${jsonPath(field)}') WHEN 'text' THEN json_extract(doc, '${jsonPath(field)}') END AS w${i}`);
    const rows = this.sql(
      `SELECT id, ${texts.join(', ')} FROM read_documents WHERE collection_copy = ? AND id IN (SELECT value FROM json_each(?))`,
    ).all(copy, JSON.stringify(ids)) as Array<{ id: string } & Record<string, unknown>>;
    const found = new Map<string, Map<string, unknown>>();
    for (const row of rows) found.set(row.id, new Map(fields.map((field, i) => [field, row[`w${i}`] ?? undefined])));
    return found;
  }

  async activate(projection: string, generation: number, collections: string[]): Promise<void> {
    assertGeneration(generation);
    const setProjection = this.sql(
      `INSERT INTO read_projections (projection, generation) VALUES (?, ?)
       ON CONFLICT (projection) DO UPDATE SET generation = excluded.generation`,
    );
    const setAlias = this.sql(
      `INSERT INTO read_aliases (collection, projection, generation) VALUES (?, ?, ?)
       ON CONFLICT (collection) DO UPDATE SET projection = excluded.projection, generation = excluded.generation`,
    );
    this.db
      .transaction(() => {
        setProjection.run(projection, generation);
        for (const collection of collections) setAlias.run(collection, projection, generation);
      })
      .immediate();
  }

  async dropGeneration(projection: string, generation: number, collections: string[]): Promise<void> {
    assertGeneration(generation);
    const deleteCopy = this.sql('DELETE FROM read_documents WHERE collection_copy = ?');
    this.db
      .transaction(() => {
        if (this.active(projection) === generation) {
          throw new Error(`generation ${generation} of ${projection} is active; activate another before dropping it`);
        }
        for (const collection of collections) {
          const copy = SqliteReadStore.copyName(collection, generation);
          deleteCopy.run(copy);
          for (const index of this.declarations(copy)) this.dropIndex(copy, index);
        }
        this.sql('DELETE FROM read_checkpoints WHERE projection = ? AND generation = ?').run(projection, generation);
      })
      .immediate();
  }

  async ping(): Promise<{ kind: string }> {
    this.sql('SELECT 1').get();
    return { kind: 'sqlite' };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.writer?.close();
    await this.releaseCheckpointer();
    this.db.close();
  }

  private sql(text: string): Database.Statement {
    let statement = this.statements.get(text);
    if (!statement) {
      if (this.statements.size >= 500) this.statements.clear();
      statement = this.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  private declarations(copy: string): CollectionIndex[] {
    const rows = this.sql('SELECT spec FROM read_indexes WHERE collection_copy = ?').all(copy) as { spec: string }[];
    return rows.map((row) => JSON.parse(row.spec) as CollectionIndex);
  }

  private declared(copy: string): Declared {
    const declarations = this.declarations(copy);
    if (declarations.length === 0) return NOTHING_DECLARED;
    return {
      indexes: declarations,
      scalar: new Set(indexedFields(declarations)),
      words: new Set(declarations.flatMap((index) => ('words' in index ? [index.words] : []))),
    };
  }

  private dropIndex(copy: string, index: CollectionIndex): void {
    if ('fields' in index) this.db.exec(`DROP INDEX IF EXISTS ${quoteName(sqlIndexName(copy, index.name))}`);
    else this.sql('DELETE FROM read_words WHERE collection_copy = ? AND field = ?').run(copy, index.words);
    this.sql('DELETE FROM read_indexes WHERE collection_copy = ? AND name = ?').run(copy, index.name);
  }

  private fillWords(copy: string, field: string): void {
    this.sql('DELETE FROM read_words WHERE collection_copy = ? AND field = ?').run(copy, field);
    const rows = this.db
      .prepare(`SELECT id, json_extract(doc, '${jsonPath(field)}') AS text FROM read_documents WHERE collection_copy = ? AND doc IS NOT NULL`)
      .all(copy) as { id: string; text: unknown }[];
    for (const row of rows) this.changeWords(copy, field, row.id, undefined, row.text);
  }

  /** Replaces a document's words of a field: removes those it lost and adds those it gained. */
  private changeWords(copy: string, field: string, id: string, before: unknown, after: unknown): void {
    const old = new Set(wordsOf(before));
    const next = wordsOf(after);
    const gone = [...old].filter((word) => !next.includes(word));
    const added = next.filter((word) => !old.has(word));
    // One statement each way per document: the words go in as one JSON list.
    if (gone.length) {
      this.sql('DELETE FROM read_words WHERE collection_copy = ? AND field = ? AND id = ? AND word IN (SELECT value FROM json_each(?))').run(
        copy,
        field,
        id,
        JSON.stringify(gone),
      );
    }
    if (added.length) {
      this.sql('INSERT OR IGNORE INTO read_words (collection_copy, field, word, id) SELECT ?, ?, value, ? FROM json_each(?)').run(
        copy,
        field,
        id,
        JSON.stringify(added),
      );
    }
  }

  /**
   * The copy is written into the SQL as a literal, not bound: a partial index serves a query
   * only when the planner sees that the query's WHERE implies the index's.
   */
  private findSql(copy: string, query: FindQuery): { sql: string; params: SqlValue[] } {
    const declared = this.declared(copy);
    const where = buildWhere(query.where, copy, declared, this.wordsDrive(copy, query.where, declared));
    // A key fixed by an equality orders nothing; leaving it out lets the index that starts
    // with the equalities give the order (SQLite sees that for columns, not for expressions).
    const fixed = new Set(
      Object.entries(query.where ?? {})
        .filter(([field, filter]) => (field === 'id' || declared.scalar.has(field)) && (typeof filter === 'string' || typeof filter === 'number'))
        .map(([field]) => field),
    );
    const order = (query.sort ?? []).flatMap((key) => {
      if (key.direction !== 'asc' && key.direction !== 'desc') throw new RangeError(`bad sort direction ${key.direction}`);
      return fixed.has(key.field) ? [] : [`${keyExpression(key.field)} ${key.direction === 'desc' ? 'DESC' : 'ASC'}`];
    });
    if (!(query.sort ?? []).some((key) => key.field === 'id')) order.push('id ASC');
    return {
      sql: `SELECT doc FROM read_documents WHERE collection_copy = ${quoteText(copy)} AND doc IS NOT NULL${where.sql}
         ORDER BY ${order.join(', ')} LIMIT ? OFFSET ?`,
      params: [...where.params, query.limit ?? -1, query.offset ?? 0],
    };
  }

  private countSql(copy: string, whereClause: Where | undefined, upTo: number): { sql: string; params: SqlValue[] } {
    const declared = this.declared(copy);
    const plan = this.wordsDrive(copy, whereClause, declared);
    if (plan) {
      // A count stops at `upTo` matches: walking the rarest word's entries in a join gets there
      // soonest, and unlike "id IN (its matches)" does not list them all first (a common word
      // matches every document). DISTINCT: a document may have two words with that beginning.
      const where = buildWhere(whereClause, copy, declared, { ...plan, walk: true, joined: true });
      return {
        sql: `SELECT count(*) AS n FROM (SELECT DISTINCT w.id FROM read_words AS w CROSS JOIN read_documents
           ON read_documents.collection_copy = ${quoteText(copy)} AND read_documents.id = w.id
           WHERE w.collection_copy = ${quoteText(copy)} AND w.field = ? AND w.word >= ? AND w.word < ? AND read_documents.doc IS NOT NULL${where.sql} LIMIT ?)`,
        params: [plan.field, plan.word, plan.word + TOP, ...where.params, upTo],
      };
    }
    const where = buildWhere(whereClause, copy, declared, null);
    // Without an order to follow, SQLite (having no statistics) prefers walking the whole copy
    // by its key; the count is told which index its equalities lead.
    const index = 'id' in (whereClause ?? {}) ? null : leadingIndex(declared, whereClause);
    const indexedBy = index ? ` INDEXED BY ${quoteName(sqlIndexName(copy, index))}` : '';
    return {
      sql: `SELECT count(*) AS n FROM (SELECT 1 FROM read_documents${indexedBy} WHERE collection_copy = ${quoteText(copy)} AND doc IS NOT NULL${where.sql} LIMIT ?)`,
      params: [...where.params, upTo],
    };
  }

  /**
   * Whether a page with a words filter should be found by walking the documents the rarest
   * word matches (then sorted), or by walking the sort order and checking the words. SQLite
   * cannot tell without statistics, so the store counts, up to WORDS_DRIVE_LIMIT, how many
   * documents each word matches: when one matches few, walking them is cheap; when every word
   * matches many, matches are dense and a page in sort order is found after few rows. Only the
   * rarest word is walked; the others are checked on the way.
   */
  private wordsDrive(copy: string, where: Where | undefined, declared: Declared): WordsPlan | null {
    let rarest: WordsPlan & { n: number } = { field: '', word: '', n: Infinity };
    for (const [field, filter] of Object.entries(where ?? {})) {
      if (!declared.words.has(field) || filter === null || typeof filter !== 'object' || !('words' in filter)) continue;
      for (const word of wordsOf(filter.words)) {
        const row = this.sql(
          'SELECT count(*) AS n FROM (SELECT 1 FROM read_words WHERE collection_copy = ? AND field = ? AND word >= ? AND word < ? LIMIT ?)',
        ).get(copy, field, word, word + TOP, WORDS_DRIVE_LIMIT) as { n: number };
        if (row.n < rarest.n) rarest = { field, word, n: row.n };
      }
    }
    return rarest.n === Infinity ? null : { field: rarest.field, word: rarest.word, walk: rarest.n < WORDS_DRIVE_LIMIT };
  }

  /** Runs reads in one transaction, so an alias and the documents it points to agree. */
  private read<T>(fn: () => T): T {
    return this.db.transaction(fn).deferred();
  }

  private active(projection: string): number | null {
    const row = this.sql('SELECT generation FROM read_projections WHERE projection = ?').get(projection) as
      | { generation: number }
      | undefined;
    return row ? row.generation : null;
  }

  private activeCopy(collection: string): string | null {
    const row = this.sql('SELECT generation FROM read_aliases WHERE collection = ?').get(collection) as
      | { generation: number }
      | undefined;
    return row ? SqliteReadStore.copyName(collection, row.generation) : null;
  }
}

/** The writes a prepared commit was made from, back from their serialised documents. */
const writesOf = (prepared: PreparedCommit): DocumentWrite[] =>
  prepared.writes.map(([copy, id, doc, position]) => {
    const collection = copy.slice(0, copy.lastIndexOf('#'));
    return doc === null ? { op: 'delete', collection, id, position } : { op: 'put', collection, doc: JSON.parse(doc) as Document, position };
  });

/** `$."a"."b"` for `a.b`; the names were checked, so quoting them is enough. */
const jsonPath = (field: string): string => `$${fieldPath(field).map((segment) => `."${segment}"`).join('')}`;

/** The SQL for a field's value: the id column for `id` (a document's id is its key), else json_extract. */
const keyExpression = (field: string): string => (field === 'id' ? 'id' : `json_extract(doc, '${jsonPath(field)}')`);

const quoteText = (text: string): string => `'${text.replace(/'/g, "''")}'`;
const quoteName = (name: string): string => `"${name.replace(/"/g, '""')}"`;
const sqlIndexName = (copy: string, name: string): string => `read_ix ${copy} ${name}`;

/** The key index whose leading fields the most equalities of `where` fix (none when it fixes none). */
const leadingIndex = (declared: Declared, where: Where | undefined): string | null => {
  const fixed = new Set(
    Object.entries(where ?? {})
      .filter(([field, filter]) => declared.scalar.has(field) && (typeof filter === 'string' || typeof filter === 'number'))
      .map(([field]) => field),
  );
  let best: { name: string; lead: number } | null = null;
  for (const index of declared.indexes) {
    if (!('fields' in index)) continue;
    let lead = 0;
    while (lead < index.fields.length && fixed.has(index.fields[lead])) lead++;
    if (lead > 0 && (!best || lead > best.lead)) best = { name: index.name, lead };
  }
  return best?.name ?? null;
};

const checkPaging = (query: FindQuery): void => {
  const offset = query.offset ?? 0;
  const limit = query.limit ?? -1;
  if (!Number.isSafeInteger(offset) || offset < 0) throw new RangeError(`bad offset ${offset}`);
  if (!Number.isSafeInteger(limit) || limit < -1) throw new RangeError(`bad limit ${limit}`);
};

/** An SQL bind value for a scalar: SQLite stores JSON true/false as 1/0. */
const bindable = (value: string | number | boolean): SqlValue => (typeof value === 'boolean' ? (value ? 1 : 0) : value);

const RANGE_SQL = { gte: '>=', lte: '<=', gt: '>', lt: '<' } as const;

/** Which word a query with words walks (`walk`), or, when none is rare, that it walks the sort order. */
interface WordsPlan {
  field: string;
  word: string;
  walk?: boolean;
  /** The query joins the walked word's entries instead of listing them first. */
  joined?: boolean;
}

/** See SqliteReadStore.wordsDrive. */
const WORDS_DRIVE_LIMIT = 1000;

/** Above every character: `word >= p AND word < p || TOP` is "word begins with p". */
const TOP = String.fromCodePoint(0x10ffff);

/**
 * Translates filters into SQL over json_extract. Comparisons stay within one JSON type (text
 * with text, numbers with numbers) like a document database's; equality also matches an
 * element of an array; equality with null matches a missing field too.
 *
 * On a field a key index covers (a scalar by the index's rule) equality is a plain `=`/`IN`/`IS
 * NULL` on the indexed expression, which the index serves; a text and a number never compare
 * equal there, because SQLite does not convert between them for expressions. `id` is the key
 * column. A `words` filter on a word-indexed field looks the words up in `read_words`.
 */
const buildWhere = (
  where: Where | undefined,
  copy: string,
  declared: Declared,
  words: WordsPlan | null,
): { sql: string; params: SqlValue[] } => {
  const clauses: string[] = [];
  const params: SqlValue[] = [];
  // Walking one word's matches: every other condition is kept away from its index (a unary +
  // makes an expression or column no index matches), or the planner might walk that instead.
  const walkWords = !!words?.walk;
  for (const [field, filter] of Object.entries(where ?? {})) {
    const path = jsonPath(field);
    const value = `json_extract(doc, '${path}')`;
    const type = `json_type(doc, '${path}')`;
    const scalarField = field === 'id' || declared.scalar.has(field);
    // Qualified: a count may join the words table, which has an id too.
    const key = field === 'id' ? 'read_documents.id' : keyExpression(field);
    const column = walkWords && field !== 'id' ? `+${key}` : key;
    const equals = (scalar: string | number | boolean | null): string => {
      if (field === 'id') {
        // Ids are text; anything else names no document.
        if (typeof scalar !== 'string') return '0';
        params.push(scalar);
        return 'read_documents.id = ?';
      }
      if (scalarField && typeof scalar === 'string') {
        params.push(scalar);
        return `${column} = ?`;
      }
      // JSON true/false read as 1/0: the type tells them from numbers.
      if (scalarField && typeof scalar === 'number') {
        params.push(scalar);
        return `(${column} = ? AND ${type} IN ('integer', 'real'))`;
      }
      if (scalar === null) return `${value} IS NULL`;
      if (typeof scalar === 'boolean') {
        if (scalarField) return `${type} = '${scalar}'`;
        return `(${type} = '${scalar}' OR (${type} = 'array' AND EXISTS (SELECT 1 FROM json_each(doc, '${path}') WHERE type = '${scalar}')))`;
      }
      const kinds = typeof scalar === 'string' ? `('text')` : `('integer', 'real')`;
      params.push(scalar, scalar);
      return `((${value} = ? AND ${type} IN ${kinds}) OR (${type} = 'array' AND EXISTS (SELECT 1 FROM json_each(doc, '${path}') WHERE value = ? AND type IN ${kinds})))`;
    };
    const condition = classifyFilter(field, filter);
    switch (condition.kind) {
      case 'eq':
        clauses.push(equals(condition.value));
        break;
      case 'in': {
        if (!condition.values.length) {
          clauses.push('0');
          break;
        }
        const plain = condition.values.filter((v): v is string | number => typeof v === 'string' || (field !== 'id' && typeof v === 'number'));
        if (scalarField && plain.length === condition.values.length) {
          // One IN list: the index (or the key) is searched once per value.
          const numbers = plain.some((v) => typeof v === 'number');
          clauses.push(`(${column} IN (${plain.map(() => '?').join(', ')})${numbers ? ` AND ${type} NOT IN ('true', 'false')` : ''})`);
          params.push(...plain);
        } else {
          clauses.push(`(${condition.values.map(equals).join(' OR ')})`);
        }
        break;
      }
      case 'contains':
        clauses.push(`instr(fold(${value}), ?) > 0`);
        params.push(foldCase(condition.text));
        break;
      case 'words':
        if (condition.words.length === 0) break;
        if (declared.words.has(field)) {
          for (const word of condition.words) {
            if (walkWords && words?.field === field && words.word === word) {
              // A count joins this word's matches itself (see countSql).
              if (words.joined) continue;
              clauses.push(`read_documents.id IN (SELECT id FROM read_words WHERE collection_copy = ${quoteText(copy)} AND field = ? AND word >= ? AND word < ?)`);
              params.push(field, word, word + TOP);
            } else {
              // Checked row by row on the document's own text (not by listing every document
              // the word matches, which may be all of them).
              clauses.push(`okrug_words(${value}, ?) = 1`);
              params.push(JSON.stringify([word]));
            }
          }
        } else {
          clauses.push(`okrug_words(${value}, ?) = 1`);
          params.push(JSON.stringify(condition.words));
        }
        break;
      case 'range':
        for (const bound of condition.bounds) {
          const kinds = typeof bound.value === 'string' ? `('text')` : `('integer', 'real')`;
          clauses.push(`(${type} IN ${kinds} AND ${column} ${RANGE_SQL[bound.op]} ?)`);
          params.push(bindable(bound.value));
        }
        break;
    }
  }
  return { sql: clauses.map((clause) => ` AND ${clause}`).join(''), params };
};
