import { Decider, RuleViolated, assertNever } from '@app/kernel';

/** Roles a key may carry. Finer roles (network heads) and department isolation come later. */
export const ROLES = ['admin', 'operator', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export type ApiKeyIssued = {
  type: 'ApiKeyIssued';
  data: { keyId: string; keyHash: string; actorId: string; role: Role; department: string; label: string };
};
export type ApiKeyRevoked = { type: 'ApiKeyRevoked'; data: { keyId: string; keyHash: string; reason: string } };
export type ApiKeyEvent = ApiKeyIssued | ApiKeyRevoked;
export const API_KEY_EVENT_TYPES: readonly ApiKeyEvent['type'][] = ['ApiKeyIssued', 'ApiKeyRevoked'];

export type IssueApiKey = { type: 'IssueApiKey'; data: ApiKeyIssued['data'] };
export type RevokeApiKey = { type: 'RevokeApiKey'; data: { keyId: string; reason: string } };
export type ApiKeyCommand = IssueApiKey | RevokeApiKey;

export type ApiKeyState = { status: 'none' } | { status: 'active' | 'revoked'; keyId: string; keyHash: string };

export const apiKeyStream = (keyId: string): string => `api-key-${keyId}`;

export const apiKeyDecider: Decider<ApiKeyState, ApiKeyCommand, ApiKeyEvent> = {
  initialState: () => ({ status: 'none' }),
  evolve: (state, event) => {
    switch (event.type) {
      case 'ApiKeyIssued':
        return { status: 'active', keyId: event.data.keyId, keyHash: event.data.keyHash };
      case 'ApiKeyRevoked':
        return state.status === 'none' ? state : { ...state, status: 'revoked' };
      default:
        return assertNever(event);
    }
  },
  decide: (command, state) => {
    switch (command.type) {
      case 'IssueApiKey':
        if (state.status !== 'none') throw new RuleViolated('api-key-exists', 'this key was issued already');
        return [{ type: 'ApiKeyIssued', data: command.data }];
      case 'RevokeApiKey':
        if (state.status !== 'active') throw new RuleViolated('api-key-not-active', 'only an active key can be revoked');
        if (!command.data.reason.trim()) throw new RuleViolated('reason-required', 'revoking a key needs a reason');
        return [{ type: 'ApiKeyRevoked', data: { keyId: state.keyId, keyHash: state.keyHash, reason: command.data.reason.trim() } }];
      default:
        return assertNever(command);
    }
  },
};
