/** Addresses of optional servers for contract suites; a suite whose server is absent is skipped. */
export const testServers = {
  eventStoreUrl: process.env.EVENTSTORE_URL || undefined,
  mongodbUrl: process.env.MONGODB_URL || undefined,
  /** Path of a redis-server binary; tests start their own server on a free port. */
  redisServerBinary: process.env.REDIS_SERVER_BIN || undefined,
  /** The `go` command that builds the private FerretDB (else `go` on PATH, else /usr/local/go/bin/go). */
  goBinary: process.env.GO_BIN || undefined,
  /** Where FerretDB test server builds are cached (else `<os temp dir>/okrug-ferretdb`). */
  ferretDbCacheDir: process.env.OKRUG_FERRETDB_CACHE || undefined,
  /** `OKRUG_TEST_FERRETDB=0`: without MONGODB_URL, skip the MongoDB suites instead of starting FerretDB. */
  ferretDbDisabled: process.env.OKRUG_TEST_FERRETDB === '0',
  /** Directories searched for server binaries. */
  searchPath: process.env.PATH ?? '',
};
