import { closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';

/** Mode of the directories okrug creates for its data. */
export const PRIVATE_DIR_MODE = 0o700;
/** Mode of the SQLite files okrug creates; SQLite gives its -wal and -shm files the same. */
export const PRIVATE_FILE_MODE = 0o600;

/**
 * Makes sure a SQLite database file exists before SQLite opens it, created readable and writable
 * by its owner only, in directories (created when missing) only its owner can enter. SQLite on
 * its own would create it 0644 (less the umask), and the -wal and -shm files take the mode of
 * the database file. Existing files and directories are left as they are.
 */
export const preparePrivateDatabaseFile = (file: string): void => {
  if (file === ':memory:' || file === '' || file.startsWith('file:')) return;
  mkdirSync(dirname(file), { recursive: true, mode: PRIVATE_DIR_MODE });
  try {
    closeSync(openSync(file, 'wx', PRIVATE_FILE_MODE));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
};
