import 'reflect-metadata';
import { configOrExit } from '@app/platform/config';
import { createApi } from '../../apps/api/src/create-app';
import { reportGeneratorTestModule } from './report-generators';

/**
 * The API as `npm start` runs it (apps/api/src/main.ts), with the tests' report generator
 * (`OKRUG_TEST_REPORT_DELAY_MS`: how long each generation takes): what the process e2e of the
 * reports kills and starts again.
 */
async function main(): Promise<void> {
  const config = configOrExit();
  const delayMs = Number(process.env.OKRUG_TEST_REPORT_DELAY_MS ?? '0');
  const { app } = await createApi(config, { runProjections: config.projectionsIn === 'api', imports: [reportGeneratorTestModule({ delayMs })] });
  await app.listen({ port: config.port, host: '127.0.0.1' });
  process.stdout.write(`${JSON.stringify({ msg: 'okrug is listening', port: config.port })}\n`);
}

main().catch((error) => {
  process.stderr.write(`okrug failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
