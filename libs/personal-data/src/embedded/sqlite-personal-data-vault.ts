import Database from 'better-sqlite3';
import { preparePrivateDatabaseFile } from '@app/event-store/embedded';
import { ErasedPerson, PersonLookup, PersonRecord, PersonalDataVault } from '../personal-data-vault.port';
import {
  checkedErasure,
  checkedLookup,
  checkedRecord,
  personErased,
  personNotFound,
  personOfAnotherDepartment,
} from '../vault-input';

export interface SqlitePersonalDataVaultOptions {
  /** The database file; usually the same file the embedded event store writes. */
  file: string;
  /** How long a statement waits for another connection's lock before failing (ms). */
  busyTimeoutMs?: number;
}

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS personal_data (
    person_id TEXT PRIMARY KEY,
    department TEXT NOT NULL,
    full_name TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    recorded_by TEXT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS personal_data_history (
    id INTEGER PRIMARY KEY,
    person_id TEXT NOT NULL,
    department TEXT NOT NULL,
    full_name TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    replaced_at TEXT NOT NULL,
    replaced_by TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS personal_data_history_person ON personal_data_history (person_id);
  CREATE TABLE IF NOT EXISTS personal_data_erasures (
    person_id TEXT PRIMARY KEY,
    department TEXT NOT NULL,
    erased_at TEXT NOT NULL,
    erased_by TEXT NOT NULL,
    reason TEXT NOT NULL
  );
`;

interface PersonRow {
  person_id: string;
  department: string;
  full_name: string;
  recorded_at: string;
  recorded_by: string;
}

interface ErasureRow {
  person_id: string;
  department: string;
  erased_at: string;
  erased_by: string;
  reason: string;
}

const toErased = (row: ErasureRow): ErasedPerson => ({
  personId: row.person_id,
  department: row.department,
  erasedAt: row.erased_at,
  erasedBy: row.erased_by,
  reason: row.reason,
});

/**
 * The vault in a SQLite file, beside the embedded event store's tables, on its own connection.
 * The current name is in `personal_data`, replaced names in `personal_data_history`, tombstones
 * in `personal_data_erasures`; no index holds a name.
 *
 * Erasure must reach the bytes, not only the rows: the connection runs with
 * `secure_delete = ON`, so SQLite overwrites deleted cells and freed pages with zeros, and
 * after an erasure it tries a `wal_checkpoint(TRUNCATE)`, so that the older page images in the
 * write-ahead log (which still hold the name) are cut off. That checkpoint never waits: when a
 * reader or writer on another connection is in the way it is tried again after the next write
 * of this vault and on close.
 */
export class SqlitePersonalDataVault implements PersonalDataVault {
  private closed = false;
  /** An erasure whose older page images may still be in the write-ahead log. */
  private walToTruncate = false;

  private readonly statements: {
    selectPerson: Database.Statement;
    selectErasure: Database.Statement;
    insertPerson: Database.Statement;
    updatePerson: Database.Statement;
    insertHistory: Database.Statement;
    deletePerson: Database.Statement;
    deleteHistory: Database.Statement;
    insertErasure: Database.Statement;
    lookup: Database.Statement;
  };

  private constructor(
    private readonly db: Database.Database,
    private readonly busyTimeoutMs: number,
  ) {
    this.statements = {
      selectPerson: db.prepare('SELECT * FROM personal_data WHERE person_id = ?'),
      selectErasure: db.prepare('SELECT * FROM personal_data_erasures WHERE person_id = ?'),
      insertPerson: db.prepare(
        'INSERT INTO personal_data (person_id, department, full_name, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?)',
      ),
      updatePerson: db.prepare('UPDATE personal_data SET full_name = ?, recorded_at = ?, recorded_by = ? WHERE person_id = ?'),
      insertHistory: db.prepare(
        `INSERT INTO personal_data_history (person_id, department, full_name, recorded_at, recorded_by, replaced_at, replaced_by)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
      deletePerson: db.prepare('DELETE FROM personal_data WHERE person_id = ?'),
      deleteHistory: db.prepare('DELETE FROM personal_data_history WHERE person_id = ?'),
      insertErasure: db.prepare(
        'INSERT INTO personal_data_erasures (person_id, department, erased_at, erased_by, reason) VALUES (?, ?, ?, ?, ?)',
      ),
      lookup: db.prepare(
        `SELECT person_id, 'present' AS status, full_name AS value FROM personal_data
           WHERE department = @department AND person_id IN (SELECT value FROM json_each(@ids))
         UNION ALL
         SELECT person_id, 'erased' AS status, erased_at AS value FROM personal_data_erasures
           WHERE department = @department AND person_id IN (SELECT value FROM json_each(@ids))`,
      ),
    };
  }

  /** Opens (creating when needed) the vault's tables in `file`. */
  static async open(options: SqlitePersonalDataVaultOptions): Promise<SqlitePersonalDataVault> {
    preparePrivateDatabaseFile(options.file);
    const busyTimeoutMs = options.busyTimeoutMs ?? 10_000;
    const db = new Database(options.file, { timeout: busyTimeoutMs });
    try {
      db.pragma(`busy_timeout = ${Math.trunc(busyTimeoutMs)}`);
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      // Statement journals and sorts stay in memory, never in temporary files.
      db.pragma('temp_store = MEMORY');
      // Deleted cells and freed pages are overwritten with zeros (this connection's writes).
      db.pragma('secure_delete = ON');
      if (db.pragma('secure_delete', { simple: true }) !== 1) {
        throw new Error('this SQLite build cannot overwrite deleted content (secure_delete), so it cannot erase names');
      }
      db.transaction(() => db.exec(SCHEMA)).immediate();
    } catch (error) {
      db.close();
      throw error;
    }
    return new SqlitePersonalDataVault(db, busyTimeoutMs);
  }

  async record(person: PersonRecord): Promise<void> {
    const next = checkedRecord(person);
    const s = this.statements;
    this.db
      .transaction(() => {
        if (s.selectErasure.get(next.personId)) throw personErased(next.personId);
        const current = s.selectPerson.get(next.personId) as PersonRow | undefined;
        if (!current) {
          s.insertPerson.run(next.personId, next.department, next.fullName, next.recordedAt, next.recordedBy);
          return;
        }
        if (current.department !== next.department) throw personOfAnotherDepartment(next.personId);
        if (current.full_name === next.fullName) return;
        s.insertHistory.run(
          current.person_id,
          current.department,
          current.full_name,
          current.recorded_at,
          current.recorded_by,
          next.recordedAt,
          next.recordedBy,
        );
        s.updatePerson.run(next.fullName, next.recordedAt, next.recordedBy, next.personId);
      })
      .immediate();
    this.retryWalTruncation();
  }

  async lookup(department: string, personIds: string[]): Promise<Map<string, PersonLookup>> {
    const ids = checkedLookup(department, personIds);
    const found = new Map<string, PersonLookup>();
    if (!ids.length) return found;
    for (const personId of ids) found.set(personId, { personId, status: 'unknown' });
    const rows = this.statements.lookup.all({ department, ids: JSON.stringify(ids) }) as {
      person_id: string;
      status: 'present' | 'erased';
      value: string;
    }[];
    for (const row of rows) {
      // A tombstone wins over a value (there is never both here; the MongoDB vault can be cut short between them).
      if (row.status === 'erased') found.set(row.person_id, { personId: row.person_id, status: 'erased', erasedAt: row.value });
      else if (found.get(row.person_id)?.status !== 'erased') {
        found.set(row.person_id, { personId: row.person_id, status: 'present', fullName: row.value });
      }
    }
    return found;
  }

  async erase(department: string, personId: string, by: { actorId: string; reason: string; at: string }): Promise<ErasedPerson> {
    const erasure = checkedErasure(department, personId, by);
    const s = this.statements;
    const erased = this.db
      .transaction((): ErasedPerson => {
        const tombstone = s.selectErasure.get(personId) as ErasureRow | undefined;
        if (tombstone) {
          if (tombstone.department !== department) throw personNotFound(personId);
          return toErased(tombstone);
        }
        const current = s.selectPerson.get(personId) as PersonRow | undefined;
        if (!current || current.department !== department) throw personNotFound(personId);
        s.deletePerson.run(personId);
        s.deleteHistory.run(personId);
        s.insertErasure.run(personId, department, erasure.at, erasure.actorId, erasure.reason);
        return { personId, department, erasedAt: erasure.at, erasedBy: erasure.actorId, reason: erasure.reason };
      })
      .immediate();
    this.walToTruncate = true;
    this.retryWalTruncation();
    return erased;
  }

  async ping(): Promise<{ kind: string }> {
    this.db.prepare('SELECT 1').get();
    return { kind: 'sqlite' };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.retryWalTruncation();
    this.db.close();
  }

  /**
   * Copies the log into the database file and truncates it, without waiting for other
   * connections (a busy timeout here would block the event loop). When they are in the way
   * this is a partial checkpoint, and the truncation is tried again later.
   */
  private retryWalTruncation(): void {
    if (!this.walToTruncate) return;
    try {
      this.db.pragma('busy_timeout = 0');
      const [result] = this.db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number; checkpointed: number }[];
      // log 0: truncated; -1: no write-ahead log at all (an in-memory database).
      if (result && result.busy === 0 && result.log <= 0) this.walToTruncate = false;
    } catch {
      // Tried again after the next write or on close.
    } finally {
      this.db.pragma(`busy_timeout = ${Math.trunc(this.busyTimeoutMs)}`);
    }
  }
}
