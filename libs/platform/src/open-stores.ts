import { SomeEventContracts, UpcasterRegistry } from '@app/kernel';
import { EventStore, LegacyStreamNames, upcastingEventStore } from '@app/event-store';
import { EventStoreDbEventStore } from '@app/event-store';
import { SqliteEventStore } from '@app/event-store';
import { preparePrivateDatabaseFile } from '@app/event-store/embedded';
import { JobQueue, createJobQueue } from '@app/jobs';
import { MongoReadStore } from '@app/read-store';
import { SqliteReadStore } from '@app/read-store';
import { ReadStore } from '@app/read-store';
import { AppConfig } from './config/app-config';

/**
 * The event store the configuration selects (EventStoreDB when EVENTSTORE_URL is set, else
 * SQLite), as the modules whose event contracts are given read and write it: upcast to, and
 * stamped with, each type's schema version of today. Streams recorded under the names of before
 * their categories were distinct are found under those (docs/event-store.md, "Stream names").
 */
export const openEventStore = async (config: AppConfig, eventContracts: readonly SomeEventContracts[]): Promise<EventStore> => {
  // Built first: two contracts for one type, or a version without its upcaster, stop the start.
  const upcasters = UpcasterRegistry.of(...eventContracts);
  return upcastingEventStore(await openStore(config), upcasters);
};

const openStore = async (config: AppConfig): Promise<EventStore> => {
  if (config.eventStoreUrl) return new LegacyStreamNames(await EventStoreDbEventStore.connect(config.eventStoreUrl));
  preparePrivateDatabaseFile(config.databaseFile);
  return new LegacyStreamNames(await SqliteEventStore.open({ file: config.databaseFile }));
};

/** The read store the configuration selects: MongoDB when MONGODB_URL is set, else SQLite. */
export const openReadStore = async (config: AppConfig): Promise<ReadStore> => {
  if (config.mongodbUrl) return MongoReadStore.connect(config.mongodbUrl);
  preparePrivateDatabaseFile(config.databaseFile);
  return SqliteReadStore.open({ file: config.databaseFile });
};

/** The job queue the configuration selects: Bull when REDIS_URL is set, else in-process. */
export const openJobQueue = (config: AppConfig): JobQueue => createJobQueue({ redisUrl: config.redisUrl, prefix: config.queuePrefix, lockMs: config.queueLockMs });
