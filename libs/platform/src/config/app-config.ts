import { resolve } from 'node:path';

/** The validated configuration of an okrug process. */
export interface AppConfig {
  port: number;
  dataDir: string;
  /** The embedded SQLite file (events and, unless MongoDB is configured, read models). */
  databaseFile: string;
  adminKey?: string;
  /** Server-side pepper of the API key hashes (OKRUG_KEY_PEPPER); otherwise kept in the data directory. */
  keyPepper?: string;
  /** Department of the bootstrap admin key. */
  department: string;
  eventStoreUrl?: string;
  mongodbUrl?: string;
  redisUrl?: string;
  /** Prefix of every Redis key of the job queue (OKRUG_QUEUE_PREFIX, default `okrug`): installations sharing one Redis keep apart. */
  queuePrefix: string;
  /**
   * How long a Bull worker's hold on a running job lasts (OKRUG_QUEUE_LOCK_MS, default 30 000 ms,
   * renewed while it runs): a worker that died gives its job to another once its hold has run out.
   */
  queueLockMs: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** Which process keeps the read models: the API itself (default) or separate workers. */
  projectionsIn: 'api' | 'worker';
  /**
   * LibreOffice's `soffice`, for PDF reports: OKRUG_SOFFICE, else looked for on the PATH the
   * process was started with (`searchPath`); none found means no PDF.
   */
  soffice?: string;
  searchPath?: string;
}

/** Raised at start-up with one line per wrong value. */
export class InvalidConfiguration extends Error {
  constructor(readonly problems: string[]) {
    super(`okrug cannot start: the configuration is invalid\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'InvalidConfiguration';
  }
}

const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;

const checkUrl = (problems: string[], name: string, value: string | undefined, schemes: string[]): string | undefined => {
  if (value === undefined || value === '') return undefined;
  let scheme = '';
  try {
    scheme = new URL(value).protocol.replace(/:$/, '');
  } catch {
    problems.push(`${name}: '${value}' is not a URL; expected e.g. ${schemes[0]}://host:port`);
    return undefined;
  }
  if (!schemes.includes(scheme)) {
    problems.push(`${name}: scheme '${scheme}' is not supported; use ${schemes.map((s) => `${s}://`).join(' or ')}`);
    return undefined;
  }
  return value;
};

/**
 * Reads and validates the configuration from an environment. Pure: tests pass their own
 * environment; the process passes its own in `main.ts`.
 */
export const loadConfig = (env: Record<string, string | undefined>): AppConfig => {
  const problems: string[] = [];
  let port = 3000;
  if (env.PORT !== undefined && env.PORT !== '') {
    port = Number(env.PORT);
    if (!/^\d+$/.test(env.PORT) || port < 0 || port > 65535) {
      problems.push(`PORT: '${env.PORT}' is not a port number (0–65535)`);
    }
  }
  const dataDir = resolve(env.OKRUG_DATA_DIR || './data');
  const adminKey = env.OKRUG_ADMIN_KEY || undefined;
  if (adminKey !== undefined && adminKey.length < 16) {
    problems.push('OKRUG_ADMIN_KEY: must be at least 16 characters long');
  }
  const keyPepper = env.OKRUG_KEY_PEPPER || undefined;
  if (keyPepper !== undefined && keyPepper.length < 32) {
    problems.push('OKRUG_KEY_PEPPER: must be at least 32 characters long');
  }
  const department = env.OKRUG_DEPARTMENT || 'default';
  if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(department)) {
    problems.push(`OKRUG_DEPARTMENT: '${department}' must be lower-case letters, digits and dashes`);
  }
  const logLevel = (env.OKRUG_LOG_LEVEL || 'info') as AppConfig['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) {
    problems.push(`OKRUG_LOG_LEVEL: '${logLevel}' must be one of ${LOG_LEVELS.join(', ')}`);
  }
  const projectionsIn = (env.OKRUG_PROJECTIONS || 'api') as AppConfig['projectionsIn'];
  if (projectionsIn !== 'api' && projectionsIn !== 'worker') {
    problems.push(`OKRUG_PROJECTIONS: '${projectionsIn}' must be api (the API keeps the read models) or worker`);
  }
  const eventStoreUrl = checkUrl(problems, 'EVENTSTORE_URL', env.EVENTSTORE_URL, ['esdb', 'esdb+discover']);
  const mongodbUrl = checkUrl(problems, 'MONGODB_URL', env.MONGODB_URL, ['mongodb', 'mongodb+srv']);
  const redisUrl = checkUrl(problems, 'REDIS_URL', env.REDIS_URL, ['redis', 'rediss']);
  const queuePrefix = env.OKRUG_QUEUE_PREFIX || 'okrug';
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$/.test(queuePrefix)) {
    problems.push(`OKRUG_QUEUE_PREFIX: '${queuePrefix}' must be letters, digits, dashes and underscores (at most 63)`);
  }
  const queueLockMs = env.OKRUG_QUEUE_LOCK_MS ? Number(env.OKRUG_QUEUE_LOCK_MS) : 30_000;
  if (!Number.isInteger(queueLockMs) || queueLockMs < 1000 || queueLockMs > 600_000) {
    problems.push(`OKRUG_QUEUE_LOCK_MS: '${env.OKRUG_QUEUE_LOCK_MS}' must be a whole number of milliseconds from 1000 to 600000`);
  }
  if (problems.length) throw new InvalidConfiguration(problems);
  return {
    port,
    dataDir,
    databaseFile: resolve(dataDir, 'okrug.sqlite'),
    adminKey,
    keyPepper,
    department,
    eventStoreUrl,
    mongodbUrl,
    redisUrl,
    queuePrefix,
    queueLockMs,
    logLevel,
    projectionsIn,
    soffice: env.OKRUG_SOFFICE || undefined,
    searchPath: env.PATH || undefined,
  };
};

/** Which adapter each port uses, for health and start-up messages. */
export const profileOf = (config: AppConfig) => ({
  eventStore: config.eventStoreUrl ? 'eventstoredb' : 'sqlite',
  readStore: config.mongodbUrl ? 'mongodb' : 'sqlite',
  queue: config.redisUrl ? 'bull' : 'in-process',
});
