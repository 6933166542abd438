import { createHash, randomBytes } from 'node:crypto';
import { deterministicId } from '@app/kernel';

/** A new secret to hand to a client once. Only its hash is stored. */
export const newApiKeySecret = (): string => `okrug_${randomBytes(24).toString('base64url')}`;

export const hashApiKey = (secret: string): string => createHash('sha256').update(secret, 'utf8').digest('hex');

/** The key's public id follows from its hash, so issuing the same secret twice is one key. */
export const apiKeyIdOf = (keyHash: string): string => deterministicId('api-key', keyHash);
