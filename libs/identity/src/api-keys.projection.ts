import { assertNever } from '@app/kernel';
import { defineProjection } from '@app/read-store';
import type { Role } from '@app/platform/access';
import { ApiKeyEvent, apiKeyEvents } from './api-key.events';

/**
 * The keys of each department, for listing (`GET /api-keys`). Keyed by the hash of the secret,
 * never the secret. The guard does not read it: it reads the key's own stream, which never lags.
 */
export interface ApiKeyView {
  id: string;
  keyId: string;
  actorId: string;
  role: Role;
  department: string;
  label: string;
  active: boolean;
  issuedAt: string;
  /** Revision of the key's stream last applied (replays change nothing). */
  revision: number;
  [field: string]: unknown;
}

export const API_KEYS = 'api-keys';

export const apiKeysProjection = defineProjection<ApiKeyView, ApiKeyEvent>({
  name: 'api-keys',
  collection: API_KEYS,
  events: apiKeyEvents,
  documentId: (event) => event.data.keyHash,
  evolve: (doc, event) => {
    // Already applied (a replay): a key's document follows one stream, in revision order.
    if (doc && doc.revision >= event.revision) return doc;
    switch (event.type) {
      case 'ApiKeyIssued': {
        const { keyHash, ...rest } = event.data;
        return { id: keyHash, ...rest, active: true, issuedAt: event.metadata.recordedAt, revision: event.revision };
      }
      case 'ApiKeyRevoked':
        return doc ? { ...doc, active: false, revokedAt: event.metadata.recordedAt, revokedReason: event.data.reason, revision: event.revision } : null;
      default:
        return assertNever(event);
    }
  },
});
