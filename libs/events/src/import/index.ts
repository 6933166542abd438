/**
 * Importing a department's list of events from a file outside the HTTP API: the CLI's
 * `events import`, beside `POST /events/imports`, which the module serves itself. For the
 * composition roots only. The import resolves names and gathers its facts through the networks
 * module's queries on the QueryBus, so the CLI runs it in the application's Nest context.
 */
export { EventsImportService } from './event-import.service';
export { readEventsImport } from './event-import-file';
export type { EventsImportInput } from './event-import-file';
export type { EventImportSummary } from './event-import-plan';
