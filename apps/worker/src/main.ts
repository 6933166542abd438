import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { JsonLogger, SHUTDOWN_SIGNALS, ignoreOtherSignals, profileOf } from '@app/platform';
import { configOrExit } from '@app/platform/config';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  const config = configOrExit();
  const logger = new JsonLogger(config.logLevel);
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger });
  // Only these stop the worker; Nest's default list also has SIGHUP, SIGUSR2 and others.
  app.enableShutdownHooks(SHUTDOWN_SIGNALS);
  ignoreOtherSignals((line) => logger.warn(line, 'worker'));
  await app.init();
  logger.log({ msg: 'okrug worker is running', profile: profileOf(config) }, 'worker');
}

main().catch((error) => {
  process.stderr.write(`okrug worker failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
