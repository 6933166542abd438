import { Decider, RuleViolated, assertNever } from '@app/kernel';
import { issuedBefore } from './api-key-issue.decider';
import { ApiKeyEvent, ApiKeyIssued } from './api-key.events';

export * from './api-key.events';

/**
 * Issues a key. Besides what the event records, it carries what the decision needs to know:
 * the instant it is issued at (an expiry must lie after it) and the networks it names that are
 * not networks of its department, as the handler looked them up; and, for a request with an
 * Idempotency-Key, the key that key issued already, as the issue's stream has it
 * (`keyIssuedBefore`).
 */
export type IssueApiKey = {
  type: 'IssueApiKey';
  data: ApiKeyIssued['data'] & { issuedAt: string; networksElsewhere?: string[]; keyIssuedBefore?: string };
};
/**
 * Revokes a key. `otherActiveAdminKeys`: how many active admin keys its department has besides
 * this one, as looked up, less those the department's stream withdrew (`adminKeysLeft`); absent
 * when the rule that keeps one does not apply (a key recorded again under another hash, the key
 * of a department that lost its creation race).
 */
export type RevokeApiKey = { type: 'RevokeApiKey'; data: { keyId: string; reason: string; otherActiveAdminKeys?: number } };
export type ApiKeyCommand = IssueApiKey | RevokeApiKey;

export type ApiKeyState = { status: 'none' } | ({ status: 'active' | 'revoked' } & ApiKeyIssued['data']);

const refuse = (rule: string, message: string): never => {
  throw new RuleViolated(rule, message);
};

const issue = ({ data }: IssueApiKey, state: ApiKeyState): ApiKeyEvent[] => {
  const { issuedAt, networksElsewhere, keyIssuedBefore, ...issued } = data;
  // A repeat is answered from the first request whatever its body says; that answer held the secret, so it issues nothing.
  if (keyIssuedBefore !== undefined) throw issuedBefore(keyIssuedBefore);
  if (networksElsewhere?.length) refuse('network-not-registered', `network ${networksElsewhere[0]} is not a network of your department`);
  if (issued.expiresAt !== undefined && !(Date.parse(issued.expiresAt) > Date.parse(issuedAt))) {
    refuse('expiry-in-the-past', `expiresAt ${issued.expiresAt} is not in the future`);
  }
  if (state.status !== 'none') refuse('api-key-exists', 'this key was issued already');
  const { role, networkIds } = issued;
  if (role === 'network-head' && !networkIds?.length) {
    refuse('networks-required', 'a network head’s key must name the networks it is for (networkIds)');
  }
  if (role !== 'network-head' && networkIds !== undefined) {
    refuse('networks-only-for-network-heads', `a key with role ${role} covers the whole department; networkIds are for network heads`);
  }
  return [{ type: 'ApiKeyIssued', data: issued }];
};

const revoke = ({ data }: RevokeApiKey, state: ApiKeyState): ApiKeyEvent[] => {
  if (state.status !== 'active') return refuse('api-key-not-active', 'only an active key can be revoked');
  // Nobody could enter the department again: keep at least one admin key.
  if (state.role === 'admin' && data.otherActiveAdminKeys === 0) {
    refuse('last-admin-key', 'this is the department’s last active admin key; issue another admin key first');
  }
  if (!data.reason.trim()) refuse('reason-required', 'revoking a key needs a reason');
  return [{ type: 'ApiKeyRevoked', data: { keyId: state.keyId, keyHash: state.keyHash, reason: data.reason.trim() } }];
};

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
      case 'IssueApiKey':
        return issue(command, state);
      case 'RevokeApiKey':
        return revoke(command, state);
      default:
        return assertNever(command);
    }
  },
};
