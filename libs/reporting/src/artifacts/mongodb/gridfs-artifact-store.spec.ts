import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { describeWithMongo } from '@app/testing';
import { artifactStoreContract } from '../artifact-store.contract';
import { ArtifactStore } from '../artifact-store.port';
import { ARTIFACTS_BUCKET, GridFsArtifactStore } from './gridfs-artifact-store';

// On MONGODB_URL's server when it is set, else on a private FerretDB (skipped, saying why, without Go).
describeWithMongo('GridFsArtifactStore', (server) => {
  const dropping = async (dbName: string) => {
    const client = await MongoClient.connect(server().url);
    try {
      await client.db(dbName).dropDatabase();
    } finally {
      await client.close();
    }
  };

  artifactStoreContract('GridFsArtifactStore', async () => {
    const dbName = `okrug_artifacts_test_${randomUUID().slice(0, 8)}`;
    let current: ArtifactStore = await GridFsArtifactStore.connect(server().url, dbName);
    return {
      store: current,
      reopen: async () => {
        await current.close();
        current = await GridFsArtifactStore.connect(server().url, dbName);
        return current;
      },
      cleanup: async () => {
        await current.close();
        await dropping(dbName);
      },
    };
  });

  it('reads only complete uploads: chunks a crashed upload left behind name no artifact', async () => {
    const dbName = `okrug_artifacts_test_${randomUUID().slice(0, 8)}`;
    const store = await GridFsArtifactStore.connect(server().url, dbName);
    const client = await MongoClient.connect(server().url);
    try {
      await store.put('d/r/x', Buffer.from('whole'));
      // A crash after the chunks of a second upload, before its file document.
      const { ObjectId } = await import('mongodb');
      await client.db(dbName).collection(`${ARTIFACTS_BUCKET}.chunks`).insertOne({ files_id: new ObjectId(), n: 0, data: Buffer.from('half') } as never);
      expect((await store.get('d/r/x'))!.toString()).toBe('whole');
      // Putting the key again leaves one complete upload of it.
      await store.put('d/r/x', Buffer.from('again'));
      expect(await client.db(dbName).collection(`${ARTIFACTS_BUCKET}.files`).countDocuments({ filename: 'd/r/x' })).toBe(1);
      expect((await store.get('d/r/x'))!.toString()).toBe('again');
    } finally {
      await store.close();
      await client.close();
      await dropping(dbName);
    }
  });

  it('keeps one whole artifact however many puts of a key from two processes meet: none removes an upload newer than its own', async () => {
    const dbName = `okrug_artifacts_test_${randomUUID().slice(0, 8)}`;
    const [a, b] = await Promise.all([GridFsArtifactStore.connect(server().url, dbName), GridFsArtifactStore.connect(server().url, dbName)]);
    try {
      for (let round = 0; round < 60; round++) {
        const key = `d/race/${round}`;
        await Promise.all([a, b, a, b].map((store, i) => store.put(key, Buffer.from(`same document (${i})`))));
        expect({ round, read: (await a.get(key))?.toString().startsWith('same document') }).toEqual({ round, read: true });
      }
    } finally {
      await Promise.all([a.close(), b.close()]);
      await dropping(dbName);
    }
  });
});
