import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { JsonLogger, SHUTDOWN_SIGNALS } from '@app/platform';
import { configOrExit } from '@app/platform/config';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { reportGeneratorTestModule } from './report-generators';

@Module({})
class ReportWorkerModule {}

/** A worker as `npm run start:worker` runs it (apps/worker/src/main.ts), with the tests' report generator. */
async function main(): Promise<void> {
  const config = configOrExit();
  const logger = new JsonLogger(config.logLevel);
  const app = await NestFactory.createApplicationContext({ module: ReportWorkerModule, imports: [WorkerModule.forRoot(config), reportGeneratorTestModule()] }, { logger });
  app.enableShutdownHooks(SHUTDOWN_SIGNALS);
  await app.init();
  process.stdout.write(`${JSON.stringify({ msg: 'okrug worker is running' })}\n`);
}

main().catch((error) => {
  process.stderr.write(`okrug worker failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
