import { GridFSBucket, MongoClient, ObjectId } from 'mongodb';
import { ArtifactStore, assertArtifactKey } from '../artifact-store.port';

/** The GridFS bucket reports are kept in: collections `artifacts.files` and `artifacts.chunks`. */
export const ARTIFACTS_BUCKET = 'artifacts';

/**
 * Artifacts in MongoDB's GridFS (distributed profile): every worker and API process of the
 * installation reaches them through the database they share. Each put is an upload of its own
 * (a new file id, the key as its file name): GridFS writes the chunks first and the file's
 * document last, so a reader, who looks for the document, finds a whole upload or none, and a
 * crash part-way leaves only chunks no document names. When a key has several complete uploads
 * (a put repeated, or two at once), the newest is read; a put removes the ones older than its
 * own once its own is complete (never a newer one: two puts at once would remove each other's).
 */
export class GridFsArtifactStore implements ArtifactStore {
  private constructor(
    private readonly client: MongoClient,
    private readonly bucket: GridFSBucket,
  ) {}

  /** Connects to `url`; the database is `dbName`, else the one the url names. */
  static async connect(url: string, dbName?: string): Promise<GridFsArtifactStore> {
    const client = await MongoClient.connect(url);
    try {
      const db = client.db(dbName);
      return new GridFsArtifactStore(client, new GridFSBucket(db, { bucketName: ARTIFACTS_BUCKET }));
    } catch (error) {
      await client.close();
      throw error;
    }
  }

  async put(key: string, bytes: Uint8Array): Promise<{ size: number }> {
    assertArtifactKey(key);
    const id = new ObjectId();
    await new Promise<void>((resolve, reject) => {
      const upload = this.bucket.openUploadStreamWithId(id, key);
      upload.once('error', reject);
      upload.once('finish', () => resolve());
      upload.end(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    });
    // The uploads of the key older than this one, in the order `get` reads them (upload date, then id): the new one stands
    // for them. Only older ones: two puts at once each leave the other's if it is newer, so the newest of them always stays.
    const [mine] = await this.bucket.find({ _id: id }).toArray();
    if (mine) {
      const older = { filename: key, $or: [{ uploadDate: { $lt: mine.uploadDate } }, { uploadDate: mine.uploadDate, _id: { $lt: id } }] };
      for (const file of await this.bucket.find(older).toArray()) await this.remove(file._id);
    }
    return { size: bytes.byteLength };
  }

  async get(key: string): Promise<Buffer | null> {
    assertArtifactKey(key);
    const [newest] = await this.bucket.find({ filename: key }).sort({ uploadDate: -1, _id: -1 }).limit(1).toArray();
    if (!newest) return null;
    const chunks: Buffer[] = [];
    try {
      for await (const chunk of this.bucket.openDownloadStream(newest._id)) chunks.push(chunk as Buffer);
    } catch (error) {
      // Removed between the find and the read (a newer put of the same key): read the newest again.
      if (isFileNotFound(error)) return this.get(key);
      throw error;
    }
    return Buffer.concat(chunks);
  }

  async delete(key: string): Promise<void> {
    assertArtifactKey(key);
    for (const file of await this.bucket.find({ filename: key }).toArray()) await this.remove(file._id);
  }

  async ping(): Promise<{ kind: string }> {
    await this.client.db().command({ ping: 1 });
    return { kind: 'gridfs' };
  }

  async close(): Promise<void> {
    await this.client.close();
  }

  private async remove(id: ObjectId): Promise<void> {
    try {
      await this.bucket.delete(id);
    } catch (error) {
      if (!isFileNotFound(error)) throw error;
    }
  }
}

const isFileNotFound = (error: unknown): boolean => /file not found|FileNotFound/i.test(error instanceof Error ? `${error.name} ${error.message}` : String(error));
