import { describeWithServer, testServers } from '@app/testing';
import { eventStoreContract } from '../event-store.contract';
import { EventStoreDbEventStore } from './eventstoredb-event-store';

const url = testServers.eventStoreUrl;

describeWithServer(
  'EventStoreDbEventStore',
  url,
  'set EVENTSTORE_URL (e.g. esdb://localhost:2113?tls=false) to run the contract against an EventStoreDB server',
  () => {
    eventStoreContract('EventStoreDbEventStore', async () => {
      const open: EventStoreDbEventStore[] = [await EventStoreDbEventStore.open({ url: url as string })];
      return {
        store: open[0],
        // The data lives in the server: a restart of ours is a new client.
        reopen: async () => {
          await open[open.length - 1].close();
          open.push(await EventStoreDbEventStore.open({ url: url as string }));
          return open[open.length - 1];
        },
        cleanup: async () => {
          for (const store of open) await store.close();
        },
      };
    });
  },
);
