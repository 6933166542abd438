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

/**
 * Two processes keeping the same projection in one database (two API processes, say) commit the
 * same documents at about the same time, each at its own pace through the log: whoever comes
 * second finds the documents there, older or newer, and must leave each at its newest version.
 */
describeWithMongo('MongoReadStore with two processes committing the same projection', (server) => {
  it.each([1, 2, 3, 4])('leaves every document at its newest version, whatever the interleaving (round %i)', async () => {
    const url = server().url;
    const dbName = `okrug_read_store_test_${randomUUID().slice(0, 8)}`;
    const one = await MongoReadStore.connect(url, dbName);
    const two = await MongoReadStore.connect(url, dbName);
    try {
      await one.activate('p', 1, ['institutions']);
      const ids = Array.from({ length: 60 }, (_, i) => `i${i}`);
      // Event 2k+1 creates document k, event 2k+2 renames it.
      const events = ids.flatMap((id, k) => [
        { op: 'put' as const, collection: 'institutions', doc: { id, name: `new ${k}` }, position: 2 * k + 1 },
        { op: 'put' as const, collection: 'institutions', doc: { id, name: `renamed ${k}` }, position: 2 * k + 2 },
      ]);
      const batchesOf = (size: number) => Array.from({ length: Math.ceil(events.length / size) }, (_, b) => events.slice(b * size, b * size + size));
      const run = async (store: ReadStore, batches: (typeof events)[]) => {
        for (const batch of batches) await store.commit('p', 1, batch.at(-1)!.position, batch);
      };
      // Each runs through the log in order, in batches of its own size, at the same time.
      await Promise.all([run(one, batchesOf(15)), run(two, batchesOf(7)), run(two, batchesOf(11))]);
      const docs = await one.find('institutions', { limit: 1000 });
      expect(docs).toHaveLength(ids.length);
      expect(docs.filter((d) => !String(d.name).startsWith('renamed'))).toEqual([]);
      expect((await two.checkpoint('p'))?.position).toBe(events.length);
    } finally {
      await one.close();
      await two.close();
      const client = await MongoClient.connect(url);
      await client.db(dbName).dropDatabase();
      await client.close();
    }
  });
});
