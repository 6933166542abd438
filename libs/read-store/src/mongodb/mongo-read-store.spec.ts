import { randomUUID } from 'node:crypto';
import { AnyBulkWriteOperation, Db, MongoClient } from 'mongodb';
import { describeWithMongo } from '@app/testing';
import { readStoreContract } from '../read-store.contract';
import { ReadStore } from '../read-store.port';
import { MongoReadStore } from './mongo-read-store';

// On MONGODB_URL's server when it is set, else on a private FerretDB (skipped, saying why, without Go).
describeWithMongo('MongoReadStore', (server) => {
  readStoreContract('MongoReadStore', async () => {
    const url = server().url;
    // Each test gets its own database, dropped afterwards, so a shared server stays clean.
    const dbName = `okrug_read_store_test_${randomUUID().slice(0, 8)}`;
    let current: ReadStore = await MongoReadStore.connect(url, dbName);
    return {
      store: current,
      reopen: async () => {
        await current.close();
        current = await MongoReadStore.connect(url, dbName);
        return current;
      },
      cleanup: async () => {
        await current.close();
        const client = await MongoClient.connect(url);
        try {
          await client.db(dbName).dropDatabase();
        } finally {
          await client.close();
        }
      },
    };
  });
});

/**
 * A database whose collections' bulk writes behave like a server that stops an unordered bulk
 * write at its first error: only the first `applied` operations run, and the answer is a real
 * duplicate-key error reported at index 0, with no counts of what was done (FerretDB does this).
 */
const stoppingEarly = (db: Db, applied: number): Db =>
  new Proxy(db, {
    get(target, property, receiver) {
      if (property !== 'collection') return Reflect.get(target, property, receiver);
      return (name: string) => {
        const collection = target.collection(name);
        return new Proxy(collection, {
          get(inner, key, innerReceiver) {
            if (key !== 'bulkWrite') return Reflect.get(inner, key, innerReceiver);
            return async (operations: AnyBulkWriteOperation[]) => {
              if (applied > 0) await inner.bulkWrite(operations.slice(0, applied), { ordered: true });
              const scratch = target.collection('stopping_early_scratch');
              await scratch.updateOne({ _id: 'taken' as never }, { $set: { at: 1 } }, { upsert: true });
              // Throws the server's own MongoBulkWriteError: E11000 at index 0, nothing counted.
              await scratch.bulkWrite([{ insertOne: { document: { _id: 'taken' as never } } }], { ordered: false });
              throw new Error('the duplicate insert should have failed');
            };
          },
        });
      };
    },
  });

describeWithMongo('MongoReadStore on a server that stops a bulk write early', (server) => {
  it('completes the batch one document at a time: no document is lost', async () => {
    const url = server().url;
    const dbName = `okrug_read_store_test_${randomUUID().slice(0, 8)}`;
    const store = await MongoReadStore.connect(url, dbName);
    const client = await MongoClient.connect(url);
    try {
      const internals = store as unknown as { db: Db };
      internals.db = stoppingEarly(internals.db, 1);
      await store.activate('p', 1, ['institutions']);
      await store.commit('p', 1, 3, [
        { op: 'put', collection: 'institutions', doc: { id: 'a', n: 1 }, position: 1 },
        { op: 'put', collection: 'institutions', doc: { id: 'b', n: 1 }, position: 2 },
        { op: 'put', collection: 'institutions', doc: { id: 'c', n: 1 }, position: 3 },
      ]);
      expect((await store.checkpoint('p'))?.position).toBe(3);
      expect(await store.find('institutions')).toEqual([
        { id: 'a', n: 1 },
        { id: 'b', n: 1 },
        { id: 'c', n: 1 },
      ]);

      // A replay over newer versions still leaves the newer ones, and fills in what was missing.
      await store.commit('p', 1, 5, [{ op: 'put', collection: 'institutions', doc: { id: 'a', n: 2 }, position: 5 }]);
      await client.db(dbName).collection('okrug_checkpoints').deleteMany({});
      await client.db(dbName).collection(MongoReadStore.copyName('institutions', 1)).deleteOne({ _id: 'c' as never });
      await store.commit('p', 1, 4, [
        { op: 'put', collection: 'institutions', doc: { id: 'a', n: 1 }, position: 1 },
        { op: 'put', collection: 'institutions', doc: { id: 'c', n: 1 }, position: 3 },
      ]);
      expect(await store.find('institutions')).toEqual([
        { id: 'a', n: 2 },
        { id: 'b', n: 1 },
        { id: 'c', n: 1 },
      ]);
    } finally {
      await store.close();
      await client.db(dbName).dropDatabase();
      await client.close();
    }
  });
});
