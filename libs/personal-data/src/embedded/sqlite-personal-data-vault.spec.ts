import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { NewEvent } from '@app/kernel';
import { SqliteEventStore } from '@app/event-store/embedded/sqlite-event-store';
import { personalDataVaultContract } from '../personal-data-vault.contract';
import { PersonalDataVault } from '../personal-data-vault.port';
import { SqlitePersonalDataVault } from './sqlite-personal-data-vault';

/** The raw bytes of the database file and of its write-ahead log, as they are on disk now. */
const fileBytes = (file: string): Buffer[] =>
  [file, `${file}-wal`].filter((path) => existsSync(path)).map((path) => readFileSync(path));

const bytesContain = (file: string, text: string): boolean =>
  fileBytes(file).some((bytes) => bytes.includes(Buffer.from(text, 'utf8')));

/** Copies the log into the file and truncates it, from a connection of its own. */
const checkpoint = (file: string): void => {
  const db = new Database(file);
  try {
    const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    expect(result.busy).toBe(0);
  } finally {
    db.close();
  }
};

personalDataVaultContract('SqlitePersonalDataVault', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'okrug-personal-data-'));
  const file = join(dir, 'okrug.sqlite');
  let current: PersonalDataVault = await SqlitePersonalDataVault.open({ file });
  return {
    vault: current,
    reopen: async () => {
      await current.close();
      current = await SqlitePersonalDataVault.open({ file });
      return current;
    },
    storageContains: async (text) => {
      checkpoint(file);
      return bytesContain(file, text);
    },
    cleanup: async () => {
      await current.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

const appointed = (personId: string, networkId: string): NewEvent => ({
  id: randomUUID(),
  type: 'NetworkHeadAppointed',
  data: { networkId, personId, position: 'head', appointedOn: '2024-09-01' },
  metadata: {
    actor: { id: 'actor-registrar', role: 'operator' },
    department: 'dept-1',
    correlationId: randomUUID(),
    causationId: randomUUID(),
    commandId: randomUUID(),
    source: 'api',
    recordedAt: '2024-09-02T08:00:00.000Z',
    schemaVersion: 1,
  },
});

describe('SqlitePersonalDataVault on the event store file', () => {
  let dir: string;
  let file: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'okrug-personal-data-'));
    file = join(dir, 'okrug.sqlite');
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  const by = { actorId: 'actor-dpo', reason: 'request of the data subject', at: '2025-03-14T10:30:00.000Z' };

  it('erases names for real: their bytes are nowhere in the file or its log, among many people, while the events stay', async () => {
    const events = await SqliteEventStore.open({ file, pollIntervalMs: 20 });
    const vault = await SqlitePersonalDataVault.open({ file });
    try {
      // Enough people, with long names, for the tables to span many pages.
      const people = Array.from({ length: 400 }, (_, i) => ({
        personId: randomUUID(),
        fullName: `Працівник ${String(i).padStart(3, '0')} ${'Олександрович'.repeat(4)}`,
      }));
      const erasedIndexes = [7, 150, 151, 399];
      const distinctive = (i: number) => `Ґрасильда ${i} Євлампіївна Щедрожовтяниця`;
      for (const [i, p] of people.entries()) {
        const fullName = erasedIndexes.includes(i) ? `${distinctive(i)} (дівоче)` : p.fullName;
        await vault.record({ personId: p.personId, department: 'dept-1', fullName, recordedAt: '2024-09-02T08:00:00.000Z', recordedBy: 'r' });
        await events.append(`network-${i}`, [appointed(p.personId, `network-${i}`)], { expectedRevision: 'no_stream' });
      }
      for (const i of erasedIndexes) {
        await vault.record({ personId: people[i].personId, department: 'dept-1', fullName: distinctive(i), recordedAt: '2025-01-01T00:00:00.000Z', recordedBy: 'r' });
      }
      checkpoint(file);
      for (const i of erasedIndexes) expect(bytesContain(file, distinctive(i))).toBe(true);

      for (const i of erasedIndexes) await vault.erase('dept-1', people[i].personId, by);
      // The vault truncated the log itself; a checkpoint from outside changes nothing more.
      for (const i of erasedIndexes) expect(bytesContain(file, distinctive(i))).toBe(false);
      checkpoint(file);
      for (const i of erasedIndexes) expect(bytesContain(file, distinctive(i))).toBe(false);
      expect(bytesContain(file, 'Ґрасильда')).toBe(false);
      expect(bytesContain(file, people[8].fullName)).toBe(true);

      // The events still name the person by id only, and are all there.
      const appointment = await events.readStream('network-7');
      expect(appointment).toHaveLength(1);
      expect(appointment[0].data).toMatchObject({ personId: people[7].personId });
      expect(await events.headPosition()).toBe(400);
      const found = await vault.lookup('dept-1', [people[7].personId, people[8].personId]);
      expect(found.get(people[7].personId)).toEqual({ personId: people[7].personId, status: 'erased', erasedAt: by.at });
      expect(found.get(people[8].personId)).toMatchObject({ status: 'present', fullName: people[8].fullName });
    } finally {
      await vault.close();
      await events.close();
    }
  });

  it('does not wait for a reader in the way of the log truncation, and truncates once it is gone', async () => {
    const vault = await SqlitePersonalDataVault.open({ file });
    const reader = new Database(file);
    try {
      const personId = randomUUID();
      const name = 'Аполлінарія Зіновіївна Чорнобривець';
      await vault.record({ personId, department: 'dept-1', fullName: name, recordedAt: '2024-09-02T08:00:00.000Z', recordedBy: 'r' });

      // A long read on another connection holds a snapshot in which the name is still there.
      reader.exec('BEGIN');
      expect(reader.prepare('SELECT count(*) AS n FROM personal_data').get()).toEqual({ n: 1 });
      const started = Date.now();
      await vault.erase('dept-1', personId, by);
      expect(Date.now() - started).toBeLessThan(1000);
      expect(reader.prepare('SELECT full_name FROM personal_data').get()).toEqual({ full_name: name });
      reader.exec('COMMIT');

      // The next write of the vault finishes the truncation.
      await vault.record({ personId: randomUUID(), department: 'dept-1', fullName: 'Інша Людина', recordedAt: '2025-01-01T00:00:00.000Z', recordedBy: 'r' });
      expect(bytesContain(file, name)).toBe(false);
    } finally {
      reader.close();
      await vault.close();
    }
  });

  it('runs with secure_delete on, and opens twice on one file', async () => {
    const first = await SqlitePersonalDataVault.open({ file });
    const second = await SqlitePersonalDataVault.open({ file });
    try {
      const personId = randomUUID();
      await first.record({ personId, department: 'dept-1', fullName: 'Одна Людина', recordedAt: '2024-09-02T08:00:00.000Z', recordedBy: 'r' });
      expect((await second.lookup('dept-1', [personId])).get(personId)).toMatchObject({ status: 'present' });
      expect(await second.ping()).toEqual({ kind: 'sqlite' });
      const db = (first as unknown as { db: Database.Database }).db;
      expect(db.pragma('secure_delete', { simple: true })).toBe(1);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(2);
    } finally {
      await first.close();
      await second.close();
    }
  });
});
