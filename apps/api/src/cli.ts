import 'reflect-metadata';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { ApiKeyHasher, IdentityService, loadPepper } from '@app/identity/administration';
import { AppConfig, InvalidConfiguration, loadConfig, openEventStore, openReadStore } from '@app/platform';
import { processEnvironment } from '@app/platform/config';
import { ProjectionRunner } from '@app/read-store';
import { CommandContext, DomainError, InvalidInput, newId } from '@app/kernel';
import { ImportInput, ImportSummary, Importer, readImport } from '@app/networks/import';
import { allEventContracts, allProjections, allReactors } from '@app/modules';
import { NestFactory } from '@nestjs/core';
import { EventImportSummary, EventsImportInput, EventsImportService, readEventsImport } from '@app/events/import';
import { AppModule } from './app.module';

const USAGE = `usage: npm run cli -- <command>

  projections status            generation, checkpoint, head and lag of every projection (and reactor)
  projections rebuild <name>    rebuild a read model into a fresh copy and swap it in
  import <file> [--dry-run]     import institutions and networks from a .csv or .json file into the
                                department OKRUG_DEPARTMENT, all rows or none; --dry-run only checks.
                                Exit code 0: imported (or would be), 3: rows rejected, nothing written
  events import <file> [--dry-run]
                                import a list of events (.csv or .json) the same way; same exit codes
  keys list [--department <d>]  the keys of a department (OKRUG_DEPARTMENT by default), never their secrets
  keys revoke <keyId> --reason <text> [--department <d>]
                                revoke a key: refused from then on by every API process
  departments create <name>     create another department and print its first admin key, once

The CLI opens the stores the environment configures (OKRUG_DATA_DIR, EVENTSTORE_URL, MONGODB_URL).
It brings read models up to date itself where a command needs them; reactors run only in the
API or the workers.
Rebuild and import from here while the API is stopped; on a running system use
POST /projections/<name>/rebuild and POST /imports. Keys and departments may be managed while
the API runs: its guard reads each key's own record, so a change holds at once.
`;

const table = (rows: Record<string, unknown>[]): string => {
  if (rows.length === 0) return '(none)\n';
  const columns = Object.keys(rows[0]);
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c] ?? '').length)));
  const line = (values: string[]) => values.map((v, i) => v.padEnd(widths[i])).join('  ').trimEnd();
  return [line(columns), line(widths.map((w) => '-'.repeat(w))), ...rows.map((r) => line(columns.map((c) => String(r[c] ?? ''))))].join('\n') + '\n';
};

/** The configuration, or null after printing why it is invalid. */
const configOrNull = (env: Record<string, string | undefined>, out: (text: string) => void): AppConfig | null => {
  try {
    return loadConfig(env);
  } catch (error) {
    if (error instanceof InvalidConfiguration) {
      out(error.message + '\n');
      return null;
    }
    throw error;
  }
};

/** Reads an import file: CSV by its extension (or when it does not look like JSON), else JSON. */
const readImportFile = async <T>(file: string, read: (body: unknown, contentType: string) => T = readImport as never): Promise<T> => {
  const text = await readFile(file, 'utf8');
  const extension = extname(file).toLowerCase();
  const csv = extension === '.csv' || (extension !== '.json' && !/^\uFEFF?\s*[[{]/.test(text));
  if (csv) return read(text, 'text/csv');
  let body: unknown;
  try {
    body = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new InvalidInput(`the JSON file is malformed: ${(error as Error).message}`, [{ field: 'body', messages: ['not JSON'] }]);
  }
  return read(body, 'application/json');
};

const printSummary = (summary: ImportSummary, out: (text: string) => void): void => {
  out(
    table(
      summary.rows.map((r) => ({
        row: r.row,
        entity: r.entity,
        outcome: r.outcome,
        key: r.key,
        ...(summary.counts.rejected > 0 ? { reason: r.reason ?? '' } : {}),
      })),
    ),
  );
  const counts = (c: ImportSummary['counts']['created']) =>
    `${c.institutions} institutions, ${c.networks} networks, ${c.memberships} memberships, ${c.anchors} anchors`;
  out(`created:   ${counts(summary.counts.created)}\n`);
  out(`unchanged: ${counts(summary.counts.unchanged)}\n`);
  out(`rejected:  ${summary.counts.rejected}${summary.counts.rejected > 0 ? ` (${Object.entries(summary.counts.rejectedByRule).map(([rule, n]) => `${rule}: ${n}`).join(', ')})` : ''}\n`);
  if (summary.omittedRows > 0) out(`${summary.omittedRows} more rows are not listed\n`);
  if (summary.counts.rejected > 0) out('nothing was written: correct the rejected rows and import the whole file again\n');
  else if (summary.dryRun) out('dry run: nothing was written\n');
  else if (summary.position !== undefined) out(`imported; last event at position ${summary.position}\n`);
  else out('nothing new to import\n');
};

/**
 * An import's arguments (`<file> [--dry-run]`), the configuration and the file read: what both
 * imports start from, or the exit code when one of them is wrong (the usage, a bad
 * configuration, a file that is missing or does not read as an import, each printed).
 */
const readImportArguments = async <T>(
  args: string[],
  env: Record<string, string | undefined>,
  out: (text: string) => void,
  read: (file: string) => Promise<T>,
): Promise<number | { config: AppConfig; input: T; dryRun: boolean }> => {
  const dryRun = args.includes('--dry-run');
  const files = args.filter((a) => a !== '--dry-run');
  if (files.length !== 1 || files[0].startsWith('--')) {
    out(USAGE);
    return 2;
  }
  const config = configOrNull(env, out);
  if (!config) return 2;
  try {
    return { config, input: await read(files[0]), dryRun };
  } catch (error) {
    if (error instanceof InvalidInput) {
      out(`${error.message}\n${error.errors.map((e) => `  ${e.field}: ${e.messages.join('; ')}`).join('\n')}\n`);
      return 2;
    }
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      out(`no such file: ${files[0]}\n`);
      return 2;
    }
    throw error;
  }
};

/** `import <file> [--dry-run]`: the same importer as POST /imports, on the stores, as the department's admin. */
const runImport = async (args: string[], env: Record<string, string | undefined>, out: (text: string) => void): Promise<number> => {
  const read = await readImportArguments(args, env, out, (file) => readImportFile<ImportInput>(file));
  if (typeof read === 'number') return read;
  const { config, input, dryRun } = read;
  const eventStore = await openEventStore(config, allEventContracts);
  const readStore = await openReadStore(config);
  const quiet = { log: () => undefined, warn: () => undefined, error: (m: unknown) => out(`${JSON.stringify(m)}\n`) };
  // The read models catch up first, so that institutions registered earlier are matched by name.
  const runner = new ProjectionRunner({ eventStore, readStore, projections: allProjections, logger: quiet });
  try {
    await runner.start();
    const importer = new Importer({ eventStore, readStore, institutionsReadAt: (position) => runner.waitFor(position, { timeoutMs: 120_000 }) });
    const summary = await importer.run(
      input,
      {
        actor: { id: 'cli', role: 'admin' },
        department: config.department,
        commandId: newId(),
        correlationId: newId(),
        source: 'import',
        receivedAt: new Date(),
      },
      { dryRun },
    );
    if (summary.position !== undefined) await runner.waitFor(summary.position, { timeoutMs: 120_000 });
    printSummary(summary, out);
    return summary.counts.rejected > 0 ? 3 : 0;
  } finally {
    await runner.stop();
    await readStore.close();
    await eventStore.close();
  }
};

/**
 * `events import <file> [--dry-run]`: POST /events/imports' import on the stores, as the
 * department's admin, in the application's Nest context (no HTTP): the import names networks
 * and institutions through the networks module's queries. Read models catch up first.
 */
const runEventsImport = async (args: string[], env: Record<string, string | undefined>, out: (text: string) => void): Promise<number> => {
  const read = await readImportArguments(args, env, out, (file) => readImportFile<EventsImportInput>(file, readEventsImport));
  if (typeof read === 'number') return read;
  const { config, input, dryRun } = read;
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, { runProjections: true }), { logger: false });
  try {
    const summary: EventImportSummary = await app.get(EventsImportService).run(input, { ...cliContext(config.department), source: 'import' }, { dryRun });
    out(table(summary.rows.map((r) => ({ row: r.row, entity: r.entity, outcome: r.outcome, key: r.key, ...(summary.counts.rejected > 0 ? { reason: r.reason ?? '' } : {}) }))));
    const counts = (c: EventImportSummary['counts']['created']) => `${c.events} events, ${c.series} series`;
    out(`created:   ${counts(summary.counts.created)}\nunchanged: ${counts(summary.counts.unchanged)}\n`);
    out(`rejected:  ${summary.counts.rejected}${summary.counts.rejected > 0 ? ` (${Object.entries(summary.counts.rejectedByRule).map(([rule, n]) => `${rule}: ${n}`).join(', ')})` : ''}\n`);
    if (summary.counts.rejected > 0) out('nothing was written: correct the rejected rows and import the whole file again\n');
    else if (summary.dryRun) out('dry run: nothing was written\n');
    else if (summary.position !== undefined) out(`imported; last event at position ${summary.position}\n`);
    else out('nothing new to import\n');
    return summary.counts.rejected > 0 ? 3 : 0;
  } finally {
    await app.close();
  }
};

/** The value after a flag (`--reason text`), and the arguments without the flag and its value. */
const option = (args: string[], flag: string): { value?: string; rest: string[] } => {
  const at = args.indexOf(flag);
  if (at < 0) return { rest: args };
  return { value: args[at + 1], rest: [...args.slice(0, at), ...args.slice(at + 2)] };
};

const cliContext = (department: string, reason?: string): CommandContext => ({
  actor: { id: 'cli', role: 'admin' },
  department,
  commandId: newId(),
  correlationId: newId(),
  source: 'system',
  ...(reason ? { reason } : {}),
  receivedAt: new Date(),
});

/** `keys list|revoke` and `departments create`: identity operations on the stores, as an admin of the installation. */
const runIdentity = async (group: string, args: string[], env: Record<string, string | undefined>, out: (text: string) => void): Promise<number> => {
  const [command, ...rest] = args;
  const department = option(rest, '--department');
  const reason = option(department.rest, '--reason');
  const positional = reason.rest;
  const valid =
    (group === 'keys' && command === 'list' && positional.length === 0) ||
    (group === 'keys' && command === 'revoke' && positional.length === 1 && Boolean(reason.value?.trim())) ||
    (group === 'departments' && command === 'create' && positional.length === 1 && department.value === undefined);
  if (!valid) {
    out(USAGE);
    return 2;
  }
  const config = configOrNull(env, out);
  if (!config) return 2;
  let hasher: ApiKeyHasher;
  try {
    hasher = new ApiKeyHasher(loadPepper({ pepper: config.keyPepper, dataDir: config.dataDir, distributed: Boolean(config.eventStoreUrl) }));
  } catch (error) {
    out(`${(error as Error).message}\n`);
    return 2;
  }
  const eventStore = await openEventStore(config, allEventContracts);
  const readStore = await openReadStore(config);
  const quiet = { log: () => undefined, warn: () => undefined, error: (m: unknown) => out(`${JSON.stringify(m)}\n`) };
  // Only the key list is read from a read model: it catches up first (the API may be stopped).
  const runner = new ProjectionRunner({ eventStore, readStore, projections: allProjections.filter((p) => p.name === 'api-keys'), logger: quiet });
  const identity = new IdentityService(eventStore, readStore, hasher);
  const of = department.value ?? config.department;
  try {
    await runner.start();
    await runner.waitFor(await eventStore.headPosition(), { timeoutMs: 120_000 });
    if (group === 'departments') {
      const name = positional[0];
      const issued = await identity.createDepartment(name, cliContext(name, `department ${name} created`));
      out(
        `department "${name}" created. Its first admin API key is shown only this once:\n\n    ${issued.secret}\n\n` +
          `key id ${issued.keyId}; send it as "Authorization: Bearer <key>"\n`,
      );
      return 0;
    }
    if (command === 'list') {
      const keys = await identity.list(of, new Date());
      out(table(keys.map((k) => ({ keyId: k.keyId, actorId: k.actorId, role: k.role, status: k.status, issuedAt: k.issuedAt, expiresAt: k.expiresAt ?? '', networks: (k.networkIds ?? []).join(' '), label: k.label }))));
      return 0;
    }
    const result = await identity.revoke(positional[0], reason.value!.trim(), cliContext(of, reason.value!.trim()));
    out(`key ${positional[0]} revoked; event at position ${result.position}\n`);
    return 0;
  } catch (error) {
    if (error instanceof DomainError) {
      out(`${error.message}\n`);
      return 3;
    }
    throw error;
  } finally {
    await runner.stop();
    await readStore.close();
    await eventStore.close();
  }
};

export async function runCli(argv: string[], env: Record<string, string | undefined>, out: (text: string) => void): Promise<number> {
  const [group, command, name] = argv;
  if (group === 'import') return runImport(argv.slice(1), env, out);
  if (group === 'events' && command === 'import') return runEventsImport(argv.slice(2), env, out);
  if (group === 'keys' || group === 'departments') return runIdentity(group, argv.slice(1), env, out);
  if (group !== 'projections' || !['status', 'rebuild'].includes(command ?? '')) {
    out(USAGE);
    return group === undefined || group === 'help' || group === '--help' ? 0 : 2;
  }
  const config = configOrNull(env, out);
  if (!config) return 2;
  const eventStore = await openEventStore(config, allEventContracts);
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
      if (allReactors.length > 0) {
        const reactors = await Promise.all(
          allReactors.map(async (r) => {
            const position = (await readStore.checkpoint(r.name))?.position ?? 0;
            return { reactor: r.name, position, head, lag: head - position };
          }),
        );
        out('\n' + table(reactors));
      }
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
