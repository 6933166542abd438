import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@app/platform';
import { createApi } from '../apps/api/src/create-app';
import { TestInstallation } from './support/profile';

const modeOf = (path: string): string => (statSync(path).mode & 0o777).toString(8).padStart(3, '0');

/**
 * The embedded SQLite file holds every event, the read models and the personal-data vault:
 * it, its WAL and shared-memory files are created readable by their owner only, and so is the
 * data directory when okrug creates it. Even with a umask that would let everyone read.
 */
describe('the files of the embedded profile', () => {
  const parent = mkdtempSync(join(tmpdir(), 'okrug-modes-'));
  const installation = TestInstallation.create();
  afterAll(async () => {
    rmSync(parent, { recursive: true, force: true });
    await installation.drop();
  });

  it('are created with mode 0600, in a directory with mode 0700', async () => {
    const dataDir = join(parent, 'var', 'okrug');
    const config = loadConfig(installation.with({ OKRUG_DATA_DIR: dataDir, OKRUG_ADMIN_KEY: 'file-modes-admin-key-0123456789', OKRUG_LOG_LEVEL: 'silent' }));
    const umask = process.umask(0o000);
    let app;
    try {
      ({ app } = await createApi(config, { runProjections: true }));
    } finally {
      process.umask(umask);
    }
    try {
      const file = config.databaseFile;
      expect({
        dir: modeOf(dataDir),
        parentDir: modeOf(join(parent, 'var')),
        database: modeOf(file),
        wal: modeOf(`${file}-wal`),
        shm: modeOf(`${file}-shm`),
      }).toEqual({ dir: '700', parentDir: '700', database: '600', wal: '600', shm: '600' });
    } finally {
      await app.close();
    }
  });
});
