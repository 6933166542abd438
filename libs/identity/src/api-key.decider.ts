import { Decider, RuleViolated, assertNever, streamName } from '@app/kernel';

/**
 * Roles a key may carry, from the most to the least it may do (the table is in docs/roles.md):
 * admins run the department (keys, settings), operators keep its records, network heads read
 * the department and later write their own networks' plans and events, auditors only read.
 */
export const ROLES = ['admin', 'operator', 'network-head', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

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
export type ApiKeyEvent = ApiKeyIssued | ApiKeyRevoked;
export const API_KEY_EVENT_TYPES: readonly ApiKeyEvent['type'][] = ['ApiKeyIssued', 'ApiKeyRevoked'];

export type IssueApiKey = { type: 'IssueApiKey'; data: ApiKeyIssued['data'] };
export type RevokeApiKey = { type: 'RevokeApiKey'; data: { keyId: string; reason: string } };
export type ApiKeyCommand = IssueApiKey | RevokeApiKey;

export type ApiKeyState = { status: 'none' } | ({ status: 'active' | 'revoked' } & ApiKeyIssued['data']);

export const apiKeyStream = (keyId: string): string => streamName('ApiKey', keyId);

export const apiKeyDecider: Decider<ApiKeyState, ApiKeyCommand, ApiKeyEvent> = {
  initialState: () => ({ status: 'none' }),
  evolve: (state, event) => {
    switch (event.type) {
      case 'ApiKeyIssued':
        return { status: 'active', ...event.data };
      case 'ApiKeyRevoked':
        return state.status === 'none' ? state : { ...state, status: 'revoked' };
      default:
        return assertNever(event);
    }
  },
  decide: (command, state) => {
    switch (command.type) {
      case 'IssueApiKey': {
        if (state.status !== 'none') throw new RuleViolated('api-key-exists', 'this key was issued already');
        const { role, networkIds } = command.data;
        if (role === 'network-head' && !networkIds?.length) {
          throw new RuleViolated('networks-required', 'a network head’s key must name the networks it is for (networkIds)');
        }
        if (role !== 'network-head' && networkIds !== undefined) {
          throw new RuleViolated('networks-only-for-network-heads', `a key with role ${role} covers the whole department; networkIds are for network heads`);
        }
        return [{ type: 'ApiKeyIssued', data: command.data }];
      }
      case 'RevokeApiKey':
        if (state.status !== 'active') throw new RuleViolated('api-key-not-active', 'only an active key can be revoked');
        if (!command.data.reason.trim()) throw new RuleViolated('reason-required', 'revoking a key needs a reason');
        return [{ type: 'ApiKeyRevoked', data: { keyId: state.keyId, keyHash: state.keyHash, reason: command.data.reason.trim() } }];
      default:
        return assertNever(command);
    }
  },
};
