import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { InvalidConfiguration, JsonLogger, profileOf } from '@app/platform';
import { configFromEnvironment } from '@app/platform/config/env.config';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  let config;
  try {
    config = configFromEnvironment();
  } catch (error) {
    if (error instanceof InvalidConfiguration) {
      process.stderr.write(error.message + '\n');
      process.exit(2);
    }
    throw error;
  }
  const logger = new JsonLogger(config.logLevel);
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger });
  app.enableShutdownHooks();
  await app.init();
  logger.log({ msg: 'okrug worker is running', profile: profileOf(config) }, 'worker');
}

main().catch((error) => {
  process.stderr.write(`okrug worker failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
