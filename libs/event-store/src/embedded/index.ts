/** The embedded (SQLite) event store, and what the other embedded stores share with it: the private database file and its WAL checkpointer. */
export * from './sqlite-event-store';
export * from './private-database-file';
export * from './wal-checkpointer';
