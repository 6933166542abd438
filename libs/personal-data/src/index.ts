export * from './personal-data-vault.port';
export * from './person.decider';
export * from './embedded/sqlite-personal-data-vault';
export * from './mongodb/mongo-personal-data-vault';
export * from './open-personal-data-vault';
/** The events recorded about a person (the erasure), their union and their table. */
export * from './person.events';
