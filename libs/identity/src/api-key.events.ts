import { EventContracts, eventTypes, streamName } from '@app/kernel';
import type { Role } from '@app/platform/access';

/** Stream of one API key, by its id, where its events are. */
export const apiKeyStream = (keyId: string): string => streamName('ApiKey', keyId);
/** Stream of the installation's very first admin key: its existence says that key was made. */
export const BOOTSTRAP_STREAM = streamName('BootstrapKey', 'admin');

export type ApiKeyIssued = {
  type: 'ApiKeyIssued';
  data: {
    keyId: string;
    /** How the guard recognises the secret: a keyed hash (HMAC with the server's pepper); SHA-256 for keys issued before it. */
    keyHash: string;
    actorId: string;
    role: Role;
    department: string;
    label: string;
    /** The networks a network head's key is for. */
    networkIds?: string[];
    /** After this instant the key is refused. */
    expiresAt?: string;
  };
};
export type ApiKeyRevoked = { type: 'ApiKeyRevoked'; data: { keyId: string; keyHash: string; reason: string } };

/** Every event of an API key's stream (`api-key-<id>`, or the bootstrap admin's stream). */
export type ApiKeyEvent = ApiKeyIssued | ApiKeyRevoked;

/** What the platform knows of each API key event. The secret is never in an event; its hash is not described. */
export const apiKeyEvents: EventContracts<ApiKeyEvent> = {
  ApiKeyIssued: {
    effectiveOn: () => null,
    concerns: (d) => [{ kind: 'api-key', id: d.keyId }, ...(d.networkIds ?? []).map((id) => ({ kind: 'network' as const, id }))],
    describe: (d) => ({ uk: `Видано ключ API (${d.role})`, ru: `Выдан ключ API (${d.role})`, en: `API key issued (${d.role})` }),
  },
  ApiKeyRevoked: {
    effectiveOn: () => null,
    concerns: (d) => [{ kind: 'api-key', id: d.keyId }],
    describe: () => ({ uk: 'Ключ API відкликано', ru: 'Ключ API отозван', en: 'API key revoked' }),
  },
};

export const API_KEY_EVENT_TYPES = eventTypes(apiKeyEvents);
