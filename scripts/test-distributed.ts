/*
 * npm run test:distributed: the contract suites of the MongoDB and Bull adapters and every e2e
 * suite, on the distributed profile: read models and the personal-data vault in MongoDB, jobs on
 * Bull/Redis (events stay in SQLite: no EventStoreDB server runs on these machines).
 *
 * The servers are MONGODB_URL's and REDIS_URL's when set (a real mongod, say); otherwise a private
 * FerretDB (built from infra/ferretdb with Go) and a private redis-server are started on free ports
 * and stopped afterwards. Each e2e installation gets its own database and queue key prefix on them.
 * Extra arguments go to Jest; path patterns among them replace the default selection
 * (`npm run test:distributed -- test/lists` runs one suite).
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { mongoTestServerUnavailable, redisServerBinary, startFerretDb, startRedisServer } from '@app/testing';

const root = resolve(__dirname, '..');
const SUITES = '(\\.e2e-spec\\.ts$|/mongodb/[^/]*\\.spec\\.ts$|/bull/[^/]*\\.spec\\.ts$)';
/**
 * The suites that time processes, locks and slots (kill -9, shutdown, schedules' seconds, two
 * processes, workers, an interrupted rebuild) run one at a time after the others; the others,
 * each on a database and a key prefix of its own, run two at a time.
 */
const TIMED = '(process|report-schedules|shutdown|two-api-processes|worker|interrupted-rebuild|bull-profile)\\.e2e-spec\\.ts$|/bull/[^/]*\\.spec\\.ts$';

const say = (line: string) => process.stdout.write(`[test:distributed] ${line}\n`);

const main = async (): Promise<number> => {
  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
  };
  try {
    let mongodbUrl = process.env.MONGODB_URL || undefined;
    if (mongodbUrl) say(`MongoDB: ${new URL(mongodbUrl).host} (MONGODB_URL)`);
    else {
      const reason = mongoTestServerUnavailable();
      if (reason) {
        say(`cannot run: ${reason}`);
        return 2;
      }
      say('MongoDB: building and starting a private FerretDB …');
      const ferret = await startFerretDb();
      stops.push(ferret.stop);
      mongodbUrl = ferret.url;
      say(`MongoDB: a private FerretDB at ${new URL(mongodbUrl).host}`);
    }
    let redisUrl = process.env.REDIS_URL || undefined;
    if (redisUrl) say(`Redis: ${new URL(redisUrl).host} (REDIS_URL)`);
    else {
      if (!redisServerBinary()) {
        say('cannot run: no redis-server binary on this machine (apt-get install -y redis-server) and REDIS_URL is not set');
        return 2;
      }
      const redis = await startRedisServer();
      if (!redis) return 2;
      stops.push(redis.stop);
      redisUrl = redis.url;
      say(`Redis: a private redis-server at ${new URL(redisUrl).host}`);
    }

    const jest = require.resolve('jest/bin/jest', { paths: [root] });
    const extra = process.argv.slice(2);
    const patterns = extra.filter((arg) => !arg.startsWith('-'));
    const options = extra.filter((arg) => arg.startsWith('-'));
    const runs: string[][] = patterns.length
      ? [['--runInBand', '--testPathPatterns', ...patterns]]
      : [
          // Two at a time on two cores, each test may take longer than alone: up to two minutes.
          ['--maxWorkers=2', '--testTimeout=120000', '--testPathPatterns', SUITES, '--testPathIgnorePatterns', TIMED],
          ['--runInBand', '--testPathPatterns', TIMED],
        ];
    let code = 0;
    for (const run of runs) {
      const child = spawn(process.execPath, [jest, ...run, ...options], {
        cwd: root,
        stdio: 'inherit',
        env: { ...process.env, MONGODB_URL: mongodbUrl, REDIS_URL: redisUrl },
      });
      // Ctrl-C or a CI timeout reaches Jest too; the servers are stopped once it has ended.
      const forward = (signal: NodeJS.Signals) => child.kill(signal);
      process.on('SIGINT', forward);
      process.on('SIGTERM', forward);
      const exit = await new Promise<number>((done) => child.on('exit', (c, signal) => done(c ?? (signal ? 1 : 0))));
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      code = code || exit;
    }
    return code;
  } finally {
    await stopAll();
  }
};

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`[test:distributed] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
