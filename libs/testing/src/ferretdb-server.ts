import { execFile, spawn } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findExecutable, isExecutable, superviseServerChild } from './server-child';
import { testServers } from './test-servers.config';

/** A MongoDB server for a suite: MONGODB_URL's, or a private FerretDB started for it. */
export interface MongoTestServer {
  /** `mongodb://host:port` (MONGODB_URL as given); suites pick their own database names. */
  url: string;
  /** `ferretdb` for a private FerretDB, `external` for the server MONGODB_URL names. */
  kind: 'ferretdb' | 'external';
  /** Stops a private FerretDB and removes its data; does nothing to an external server. Safe twice. */
  stop(): Promise<void>;
}

/** The Go program embedding FerretDB (infra/ferretdb), from the repository root. */
const SOURCE_DIR = resolve(__dirname, '../../../infra/ferretdb');
const SOURCE_FILES = ['go.mod', 'go.sum', 'main.go'];
const FALLBACK_GO = '/usr/local/go/bin/go';

/**
 * How long a suite's beforeAll may take to get its server: a build on a cold Go module cache
 * downloads FerretDB's modules (about a minute); warm, it takes seconds, and once built it is cached.
 */
export const MONGO_TEST_SERVER_TIMEOUT_MS = 240_000;

/** The `go` command: the configured one, else `go` on PATH, else /usr/local/go/bin/go. */
export const goBinary = (): string | undefined =>
  findExecutable('go', { configured: testServers.goBinary, searchPath: testServers.searchPath, fallback: FALLBACK_GO });

/**
 * Why the MongoDB suites cannot run here, or undefined when they can: decided synchronously so a
 * suite can be skipped (with this reason printed) at load time.
 */
export const mongoTestServerUnavailable = (): string | undefined => {
  if (testServers.mongodbUrl) return undefined;
  if (testServers.ferretDbDisabled) return 'MONGODB_URL is not set and OKRUG_TEST_FERRETDB=0 turns the private FerretDB off';
  if (!existsSync(join(SOURCE_DIR, 'go.sum'))) return `MONGODB_URL is not set and ${SOURCE_DIR} is missing`;
  if (!goBinary()) return 'MONGODB_URL is not set and Go is not installed (no `go` on PATH) to build the private FerretDB';
  return undefined;
};

/** The cache key of a build: what it is built from, and for which platform. */
const sourceHash = (): string => {
  const hash = createHash('sha256');
  for (const file of SOURCE_FILES) hash.update(file).update('\0').update(readFileSync(join(SOURCE_DIR, file))).update('\0');
  hash.update(`${process.platform}-${process.arch}`);
  return hash.digest('hex').slice(0, 16);
};

const cacheRoot = (): string => testServers.ferretDbCacheDir ?? join(tmpdir(), 'okrug-ferretdb');

const run = (command: string, args: string[], cwd: string, timeoutMs: number): Promise<void> =>
  new Promise((resolvePromise, reject) => {
    execFile(command, args, { cwd, timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${command} ${args.join(' ')} failed: ${error.message}\n${stdout}${stderr}`.trim()));
      else resolvePromise();
    });
  });

/**
 * Path of the FerretDB test server binary, built with `go build` when no build of these sources
 * is cached yet. The cache directory is keyed by the hash of go.mod, go.sum and main.go, so every
 * suite of a test run (and later runs) reuses one build. Two processes building at once each
 * build to a name of their own and rename it into place: the rename is atomic, so a suite never
 * sees half a binary, and the last one to finish merely replaces an identical file.
 */
export const buildFerretDb = (): Promise<string> => {
  // One build per process, however many instances start at once.
  building ??= buildOnce().catch((error: unknown) => {
    building = undefined;
    throw error;
  });
  return building;
};
let building: Promise<string> | undefined;

const buildOnce = async (): Promise<string> => {
  const go = goBinary();
  if (!go) throw new Error('Go is not installed (no `go` on PATH): cannot build the FerretDB test server');
  const dir = join(cacheRoot(), sourceHash());
  const binary = join(dir, 'ferretdb-test-server');
  if (isExecutable(binary)) return binary;
  mkdirSync(dir, { recursive: true });
  const partial = join(dir, `.building-${process.pid}-${randomUUID().slice(0, 8)}`);
  try {
    // -mod=readonly: the committed go.sum is the whole truth; a mismatch fails instead of editing it.
    await run(go, ['build', '-mod=readonly', '-o', partial, '.'], SOURCE_DIR, MONGO_TEST_SERVER_TIMEOUT_MS - 20_000);
    renameSync(partial, binary);
  } finally {
    rmSync(partial, { force: true });
  }
  return binary;
};

/**
 * Starts a private FerretDB (built if need be) on a port the system picks, with a temporary data
 * directory of its own, and resolves once it accepts connections (it prints its address only
 * after binding). `stop()` sends SIGTERM (SIGKILL if it lingers) and removes the directory.
 */
export const startFerretDb = async (options: { readyTimeoutMs?: number } = {}): Promise<{ url: string; stop(): Promise<void> }> => {
  const binary = await buildFerretDb();
  const dir = mkdtempSync(join(tmpdir(), 'ferretdb-test-'));
  const child = spawn(binary, ['-listen', '127.0.0.1:0', '-data', join(dir, 'data'), '-log-level', 'error'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let stdout = '';
  child.stderr!.on('data', (chunk: Buffer) => (output = (output + chunk.toString('utf8')).slice(-4000)));
  const { spawnError, stop } = superviseServerChild(child, dir, 10_000);

  const readyTimeoutMs = options.readyTimeoutMs ?? 20_000;
  const port = await new Promise<number>((resolvePromise, reject) => {
    const timer = setTimeout(() => finish(new Error(`FerretDB did not listen within ${readyTimeoutMs} ms: ${output.trim()}`)), readyTimeoutMs);
    const finish = (error: Error | undefined, found?: number) => {
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolvePromise(found!);
    };
    const onData = (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      const match = /listening on mongodb:\/\/[^:/\s]+:(\d+)/.exec(stdout);
      if (match) finish(undefined, Number(match[1]));
    };
    const onExit = () => finish(new Error(`FerretDB exited before listening: ${spawnError()?.message ?? output.trim()}`));
    child.stdout!.on('data', onData);
    child.once('exit', onExit);
    child.once('error', onExit);
  }).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  // Keep draining its stdout so a chatty server never blocks on a full pipe.
  child.stdout!.resume();
  return { url: `mongodb://127.0.0.1:${port}`, stop };
};

/**
 * The server the MongoDB suites run against: MONGODB_URL's when it is set, else a private FerretDB.
 * Resolves null (with the reason in `mongoTestServerUnavailable()`) when neither is possible.
 */
export const mongoServerForTests = async (): Promise<MongoTestServer | null> => {
  if (testServers.mongodbUrl) return { url: testServers.mongodbUrl, kind: 'external', stop: async () => undefined };
  if (mongoTestServerUnavailable()) return null;
  const started = await startFerretDb();
  return { url: started.url, kind: 'ferretdb', stop: started.stop };
};

/**
 * A suite against a MongoDB server (see `mongoServerForTests`), skipped with a printed reason when
 * there is none. The server is started before the suite's tests and stopped after them; `server()`
 * gives it to the tests (call it inside hooks or tests, not while the suite is being defined).
 */
export const describeWithMongo = (name: string, fn: (server: () => MongoTestServer) => void): void => {
  const reason = mongoTestServerUnavailable();
  if (reason) {
    // Printed on stderr outside Jest's console capture so it shows in every reporter.
    process.stderr.write(`\n[skipped] ${name}: ${reason}\n`);
    describe.skip(name, () => fn(() => {
      throw new Error('no MongoDB server');
    }));
    return;
  }
  describe(name, () => {
    let current: MongoTestServer | null = null;
    beforeAll(async () => {
      current = await mongoServerForTests();
      if (!current) throw new Error(`no MongoDB server: ${mongoTestServerUnavailable()}`);
    }, MONGO_TEST_SERVER_TIMEOUT_MS);
    afterAll(async () => {
      await current?.stop();
    }, 30_000);
    // A describe of its own, so the suite's afterAll hooks (closing clients) run before the server stops.
    describe(`on ${testServers.mongodbUrl ? 'MONGODB_URL' : 'a private FerretDB'}`, () =>
      fn(() => {
        if (!current) throw new Error('the MongoDB test server is not started yet (use server() inside hooks and tests)');
        return current;
      }),
    );
  });
};

/** `url` with its database path set to `dbName` (query options kept), for a client's default database. */
export const mongoUrlWithDatabase = (url: string, dbName: string): string => {
  const parsed = new URL(url);
  parsed.pathname = `/${dbName}`;
  return parsed.toString();
};
