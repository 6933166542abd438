import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqlitePersonalDataVault, openPersonalDataVault } from './index';

describe('openPersonalDataVault', () => {
  it('opens the SQLite vault without a MongoDB url', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'okrug-personal-data-'));
    const vault = await openPersonalDataVault({ sqliteFile: join(dir, 'data', 'okrug.sqlite') });
    try {
      expect(vault).toBeInstanceOf(SqlitePersonalDataVault);
      const personId = randomUUID();
      await vault.record({ personId, department: 'd', fullName: 'Людина', recordedAt: '2025-01-01T00:00:00.000Z', recordedBy: 'r' });
      expect((await vault.lookup('d', [personId])).get(personId)).toMatchObject({ status: 'present' });
    } finally {
      await vault.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('picks MongoDB when a url is given', async () => {
    // Nothing listens there: the attempt to connect shows which adapter was chosen.
    await expect(
      openPersonalDataVault({ sqliteFile: ':memory:', mongodbUrl: 'mongodb://127.0.0.1:1/okrug?serverSelectionTimeoutMS=200' }),
    ).rejects.toThrow(/ECONNREFUSED|connect|Server selection/i);
  });

  it('needs one or the other', async () => {
    await expect(openPersonalDataVault({})).rejects.toThrow(/MongoDB url or a SQLite file/);
  });
});
