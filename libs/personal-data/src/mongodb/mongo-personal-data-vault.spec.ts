import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { describeWithMongo, testServers } from '@app/testing';
import { personalDataVaultContract } from '../personal-data-vault.contract';
import { PersonalDataVault } from '../personal-data-vault.port';
import { CommandHoldingRelay, RelayableUrl, findOn, relayableUrl } from '../testing/command-holding-relay';
import { ERASURES_COLLECTION, MongoPersonalDataVault, PERSONAL_DATA_COLLECTION } from './mongo-personal-data-vault';

const url = testServers.mongodbUrl;
// The relay test needs a plain one-host url; a server the tests start themselves always has one.
const relayable = !url || relayableUrl(url) !== undefined;

// MONGODB_URL's server, else a private FerretDB (skipped, with the reason printed, without either).
describeWithMongo('MongoPersonalDataVault', (server) => {
  // The server's url, read only inside hooks and tests.
  const serverUrl = (): string => server().url;

  personalDataVaultContract('MongoPersonalDataVault', async () => {
    // Each test gets its own database, dropped afterwards, so a shared server stays clean.
    const dbName = `okrug_personal_data_test_${randomUUID().slice(0, 8)}`;
    const raw = await MongoClient.connect(serverUrl());
    let current: PersonalDataVault = await MongoPersonalDataVault.connect(serverUrl(), dbName);
    return {
      vault: current,
      reopen: async () => {
        await current.close();
        current = await MongoPersonalDataVault.connect(serverUrl(), dbName);
        return current;
      },
      // Every raw document of both collections, history included. (The server's journal, oplog
      // and freed blocks are beyond what a client can see; the docs say so.)
      storageContains: async (text) => {
        const db = raw.db(dbName);
        const documents = [
          ...(await db.collection(PERSONAL_DATA_COLLECTION).find({}).toArray()),
          ...(await db.collection(ERASURES_COLLECTION).find({}).toArray()),
        ];
        return JSON.stringify(documents).includes(text);
      },
      cleanup: async () => {
        await current.close();
        try {
          await raw.db(dbName).dropDatabase();
        } finally {
          await raw.close();
        }
      },
    };
  });

  // The lookup reads people, then tombstones. A relay in front of the server holds the second
  // read until another client's erasure has finished, so the erasure lands exactly between the
  // two reads, whichever order they come in.
  (relayable ? it : it.skip)(
    relayable
      ? 'reads a person erased between the two reads of a lookup as erased, never as present or unknown'
      : 'reads a person erased mid-lookup as erased (skipped: MONGODB_URL is not a plain mongodb:// url with one host and no TLS)',
    async () => {
      const dbName = `okrug_personal_data_test_${randomUUID().slice(0, 8)}`;
      const target = relayableUrl(serverUrl()) as RelayableUrl;
      const relay = await CommandHoldingRelay.start(target);
      const direct = await MongoPersonalDataVault.connect(serverUrl(), dbName);
      const relayed = await MongoPersonalDataVault.connect(target.through(relay.port), dbName);
      try {
        const personId = randomUUID();
        await direct.record({ personId, department: 'dept-1', fullName: 'Стерта Посередині', recordedAt: '2024-09-02T08:00:00.000Z', recordedBy: 'r' });
        const people = findOn(PERSONAL_DATA_COLLECTION);
        const tombstones = findOn(ERASURES_COLLECTION);
        const erasedMeanwhile = relay.holdBefore(
          2,
          (message) => message.includes(people) || message.includes(tombstones),
          async () => {
            await direct.erase('dept-1', personId, { actorId: 'actor-dpo', reason: 'request', at: '2025-03-14T10:30:00.000Z' });
          },
        );

        const found = await relayed.lookup('dept-1', [personId]);
        await erasedMeanwhile;
        expect(found.get(personId)).toEqual({ personId, status: 'erased', erasedAt: '2025-03-14T10:30:00.000Z' });
      } finally {
        await relayed.close();
        await relay.close();
        const raw = await MongoClient.connect(serverUrl());
        try {
          await raw.db(dbName).dropDatabase();
        } finally {
          await raw.close();
          await direct.close();
        }
      }
    },
  );

  it('finishes an erasure cut short between the tombstone and the removal', async () => {
    const dbName = `okrug_personal_data_test_${randomUUID().slice(0, 8)}`;
    const raw = await MongoClient.connect(serverUrl());
    const vault = await MongoPersonalDataVault.connect(serverUrl(), dbName);
    try {
      const personId = randomUUID();
      await vault.record({ personId, department: 'dept-1', fullName: 'Перерване Стирання', recordedAt: '2024-09-02T08:00:00.000Z', recordedBy: 'r' });
      // As if the process died after writing the tombstone.
      await raw.db(dbName).collection<{ _id: string }>(ERASURES_COLLECTION).insertOne({
        _id: personId,
        department: 'dept-1',
        erasedAt: '2025-03-14T10:30:00.000Z',
        erasedBy: 'actor-dpo',
        reason: 'request',
      } as { _id: string });
      expect((await vault.lookup('dept-1', [personId])).get(personId)).toMatchObject({ status: 'erased' });
      await expect(vault.record({ personId, department: 'dept-1', fullName: 'Знову', recordedAt: '2025-04-01T00:00:00.000Z', recordedBy: 'r' })).rejects.toMatchObject({ code: 'person-erased' });

      const erased = await vault.erase('dept-1', personId, { actorId: 'actor-other', reason: 'again', at: '2025-04-01T00:00:00.000Z' });
      expect(erased).toMatchObject({ erasedAt: '2025-03-14T10:30:00.000Z', erasedBy: 'actor-dpo' });
      expect(await raw.db(dbName).collection<{ _id: string }>(PERSONAL_DATA_COLLECTION).countDocuments({ _id: personId })).toBe(0);
    } finally {
      await vault.close();
      await raw.db(dbName).dropDatabase();
      await raw.close();
    }
  });
});
