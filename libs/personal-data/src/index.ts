export * from './personal-data-vault.port';
