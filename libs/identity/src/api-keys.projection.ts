import { RecordedEvent } from '@app/kernel';
import { defineProjection } from '@app/read-store/projection';
import { API_KEY_EVENT_TYPES, ApiKeyEvent, Role } from './api-key.decider';

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
  [field: string]: unknown;
}

export const API_KEYS = 'api-keys';

export const apiKeysProjection = defineProjection<ApiKeyView>({
  name: 'api-keys',
  collection: API_KEYS,
  handles: API_KEY_EVENT_TYPES,
  documentId: (event) => (event.data as { keyHash?: string }).keyHash ?? null,
  evolve: (doc, recorded: RecordedEvent) => {
    const event = recorded as unknown as ApiKeyEvent;
    switch (event.type) {
      case 'ApiKeyIssued': {
        const { keyHash, ...rest } = event.data;
        return { id: keyHash, ...rest, active: true, issuedAt: recorded.metadata.recordedAt };
      }
      case 'ApiKeyRevoked':
        return doc ? { ...doc, active: false, revokedAt: recorded.metadata.recordedAt, revokedReason: event.data.reason } : null;
      default:
        return doc;
    }
  },
});
