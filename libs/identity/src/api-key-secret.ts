import { createHash, createHmac, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deterministicId } from '@app/kernel';

/** A new secret to hand to a client once. Only a hash of it is stored. */
export const newApiKeySecret = (): string => `okrug_${randomBytes(24).toString('base64url')}`;

/** How keys issued before the keyed hash were recorded (plain SHA-256); still recognised. */
export const legacyApiKeyHash = (secret: string): string => createHash('sha256').update(secret, 'utf8').digest('hex');

/** The key's public id follows from its hash, so issuing the same secret twice is one key. */
export const apiKeyIdOf = (keyHash: string): string => deterministicId('api-key', keyHash);

/**
 * Hashes secrets with a server-side pepper (HMAC-SHA-256), so that the hashes in the event log
 * (which is kept forever and read by auditors) cannot be tried against guessed keys without
 * the pepper: a chosen OKRUG_ADMIN_KEY may be short, a generated one never is. The guard still
 * finds a key by its hash, so no slow per-key salt is needed.
 */
export class ApiKeyHasher {
  constructor(private readonly pepper: string) {
    if (pepper.length < 32) throw new Error('the API key pepper must be at least 32 characters');
  }

  hash(secret: string): string {
    return createHmac('sha256', this.pepper).update(secret, 'utf8').digest('hex');
  }

  /** Every hash a secret may have been recorded under: the keyed one first, then the legacy one. */
  candidates(secret: string): string[] {
    return [this.hash(secret), legacyApiKeyHash(secret)];
  }
}

export const PEPPER_FILE = 'api-key-pepper';

/**
 * The pepper: OKRUG_KEY_PEPPER when set (every API process of the distributed profile needs the
 * same one), else a random one kept in the data directory, readable by its owner only.
 */
export const loadPepper = (options: { pepper?: string; dataDir: string; distributed: boolean }): string => {
  if (options.pepper) return options.pepper;
  if (options.distributed) {
    throw new Error('OKRUG_KEY_PEPPER must be set (the same value, at least 32 characters) on every process when events are in EventStoreDB');
  }
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const file = join(options.dataDir, PEPPER_FILE);
  try {
    writeFileSync(file, randomBytes(32).toString('base64url'), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  chmodSync(file, 0o600);
  return readFileSync(file, 'utf8').trim();
};
