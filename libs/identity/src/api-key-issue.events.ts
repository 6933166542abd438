import { EventContracts, deterministicId, streamName } from '@app/kernel';

/**
 * Stream of one issue of a key under an Idempotency-Key: named from the department and the key,
 * so that every repeat of the request, whatever secret it would make, meets the same stream.
 */
export const apiKeyIssueStream = (department: string, idempotencyKey: string): string =>
  streamName('ApiKeyIssue', deterministicId(department, 'api-key-issue', idempotencyKey));

/**
 * The request with this stream's Idempotency-Key issued the key `keyId`. Recorded with (before)
 * the key's `ApiKeyIssued`, in the same append, on a stream expected not to exist yet: of two
 * requests with the same key, at once or one after the other, only one issues a key.
 */
export type ApiKeyIssueClaimed = { type: 'ApiKeyIssueClaimed'; data: { department: string; keyId: string } };
export type ApiKeyIssueEvent = ApiKeyIssueClaimed;

/** What the platform knows of each event of an issue's stream. The Idempotency-Key is in the metadata, as for every write. */
export const apiKeyIssueEvents: EventContracts<ApiKeyIssueEvent> = {
  ApiKeyIssueClaimed: {
    effectiveOn: () => null,
    concerns: (d) => [
      { kind: 'department', id: d.department },
      { kind: 'api-key', id: d.keyId },
    ],
    describe: () => ({
      uk: 'Ключ ідемпотентності запиту закріплено за виданим ключем API',
      ru: 'Ключ идемпотентности запроса закреплён за выданным ключом API',
      en: 'The request’s Idempotency-Key is bound to the API key it issued',
    }),
  },
};
