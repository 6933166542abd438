/** Addresses of optional servers for contract suites; a suite whose server is absent is skipped. */
export const testServers = {
  eventStoreUrl: process.env.EVENTSTORE_URL || undefined,
  mongodbUrl: process.env.MONGODB_URL || undefined,
  /** Path of a redis-server binary; tests start their own server on a free port. */
  redisServerBinary: process.env.REDIS_SERVER_BIN || undefined,
  /** Directories searched for server binaries. */
  searchPath: process.env.PATH ?? '',
};
