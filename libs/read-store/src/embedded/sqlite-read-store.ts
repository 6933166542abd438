import Database from 'better-sqlite3';
import { preparePrivateDatabaseFile } from '@app/event-store/embedded/private-database-file';
import {
  Checkpoint,
  Document,
  DocumentWrite,
  FindQuery,
  ReadStore,
  StoredDocument,
  Where,
} from '../read-store.port';
import {
  assertGeneration,
  assertPosition,
  classifyFilter,
  collapseWrites,
  fieldPath,
  foldCase,
} from '../read-model-support';

export interface SqliteReadStoreOptions {
  /** The database file; usually the same file the embedded event store writes. */
  file: string;
  /** How long a statement waits for another connection's lock before failing (ms). */
  busyTimeoutMs?: number;
}

type SqlValue = string | number | null;

/**
 * The read store in a SQLite file, beside the embedded event store's tables, on its own
 * connection. Documents are JSON text in `read_documents`, keyed by physical copy
 * (`<collection>#<generation>`) and id; a deleted document stays as a tombstone (doc NULL)
 * that remembers the position of its deletion, so that an older write replayed later cannot
 * bring it back.
 */
export class SqliteReadStore implements ReadStore {
  private closed = false;
  /** Prepared statements by SQL text; queries of the same shape reuse theirs. */
  private readonly statements = new Map<string, Database.Statement>();

  private constructor(private readonly db: Database.Database) {}

  static async open(options: SqliteReadStoreOptions): Promise<SqliteReadStore> {
    preparePrivateDatabaseFile(options.file);
    const db = new Database(options.file, { timeout: options.busyTimeoutMs ?? 30_000 });
    try {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.function('fold', { deterministic: true }, (value: unknown) =>
        typeof value === 'string' ? foldCase(value) : null,
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
        `);
      }).immediate();
    } catch (error) {
      db.close();
      throw error;
    }
    return new SqliteReadStore(db);
  }

  static copyName(collection: string, generation: number): string {
    return `${collection}#${generation}`;
  }

  async get(collection: string, id: string): Promise<Document | null> {
    return this.read(() => {
      const copy = this.activeCopy(collection);
      if (!copy) return null;
      const select = this.sql('SELECT doc FROM read_documents WHERE collection_copy = ? AND id = ? AND doc IS NOT NULL');
      const row = select.get(copy, id) as { doc: string } | undefined;
      return row ? (JSON.parse(row.doc) as Document) : null;
    });
  }

  async find(collection: string, query: FindQuery = {}): Promise<Document[]> {
    const where = buildWhere(query.where);
    const order = (query.sort ?? []).map((key) => {
      if (key.direction !== 'asc' && key.direction !== 'desc') throw new RangeError(`bad sort direction ${key.direction}`);
      return `json_extract(doc, '${jsonPath(key.field)}') ${key.direction === 'desc' ? 'DESC' : 'ASC'}`;
    });
    order.push('id ASC');
    const offset = query.offset ?? 0;
    const limit = query.limit ?? -1;
    if (!Number.isSafeInteger(offset) || offset < 0) throw new RangeError(`bad offset ${offset}`);
    if (!Number.isSafeInteger(limit) || limit < -1) throw new RangeError(`bad limit ${limit}`);
    return this.read(() => {
      const copy = this.activeCopy(collection);
      if (!copy) return [];
      const select = this.sql(
        `SELECT doc FROM read_documents WHERE collection_copy = ? AND doc IS NOT NULL${where.sql}
         ORDER BY ${order.join(', ')} LIMIT ? OFFSET ?`,
      );
      const rows = select.all(copy, ...where.params, limit, offset) as { doc: string }[];
      return rows.map((row) => JSON.parse(row.doc) as Document);
    });
  }

  async count(collection: string, whereClause?: Where): Promise<number> {
    const where = buildWhere(whereClause);
    return this.read(() => {
      const copy = this.activeCopy(collection);
      if (!copy) return 0;
      const select = this.sql(`SELECT count(*) AS n FROM read_documents WHERE collection_copy = ? AND doc IS NOT NULL${where.sql}`);
      const row = select.get(copy, ...where.params) as { n: number };
      return row.n;
    });
  }

  async loadDocuments(collection: string, generation: number, ids: readonly string[]): Promise<Map<string, StoredDocument>> {
    assertGeneration(generation);
    const found = new Map<string, StoredDocument>();
    const copy = SqliteReadStore.copyName(collection, generation);
    const unique = [...new Set(ids)];
    const select = this.sql('SELECT id, doc, position FROM read_documents WHERE collection_copy = ? AND id = ?');
    this.read(() => {
      for (const id of unique) {
        const row = select.get(copy, id) as { id: string; doc: string | null; position: number } | undefined;
        if (row) found.set(row.id, { doc: row.doc === null ? null : (JSON.parse(row.doc) as Document), position: row.position });
      }
    });
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
    const collapsed = collapseWrites(writes);
    const current = this.sql('SELECT position FROM read_checkpoints WHERE projection = ? AND generation = ?');
    const upsert = this.sql(
      `INSERT INTO read_documents (collection_copy, id, doc, position) VALUES (?, ?, ?, ?)
       ON CONFLICT (collection_copy, id) DO UPDATE SET doc = excluded.doc, position = excluded.position
       WHERE excluded.position > read_documents.position`,
    );
    const moveCheckpoint = this.sql(
      `INSERT INTO read_checkpoints (projection, generation, position) VALUES (?, ?, ?)
       ON CONFLICT (projection, generation) DO UPDATE SET position = excluded.position
       WHERE excluded.position > read_checkpoints.position`,
    );
    this.db
      .transaction(() => {
        const row = current.get(projection, generation) as { position: number } | undefined;
        // A batch at or behind the checkpoint was applied already: replaying it changes nothing.
        if (row && row.position >= position) return;
        for (const write of collapsed) {
          const copy = SqliteReadStore.copyName(write.collection, generation);
          if (write.op === 'put') upsert.run(copy, write.doc.id, JSON.stringify(write.doc), write.position);
          else upsert.run(copy, write.id, null, write.position);
        }
        moveCheckpoint.run(projection, generation, position);
      })
      .immediate();
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
        for (const collection of collections) deleteCopy.run(SqliteReadStore.copyName(collection, generation));
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

/** `$."a"."b"` for `a.b`; the names were checked, so quoting them is enough. */
const jsonPath = (field: string): string => `$${fieldPath(field).map((segment) => `."${segment}"`).join('')}`;

/** An SQL bind value for a scalar: SQLite stores JSON true/false as 1/0. */
const bindable = (value: string | number | boolean): SqlValue => (typeof value === 'boolean' ? (value ? 1 : 0) : value);

const RANGE_SQL = { gte: '>=', lte: '<=', gt: '>', lt: '<' } as const;

/**
 * Translates filters into SQL over json_extract. Comparisons stay within one JSON type (text
 * with text, numbers with numbers) like a document database's; equality also matches an
 * element of an array; equality with null matches a missing field too.
 */
const buildWhere = (where: Where | undefined): { sql: string; params: SqlValue[] } => {
  const clauses: string[] = [];
  const params: SqlValue[] = [];
  for (const [field, filter] of Object.entries(where ?? {})) {
    const path = jsonPath(field);
    const value = `json_extract(doc, '${path}')`;
    const type = `json_type(doc, '${path}')`;
    const equals = (scalar: string | number | boolean | null): string => {
      if (scalar === null) return `${value} IS NULL`;
      if (typeof scalar === 'boolean') {
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
      case 'in':
        clauses.push(condition.values.length ? `(${condition.values.map(equals).join(' OR ')})` : '0');
        break;
      case 'contains':
        clauses.push(`instr(fold(${value}), ?) > 0`);
        params.push(foldCase(condition.text));
        break;
      case 'range':
        for (const bound of condition.bounds) {
          const kinds = typeof bound.value === 'string' ? `('text')` : `('integer', 'real')`;
          clauses.push(`(${type} IN ${kinds} AND ${value} ${RANGE_SQL[bound.op]} ?)`);
          params.push(bindable(bound.value));
        }
        break;
    }
  }
  return { sql: clauses.map((clause) => ` AND ${clause}`).join(''), params };
};
