import { SqlitePersonalDataVault } from './embedded/sqlite-personal-data-vault';
import { MongoPersonalDataVault } from './mongodb/mongo-personal-data-vault';
import { PersonalDataVault } from './personal-data-vault.port';

export interface PersonalDataVaultOptions {
  /** The embedded profile's database file (the event store's). */
  sqliteFile?: string;
  /** The distributed profile's MongoDB; when given it is used, whatever `sqliteFile` says. */
  mongodbUrl?: string;
  /** The MongoDB database; else the one the url names. */
  mongodbDbName?: string;
}

/** Opens the vault of the profile in use: MongoDB when a url is given, else the SQLite file. */
export const openPersonalDataVault = async (options: PersonalDataVaultOptions): Promise<PersonalDataVault> => {
  if (options.mongodbUrl) return MongoPersonalDataVault.connect(options.mongodbUrl, options.mongodbDbName);
  if (options.sqliteFile) return SqlitePersonalDataVault.open({ file: options.sqliteFile });
  throw new Error('the personal-data vault needs a MongoDB url or a SQLite file');
};
