export * from './read-store.port';
export * from './projection';
export * from './reactor';
export * from './embedded/sqlite-read-store';
export * from './mongodb/mongo-read-store';
export * from './event-feed';
export * from './projection-runner';
export { waitForCheckpoint } from './wait-for-checkpoint';
