import { IdempotencyKeyReused, RuleViolated } from '@app/kernel';
import { DeciderSpecification } from '@app/testing/decider-specification';
import { ApiKeyIssued, ApiKeyRevoked, IssueApiKey, apiKeyDecider } from './api-key.decider';

const spec = DeciderSpecification.for(apiKeyDecider);
const ISSUED_AT = '2026-09-01T08:00:00.000Z';
const issued: ApiKeyIssued = {
  type: 'ApiKeyIssued',
  data: { keyId: 'k-1', keyHash: 'h-1', actorId: 'operator.ivanova', role: 'operator', department: 'bakhmut', label: 'operator' },
};
const issue = (data: Partial<IssueApiKey['data']> = {}): IssueApiKey => ({ type: 'IssueApiKey', data: { ...issued.data, issuedAt: ISSUED_AT, ...data } });
const head = { ...issued.data, role: 'network-head' as const, networkIds: ['n-1'] };
const admin: ApiKeyIssued = { type: 'ApiKeyIssued', data: { ...issued.data, actorId: 'admin', role: 'admin', label: 'admin' } };
const revoked: ApiKeyRevoked = { type: 'ApiKeyRevoked', data: { keyId: 'k-1', keyHash: 'h-1', reason: 'left the department' } };

describe('API key decider', () => {
  describe('a key not issued', () => {
    it('issues it, recording neither the instant of the command nor what the lookups found', () => {
      spec.given([]).when(issue()).then([issued]);
      spec.given([]).when(issue({ networksElsewhere: [] })).then([issued]);
    });
    it('issues a key with an expiry in the future, and refuses one at or before the instant it is issued', () => {
      const expiresAt = '2027-08-31T23:59:59.000Z';
      spec.given([]).when(issue({ expiresAt })).then([{ type: 'ApiKeyIssued', data: { ...issued.data, expiresAt } }]);
      spec.given([]).when(issue({ expiresAt: ISSUED_AT })).thenThrows(RuleViolated, /is not in the future/);
      spec.given([]).when(issue({ expiresAt: '2020-01-01T00:00:00.000Z' })).thenThrows(RuleViolated, (e) => expect(e).toMatchObject({ code: 'expiry-in-the-past' }));
      spec.given([]).when(issue({ expiresAt: 'not a date' })).thenThrows(RuleViolated, /is not in the future/);
    });
    it('issues a network head’s key only with the networks it is for, and networks only to network heads', () => {
      spec.given([]).when(issue(head)).then([{ type: 'ApiKeyIssued', data: head }]);
      spec.given([]).when(issue({ ...head, networkIds: [] })).thenThrows(RuleViolated, /must name the networks/);
      spec.given([]).when(issue({ ...head, networkIds: undefined })).thenThrows(RuleViolated, /must name the networks/);
      spec.given([]).when(issue({ networkIds: ['n-1'] })).thenThrows(RuleViolated, /networkIds are for network heads/);
    });
    it('issues nothing for a request whose Idempotency-Key issued a key already, whatever its body says, before any other rule', () => {
      spec.given([]).when(issue({ keyIssuedBefore: 'k-0' })).thenThrows(IdempotencyKeyReused, (e) => expect(e).toMatchObject({ code: 'idempotency-key-reused', first: { keyId: 'k-0' } }));
      spec.given([]).when(issue({ ...head, networksElsewhere: ['n-9'], expiresAt: ISSUED_AT, keyIssuedBefore: 'k-0' })).thenThrows(IdempotencyKeyReused, /issued API key k-0 already/);
    });
    it('refuses a key naming a network that is not its department’s, before the key’s other rules', () => {
      spec.given([]).when(issue({ ...head, networksElsewhere: ['n-9'] })).thenThrows(RuleViolated, (e) => expect(e).toMatchObject({ code: 'network-not-registered', message: 'network n-9 is not a network of your department' }));
      spec.given([]).when(issue({ networkIds: ['n-9'], networksElsewhere: ['n-9'] })).thenThrows(RuleViolated, (e) => expect(e).toMatchObject({ code: 'network-not-registered' }));
    });
    it('revokes nothing', () => {
      spec.given([]).when({ type: 'RevokeApiKey', data: { keyId: 'k-1', reason: 'x' } }).thenThrows(RuleViolated, /only an active key/);
    });
  });

  describe('an active key', () => {
    it('is issued once', () => {
      spec.given([issued]).when(issue()).thenThrows(RuleViolated, /issued already/);
    });
    it('is revoked with a reason, trimmed', () => {
      spec.given([issued]).when({ type: 'RevokeApiKey', data: { keyId: 'k-1', reason: '  left the department ' } }).then([revoked]);
      spec.given([issued]).when({ type: 'RevokeApiKey', data: { keyId: 'k-1', reason: ' ' } }).thenThrows(RuleViolated, /needs a reason/);
    });
    it('is not revoked when it is its department’s last active admin key, unless the rule does not apply', () => {
      const revoke = (otherActiveAdminKeys?: number) => ({ type: 'RevokeApiKey' as const, data: { keyId: 'k-1', reason: 'handed over', ...(otherActiveAdminKeys !== undefined ? { otherActiveAdminKeys } : {}) } });
      const revokedAdmin = { type: 'ApiKeyRevoked' as const, data: { keyId: 'k-1', keyHash: 'h-1', reason: 'handed over' } };
      spec.given([admin]).when(revoke(0)).thenThrows(RuleViolated, (e) => expect(e).toMatchObject({ code: 'last-admin-key' }));
      spec.given([admin]).when(revoke(1)).then([revokedAdmin]);
      spec.given([admin]).when(revoke()).then([revokedAdmin]);
      // The rule keeps admins only: an operator's key goes whatever the count.
      spec.given([issued]).when(revoke(0)).then([{ ...revokedAdmin }]);
    });
  });

  describe('a revoked key', () => {
    it('stays revoked', () => {
      spec.given([issued, revoked]).when({ type: 'RevokeApiKey', data: { keyId: 'k-1', reason: 'again' } }).thenThrows(RuleViolated, /only an active key/);
      spec.given([issued, revoked]).when(issue()).thenThrows(RuleViolated, /issued already/);
    });
  });
});
