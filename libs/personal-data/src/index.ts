export * from './personal-data-vault.port';
export * from './person.decider';
export * from './embedded/sqlite-personal-data-vault';
export * from './mongodb/mongo-personal-data-vault';
export * from './open-personal-data-vault';
