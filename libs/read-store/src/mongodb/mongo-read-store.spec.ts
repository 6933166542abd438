import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { describeWithServer, testServers } from '@app/testing';
import { readStoreContract } from '../read-store.contract';
import { ReadStore } from '../read-store.port';
import { MongoReadStore } from './mongo-read-store';

const url = testServers.mongodbUrl;

describeWithServer('MongoReadStore', url, 'set MONGODB_URL to run the MongoDB read-store contract', () => {
  readStoreContract('MongoReadStore', async () => {
    // Each test gets its own database, dropped afterwards, so a shared server stays clean.
    const dbName = `okrug_read_store_test_${randomUUID().slice(0, 8)}`;
    let current: ReadStore = await MongoReadStore.connect(url as string, dbName);
    return {
      store: current,
      reopen: async () => {
        await current.close();
        current = await MongoReadStore.connect(url as string, dbName);
        return current;
      },
      cleanup: async () => {
        await current.close();
        const client = await MongoClient.connect(url as string);
        try {
          await client.db(dbName).dropDatabase();
        } finally {
          await client.close();
        }
      },
    };
  });
});
