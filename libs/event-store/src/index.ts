export * from './event-store.port';
export * from './errors';
export * from './decide-and-append';
export * from './embedded/sqlite-event-store';
export * from './eventstoredb/eventstoredb-event-store';
export * from './stream-state-cache';
export * from './legacy-stream-names';
