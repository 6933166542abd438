import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { JsonLogger, loadConfig } from '@app/platform';
import { createApi } from '../apps/api/src/create-app';
import { ADMIN_KEY } from './support/api-harness';
import { TestInstallation } from './support/profile';

describe('request logs', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'okrug-log-'));
  const installation = TestInstallation.create();
  const lines: Record<string, unknown>[] = [];
  let app: NestFastifyApplication;

  beforeAll(async () => {
    const config = loadConfig(installation.with({ OKRUG_DATA_DIR: dataDir, OKRUG_ADMIN_KEY: ADMIN_KEY, OKRUG_LOG_LEVEL: 'info', OKRUG_DEPARTMENT: 'bakhmut' }));
    ({ app } = await createApi(config, { logger: new JsonLogger('info', (line) => lines.push(JSON.parse(line))) }));
  });
  afterAll(async () => {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
    await installation.drop();
  });

  it('keep the query string out: it can carry the names being searched for', async () => {
    const res = await request(app.getHttpServer())
      .get(`/institutions?q=${encodeURIComponent('Иванова')}&settlement=${encodeURIComponent('с. Мурыгино')}&limit=5`)
      .set('Authorization', `Bearer ${ADMIN_KEY}`);
    expect(res.status).toBe(200);
    const logged = lines.filter((line) => line.msg === 'request');
    expect(logged.at(-1)).toMatchObject({ method: 'GET', url: '/institutions', status: 200 });
    const all = JSON.stringify(lines);
    expect(all).not.toContain('Иванова');
    expect(all).not.toContain(encodeURIComponent('Иванова'));
    expect(all).not.toContain('Мурыгино');
  });
});
