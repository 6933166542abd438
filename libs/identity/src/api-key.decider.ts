import { Decider, RuleViolated, assertNever } from '@app/kernel';
import { ApiKeyEvent, ApiKeyIssued } from './api-key.events';

export * from './api-key.events';

export type IssueApiKey = { type: 'IssueApiKey'; data: ApiKeyIssued['data'] };
export type RevokeApiKey = { type: 'RevokeApiKey'; data: { keyId: string; reason: string } };
export type ApiKeyCommand = IssueApiKey | RevokeApiKey;

export type ApiKeyState = { status: 'none' } | ({ status: 'active' | 'revoked' } & ApiKeyIssued['data']);

export const apiKeyStream = (keyId: string): string => `api-key-${keyId}`;

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
