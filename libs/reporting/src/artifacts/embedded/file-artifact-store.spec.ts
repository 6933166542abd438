import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { artifactStoreContract } from '../artifact-store.contract';
import { ArtifactStore } from '../artifact-store.port';
import { FileArtifactStore } from './file-artifact-store';

artifactStoreContract('FileArtifactStore', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'okrug-artifacts-'));
  const root = join(dir, 'artifacts');
  let current: ArtifactStore = await FileArtifactStore.open(root);
  return {
    store: current,
    reopen: async () => {
      await current.close();
      current = await FileArtifactStore.open(root);
      return current;
    },
    cleanup: async () => {
      await current.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describe('FileArtifactStore on disk', () => {
  let dir: string;
  let root: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'okrug-artifacts-'));
    root = join(dir, 'artifacts');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps each artifact in a file of its key, readable by its owner only, in directories only its owner enters', async () => {
    const store = await FileArtifactStore.open(root);
    const umask = process.umask(0o000);
    try {
      await store.put('murygino/0190a1b2/abc', Buffer.from('{}'));
    } finally {
      process.umask(umask);
    }
    expect(statSync(join(root, 'murygino', '0190a1b2', 'abc')).mode & 0o777).toBe(0o600);
    expect(statSync(join(root, 'murygino')).mode & 0o777).toBe(0o700);
    expect(statSync(join(root, 'murygino', '0190a1b2')).mode & 0o777).toBe(0o700);
    expect(readdirSync(join(root, 'murygino', '0190a1b2'))).toEqual(['abc']);
  });

  it('never shows half an artifact: a write cut short leaves only a temporary file, which no key reads', async () => {
    const store = await FileArtifactStore.open(root);
    await store.put('d/r/x', Buffer.from('whole'));
    // What a crash between the write and the rename leaves beside the artifact.
    writeFileSync(join(root, 'd', 'r', '.0011223344556677.partial'), 'who');
    expect((await store.get('d/r/x'))!.toString()).toBe('whole');
    // A write that fails part-way leaves the old artifact and no temporary file of its own.
    const failing = new Proxy(Buffer.from('new'), {}) as unknown as Uint8Array;
    Object.defineProperty(failing, 'byteLength', { get: () => { throw new Error('disk full'); } });
    await expect(store.put('d/r/x', failing)).rejects.toThrow();
    expect((await store.get('d/r/x'))!.toString()).toBe('whole');
    expect(readdirSync(join(root, 'd', 'r')).sort()).toEqual(['.0011223344556677.partial', 'x']);
  });
});
