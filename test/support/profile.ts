import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { MongoClient } from 'mongodb';
import { mongoUrlWithDatabase } from '@app/testing';

/**
 * The storage profile the e2e suites run on, taken from the Jest process's environment:
 * embedded (SQLite, in-process queue) unless `MONGODB_URL` or `REDIS_URL` is set, as
 * `npm run test:distributed` does. `EVENTSTORE_URL` is not honoured here: no EventStoreDB server can
 * run on these machines, so its adapter is proven by its contract suite on a simulated server only.
 */
export const testProfile = {
  mongodbUrl: process.env.MONGODB_URL || undefined,
  redisUrl: process.env.REDIS_URL || undefined,
};

/** What `profileOf(config)` reports for an installation of this profile. */
export const expectedProfile = {
  eventStore: 'sqlite',
  readStore: testProfile.mongodbUrl ? 'mongodb' : 'sqlite',
  queue: testProfile.redisUrl ? 'bull' : 'in-process',
};

export const readModelsInMongo = testProfile.mongodbUrl !== undefined;
export const queueOnRedis = testProfile.redisUrl !== undefined;

let installations = 0;

/**
 * The shared servers of one okrug installation in the test profile: its own MongoDB database and
 * its own queue key prefix on the shared Redis, so suites never see each other's read models or
 * jobs. `env` goes to every process of the installation (the API, its workers, the CLI).
 */
export class TestInstallation {
  private constructor(
    readonly env: Record<string, string>,
    private readonly database?: string,
  ) {}

  /** The environment of a process of this installation on top of `env` (the installation's keys win unless `env` sets them). */
  with(env: Record<string, string>): Record<string, string> {
    return { ...this.env, ...env };
  }

  /** An installation on the test profile's servers, or on the servers `servers` names instead. */
  static create(servers: { mongodbUrl?: string; redisUrl?: string } = {}): TestInstallation {
    const name = `e2e_${process.pid}_${++installations}_${randomBytes(3).toString('hex')}`;
    const mongodbUrl = servers.mongodbUrl ?? testProfile.mongodbUrl;
    const redisUrl = servers.redisUrl ?? testProfile.redisUrl;
    const env: Record<string, string> = {};
    // Where an installation looks for the tools it may use (LibreOffice for PDF reports), as a process started here would.
    if (process.env.PATH) env.PATH = process.env.PATH;
    if (mongodbUrl) env.MONGODB_URL = mongoUrlWithDatabase(mongodbUrl, `okrug_${name}`);
    if (redisUrl) {
      env.REDIS_URL = redisUrl;
      env.OKRUG_QUEUE_PREFIX = `okrug_${name}`;
    }
    return new TestInstallation(env, env.MONGODB_URL);
  }

  /** Drops the installation's MongoDB database and deletes its queue keys. Safe to call twice. */
  async drop(): Promise<void> {
    if (this.database) {
      const client = new MongoClient(this.database, { serverSelectionTimeoutMS: 10_000 });
      try {
        await client.connect();
        await client.db().dropDatabase();
      } finally {
        await client.close();
      }
    }
    if (this.env.REDIS_URL) {
      const redis = new Redis(this.env.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 2 });
      try {
        await redis.connect();
        let cursor = '0';
        do {
          const [next, keys] = await redis.scan(cursor, 'MATCH', `${this.env.OKRUG_QUEUE_PREFIX}:*`, 'COUNT', 500);
          if (keys.length) await redis.del(...keys);
          cursor = next;
        } while (cursor !== '0');
      } finally {
        redis.disconnect();
      }
    }
  }
}
