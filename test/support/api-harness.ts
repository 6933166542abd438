import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamicModule, Type } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { Clock } from '@app/kernel';
import { AppConfig, loadConfig } from '@app/platform';
import { createApi } from '../../apps/api/src/create-app';
import { TestInstallation } from './profile';

export const ADMIN_KEY = 'e2e-admin-key-0123456789abcdef';

/**
 * The real HTTP API on a temporary data directory with a known admin key, in the test profile
 * (embedded, or with `MONGODB_URL` / `REDIS_URL` its own database and queue prefix on those servers).
 * `restart()` stops the app and starts a new one on the same directory and database.
 * Processes a test spawns for the same installation get `installation.with({...})` as environment.
 */
export class ApiHarness {
  app!: NestFastifyApplication;
  config!: AppConfig;
  readonly dataDir: string;

  private constructor(
    dataDir: string,
    readonly installation: TestInstallation,
    private readonly env: Record<string, string>,
    private readonly clock?: Clock,
    private readonly imports: readonly (Type<unknown> | DynamicModule)[] = [],
  ) {
    this.dataDir = dataDir;
  }

  /**
   * `clock`: the domain clock of the app (when requests are received, what "today" is); the system's by default.
   * `imports`: modules the app imports beside the registry's (a test's report generator, `test/support/report-generators.ts`).
   */
  static async start(
    env: Record<string, string> = {},
    installation = TestInstallation.create(),
    clock?: Clock,
    imports: readonly (Type<unknown> | DynamicModule)[] = [],
  ): Promise<ApiHarness> {
    const harness = new ApiHarness(mkdtempSync(join(tmpdir(), 'okrug-e2e-')), installation, env, clock, imports);
    await harness.boot();
    return harness;
  }

  /** The environment of another process of this installation (a worker, the CLI): data directory, database, queue. */
  processEnv(env: Record<string, string> = {}): Record<string, string> {
    return this.installation.with({ OKRUG_DATA_DIR: this.dataDir, ...env });
  }

  private async boot(): Promise<void> {
    this.config = loadConfig(this.installation.with({ OKRUG_DATA_DIR: this.dataDir, OKRUG_ADMIN_KEY: ADMIN_KEY, OKRUG_LOG_LEVEL: 'silent', OKRUG_DEPARTMENT: 'bakhmut', ...this.env }));
    ({ app: this.app } = await createApi(this.config, { runProjections: this.config.projectionsIn === 'api', clock: this.clock, imports: this.imports }));
  }

  get http() {
    return request(this.app.getHttpServer());
  }

  /** An authorised request as the admin of the department. */
  as(key = ADMIN_KEY) {
    const server = this.app.getHttpServer();
    const auth = { Authorization: `Bearer ${key}` };
    return {
      get: (url: string) => request(server).get(url).set(auth),
      post: (url: string) => request(server).post(url).set(auth),
      put: (url: string) => request(server).put(url).set(auth),
      delete: (url: string) => request(server).delete(url).set(auth),
    };
  }

  /**
   * Issues an API key per entry (`{ head: { actorId, role, label, networkIds } }`) as the admin
   * and answers their secrets by the same names; a key that is refused fails the test.
   */
  async issueKeys<K extends string>(bodies: Record<K, object>): Promise<Record<K, string>> {
    const secrets = {} as Record<K, string>;
    for (const [name, body] of Object.entries(bodies) as [K, object][]) {
      const res = await this.as().post('/api-keys').send(body);
      if (res.status !== 201) throw new Error(`issuing the key ${name}: ${res.status} ${JSON.stringify(res.body)}`);
      secrets[name] = res.body.secret;
    }
    return secrets;
  }

  async restart(): Promise<void> {
    await this.app.close();
    await this.boot();
  }

  /** Stops the app and keeps the data directory and database (`dispose()` removes them later). */
  async close(): Promise<void> {
    await this.app.close();
  }

  /** Removes what `close()` kept: the data directory and the installation's database and queue keys. */
  async dispose(): Promise<void> {
    rmSync(this.dataDir, { recursive: true, force: true });
    await this.installation.drop();
  }

  async stop(): Promise<void> {
    await this.app.close().catch(() => undefined);
    await this.dispose();
  }
}
