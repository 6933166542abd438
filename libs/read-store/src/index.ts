export * from './read-store.port';
export * from './projection';
export * from './project-batch';
export * from './embedded/sqlite-read-store';
export * from './mongodb/mongo-read-store';
export * from './projection-runner';
export { waitForCheckpoint } from './wait-for-checkpoint';
export * from './read-page';
export * from './read-models';
