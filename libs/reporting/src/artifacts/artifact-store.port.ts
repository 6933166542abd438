/**
 * Where generated reports are kept, durably and where every process of the installation reaches
 * them: files in the data directory (embedded profile) or GridFS in MongoDB (distributed). Every
 * adapter passes the same contract suite (`artifact-store.contract.ts`).
 *
 * An artifact is stored under a key the caller chooses; reports use
 * `<department>/<report id>/<sha-256>`, so a key names one content, and storing the same key
 * again stores the same bytes.
 */
export interface ArtifactStore {
  /**
   * Stores the bytes under the key, atomically: a reader sees the whole artifact or none, also
   * after a crash part-way. Storing a key that is there already replaces it.
   */
  put(key: string, bytes: Uint8Array): Promise<{ size: number }>;
  /** The bytes stored under the key; null when there are none. */
  get(key: string): Promise<Buffer | null>;
  /** Removes the artifact; nothing happens for a key that has none. */
  delete(key: string): Promise<void>;
  /** A short description for health checks; throws when the store cannot be reached. */
  ping(): Promise<{ kind: string }>;
  close(): Promise<void>;
}

/** DI token for the ArtifactStore port. */
export const ARTIFACT_STORE = Symbol('ArtifactStore');

const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$/;
const MAX_KEY = 400;

/**
 * A key is segments of letters, digits, `.`, `_` and `-` joined by `/`, none empty, none
 * beginning with a dot (so no `..`, and the files adapter keeps its temporary files apart), at
 * most 400 characters. Every adapter refuses any other, so that a key means the same in each.
 */
export const assertArtifactKey = (key: string): void => {
  if (typeof key !== 'string' || key.length === 0 || key.length > MAX_KEY || !key.split('/').every((segment) => SEGMENT.test(segment))) {
    throw new TypeError(`not an artifact key: ${JSON.stringify(key)} (segments of letters, digits, '.', '_' and '-' joined by '/', none beginning with '.')`);
  }
};
