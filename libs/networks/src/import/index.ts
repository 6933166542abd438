/**
 * Importing a department's lists from a file outside the HTTP API: the CLI's `import`, beside
 * `POST /imports`, which the module serves itself. For the composition roots only; the CLI runs
 * the importer on the stores it opens, without the HTTP application and its command bus.
 */
export { Importer } from './import.service';
export { readImport } from './import-file';
export type { ImportInput } from './import-file';
export type { ImportSummary } from './import-plan';
