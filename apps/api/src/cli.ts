import 'reflect-metadata';
import { InvalidConfiguration, loadConfig, openEventStore, openReadStore } from '@app/platform';
import { processEnvironment } from '@app/platform/config/env.config';
import { ProjectionRunner } from '@app/read-store/projection-runner';
import { allProjections } from './app.module';

const USAGE = `usage: npm run cli -- <command>

  projections status            generation, checkpoint, head and lag of every projection
  projections rebuild <name>    rebuild a read model into a fresh copy and swap it in

The CLI opens the stores the environment configures (OKRUG_DATA_DIR, EVENTSTORE_URL, MONGODB_URL).
Rebuild from here while the API is stopped; on a running system use POST /projections/<name>/rebuild.
`;

const table = (rows: Record<string, unknown>[]): string => {
  if (rows.length === 0) return '(none)\n';
  const columns = Object.keys(rows[0]);
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c] ?? '').length)));
  const line = (values: string[]) => values.map((v, i) => v.padEnd(widths[i])).join('  ').trimEnd();
  return [line(columns), line(widths.map((w) => '-'.repeat(w))), ...rows.map((r) => line(columns.map((c) => String(r[c] ?? ''))))].join('\n') + '\n';
};

export async function runCli(argv: string[], env: Record<string, string | undefined>, out: (text: string) => void): Promise<number> {
  const [group, command, name] = argv;
  if (group !== 'projections' || !['status', 'rebuild'].includes(command ?? '')) {
    out(USAGE);
    return group === undefined || group === 'help' || group === '--help' ? 0 : 2;
  }
  let config;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (error instanceof InvalidConfiguration) {
      out(error.message + '\n');
      return 2;
    }
    throw error;
  }
  const eventStore = await openEventStore(config);
  const readStore = await openReadStore(config);
  const quiet = { log: () => undefined, warn: () => undefined, error: (m: unknown) => out(`${JSON.stringify(m)}\n`) };
  const runner = new ProjectionRunner({ eventStore, readStore, projections: allProjections, logger: quiet });
  try {
    if (command === 'status') {
      const head = await eventStore.headPosition();
      const rows = await Promise.all(
        allProjections.map(async (p) => {
          const checkpoint = await readStore.checkpoint(p.name);
          const position = checkpoint?.position ?? 0;
          return { projection: p.name, generation: checkpoint?.generation ?? '-', position, head, lag: head - position };
        }),
      );
      out(table(rows));
      return 0;
    }
    if (!name || !allProjections.some((p) => p.name === name)) {
      out(`unknown projection '${name ?? ''}'; one of: ${allProjections.map((p) => p.name).join(', ')}\n`);
      return 2;
    }
    const started = Date.now();
    const result = await runner.rebuild(name);
    out(table([{ ...result, seconds: ((Date.now() - started) / 1000).toFixed(2) }]));
    return 0;
  } finally {
    await runner.stop();
    await readStore.close();
    await eventStore.close();
  }
}

if (require.main === module) {
  runCli(process.argv.slice(2), processEnvironment(), (text) => process.stdout.write(text)).then(
    (code) => process.exit(code),
    (error) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
