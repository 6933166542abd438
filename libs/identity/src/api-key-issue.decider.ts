import { Decider, IdempotencyKeyReused, assertNever } from '@app/kernel';
import { ApiKeyIssueClaimed, ApiKeyIssueEvent } from './api-key-issue.events';

export * from './api-key-issue.events';

/** Binds the request's Idempotency-Key to the key it issues (with the key's issue, in one append). */
export type ClaimApiKeyIssue = { type: 'ClaimApiKeyIssue'; data: ApiKeyIssueClaimed['data'] };
export type ApiKeyIssueCommand = ClaimApiKeyIssue;

/** The key a request with this Idempotency-Key issued, once it did. */
export interface ApiKeyIssueState {
  keyId?: string;
}

/**
 * Why a repeat issues nothing, and what to do: the first answer held the secret, which is shown
 * once and cannot be worked out again.
 */
export const issuedBefore = (keyId: string): IdempotencyKeyReused =>
  new IdempotencyKeyReused(
    `this Idempotency-Key issued API key ${keyId} already; its secret was shown once, in that answer, and cannot be shown again. ` +
      `If it was lost, revoke that key (POST /api-keys/${keyId}/revoke) and issue a new one with another Idempotency-Key`,
    { keyId },
  );

const claim = ({ data }: ClaimApiKeyIssue, state: ApiKeyIssueState): ApiKeyIssueEvent[] => {
  if (state.keyId === data.keyId) return [];
  if (state.keyId !== undefined) throw issuedBefore(state.keyId);
  return [{ type: 'ApiKeyIssueClaimed', data: { department: data.department, keyId: data.keyId } }];
};

export const apiKeyIssueDecider: Decider<ApiKeyIssueState, ApiKeyIssueCommand, ApiKeyIssueEvent> = {
  initialState: () => ({}),
  evolve: (state, event) => {
    switch (event.type) {
      case 'ApiKeyIssueClaimed':
        return state.keyId === undefined ? { keyId: event.data.keyId } : state;
      default:
        return assertNever(event.type);
    }
  },
  decide: (command, state) => {
    switch (command.type) {
      case 'ClaimApiKeyIssue':
        return claim(command, state);
      default:
        return assertNever(command.type);
    }
  },
};
