import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ignoreOtherSignals, profileOf } from '@app/platform';
import { configOrExit } from '@app/platform/config';
import { createApi } from './create-app';

async function main(): Promise<void> {
  const config = configOrExit();
  const { app, createdAdminKey } = await createApi(config, { runProjections: config.projectionsIn === 'api' });
  const logger = new Logger('platform');
  ignoreOtherSignals((line) => logger.warn(line));
  if (createdAdminKey) {
    process.stdout.write(
      `\n  okrug: an admin API key was created for department "${config.department}". It is shown only this once:\n\n` +
        `    ${createdAdminKey}\n\n  Use it as "Authorization: Bearer <key>". Set OKRUG_ADMIN_KEY to choose your own.\n\n`,
    );
  }
  await app.listen({ port: config.port, host: '0.0.0.0' });
  const profile = profileOf(config);
  process.stdout.write(
    JSON.stringify({ time: new Date().toISOString(), level: 'info', msg: 'okrug is listening', port: config.port, dataDir: config.dataDir, profile }) + '\n',
  );
}

main().catch((error) => {
  process.stderr.write(`okrug failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
