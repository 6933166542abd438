import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { mkdir, open, readFile, rename, rm, unlink } from 'node:fs/promises';
import { dirname, join, sep } from 'node:path';
import { ArtifactStore, assertArtifactKey } from '../artifact-store.port';

/**
 * Artifacts as files under a directory (`OKRUG_DATA_DIR/artifacts` in the embedded profile), one
 * file per key, the key's segments its subdirectories. A put writes a temporary file beside the
 * target (a name beginning with `.`, which no key has), flushes it to disk, renames it into place
 * and flushes the directory: a crash leaves either the old file, the new one, or a stray
 * temporary file nobody reads, never half an artifact. Files are readable by their owner only
 * (0600), directories 0700, as the SQLite file is.
 */
export class FileArtifactStore implements ArtifactStore {
  private constructor(private readonly root: string) {}

  /** The store under `root`, made (0700) if it is missing. */
  static async open(root: string): Promise<FileArtifactStore> {
    await mkdir(root, { recursive: true, mode: 0o700 });
    return new FileArtifactStore(root);
  }

  private pathOf(key: string): string {
    assertArtifactKey(key);
    return join(this.root, ...key.split('/'));
  }

  async put(key: string, bytes: Uint8Array): Promise<{ size: number }> {
    const target = this.pathOf(key);
    const directory = dirname(target);
    await this.makeDirectories(directory);
    const temporary = join(directory, `.${randomBytes(8).toString('hex')}.partial`);
    const file = await open(temporary, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, 0o600);
    try {
      await file.writeFile(bytes);
      await file.sync();
    } catch (error) {
      await file.close().catch(() => undefined);
      await rm(temporary, { force: true });
      throw error;
    }
    await file.close();
    try {
      await rename(temporary, target);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    await syncDirectory(directory);
    return { size: bytes.byteLength };
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      return await readFile(this.pathOf(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    const target = this.pathOf(key);
    try {
      await unlink(target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    await syncDirectory(dirname(target));
  }

  async ping(): Promise<{ kind: string }> {
    await mkdir(this.root, { recursive: true, mode: 0o700 });
    return { kind: 'files' };
  }

  async close(): Promise<void> {}

  /** The directories of a key, each made 0700 whatever the umask (mkdir's mode is masked by it). */
  private async makeDirectories(directory: string): Promise<void> {
    const relative = directory.slice(this.root.length).split(sep).filter(Boolean);
    let at = this.root;
    for (const part of relative) {
      at = join(at, part);
      try {
        await mkdir(at, { mode: 0o700 });
        const made = await open(at, 'r');
        try {
          await made.chmod(0o700);
        } finally {
          await made.close();
        }
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
  }
}

/** Flushes a directory's entries (a rename or unlink in it) to disk. */
const syncDirectory = async (directory: string): Promise<void> => {
  const handle = await open(directory, 'r');
  try {
    await handle.sync();
  } catch (error) {
    // Some file systems cannot flush a directory; the rename itself is still atomic there.
    if (!['EINVAL', 'EISDIR', 'EPERM'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
  } finally {
    await handle.close();
  }
};
