/*
 * Draws the picture of a generated report page that the README shows: starts the API on a
 * temporary data directory, loads the demo, asks for Murygino district No. 3's annual analysis
 * of 2020/2021 (ru) as PDF through POST /reports, and renders its first page to PNG with
 * pdftoppm (poppler-utils). Needs LibreOffice and pdftoppm.
 *
 *   node scripts/run-ts.js scripts/report-picture.ts docs/images/annual-analysis-murygino-2020-2021.png
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadConfig } from '@app/platform/config';
import { createApi } from '../apps/api/src/create-app';
import { loadDemo } from '../demo/load-demo';

const KEY = 'report-picture-admin-key-0123456789';

async function main(out: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'okrug-picture-'));
  // The PATH is where the API looks for LibreOffice.
  const config = loadConfig({ OKRUG_DATA_DIR: dir, OKRUG_ADMIN_KEY: KEY, OKRUG_DEPARTMENT: 'murygino', OKRUG_LOG_LEVEL: 'silent', PATH: process.env.PATH });
  const { app } = await createApi(config, { runProjections: true });
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    const demo = await loadDemo({ url, apiKey: KEY });
    const call = async (path: string, init: RequestInit = {}) => fetch(`${url}${path}`, { ...init, headers: { Authorization: `Bearer ${KEY}`, 'Content-Type': 'application/json', ...init.headers } });
    const asked = await call('/reports', {
      method: 'POST',
      body: JSON.stringify({ report: 'annual-analysis', format: 'pdf', parameters: { networkId: demo.networks['murygino-district-3'], period: { kind: 'academic-year', academicYear: '2020/2021' }, language: 'ru' } }),
    });
    if (asked.status !== 202) throw new Error(`POST /reports: ${asked.status} ${await asked.text()}`);
    const { id } = (await asked.json()) as { id: string };
    for (let i = 0; ; i++) {
      const status = (await (await call(`/reports/${id}`)).json()) as { status: string; failure?: unknown };
      if (status.status === 'generated') break;
      if (status.status === 'failed' || i > 600) throw new Error(`the report did not generate: ${JSON.stringify(status)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const pdf = join(dir, 'report.pdf');
    writeFileSync(pdf, Buffer.from(await (await call(`/reports/${id}/content`)).arrayBuffer()));
    const target = resolve(out).replace(/\.png$/, '');
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, target]);
    process.stdout.write(`${target}.png\n`);
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main(process.argv[2] ?? 'docs/images/annual-analysis-murygino-2020-2021.png').catch((error) => {
  console.error(error);
  process.exit(1);
});
