import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readStoreContract } from '../read-store.contract';
import { ReadStore } from '../read-store.port';
import { SqliteReadStore } from './sqlite-read-store';

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
