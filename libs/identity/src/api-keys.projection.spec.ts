import { EventMetadata, RecordedEvent } from '@app/kernel';
import { ProjectionSpecification } from '@app/testing/projection-specification';
import { ApiKeyEvent } from './api-key.events';
import { apiKeysProjection } from './api-keys.projection';

const spec = ProjectionSpecification.for(apiKeysProjection);

const metadata = (recordedAt: string): EventMetadata => ({
  actor: { id: 'admin', role: 'admin' },
  department: 'bakhmut',
  correlationId: `c-${recordedAt}`,
  causationId: `c-${recordedAt}`,
  commandId: `c-${recordedAt}`,
  source: 'api',
  recordedAt,
  schemaVersion: 1,
});

/** Two keys, each in its stream; the operator's is revoked. */
const keys = (): Array<RecordedEvent<ApiKeyEvent>> => [
  {
    type: 'ApiKeyIssued',
    data: { keyId: 'k-admin', keyHash: 'h-admin', actorId: 'admin', role: 'admin', department: 'bakhmut', label: 'bootstrap admin' },
    id: 'e-1',
    streamId: 'api-key-bootstrap-admin',
    revision: 0,
    position: 1,
    metadata: metadata('2026-01-01T08:00:00.000Z'),
  },
  {
    type: 'ApiKeyIssued',
    data: { keyId: 'k-op', keyHash: 'h-op', actorId: 'registrar-north', role: 'operator', department: 'bakhmut', label: 'registrar', expiresAt: '2027-01-01T00:00:00.000Z' },
    id: 'e-2',
    streamId: 'api-key-k-op',
    revision: 0,
    position: 2,
    metadata: metadata('2026-01-02T08:00:00.000Z'),
  },
  {
    type: 'ApiKeyRevoked',
    data: { keyId: 'k-op', keyHash: 'h-op', reason: 'left the department' },
    id: 'e-3',
    streamId: 'api-key-k-op',
    revision: 1,
    position: 3,
    metadata: metadata('2026-02-01T08:00:00.000Z'),
  },
];

describe('api keys projection', () => {
  it('lists each key under its hash, active until revoked, never with its hash as a field', () => {
    spec.given(keys()).then((docs) => {
      expect(docs.get('h-admin')).toMatchObject({ keyId: 'k-admin', role: 'admin', active: true, issuedAt: '2026-01-01T08:00:00.000Z' });
      expect(docs.get('h-op')).toMatchObject({
        keyId: 'k-op',
        actorId: 'registrar-north',
        active: false,
        expiresAt: '2027-01-01T00:00:00.000Z',
        revokedAt: '2026-02-01T08:00:00.000Z',
        revokedReason: 'left the department',
      });
      expect(docs.get('h-op')).not.toHaveProperty('keyHash');
    });
  });

  it('ignores the revocation of a key it never saw issued', () => {
    spec.given(keys().slice(2)).then((docs) => expect(docs.all()).toEqual([]));
  });
});
