import { RuleViolated } from '@app/kernel';
import { DeciderSpecification } from '@app/testing/decider-specification';
import { ApiKeyIssued, apiKeyDecider } from './api-key.decider';

const spec = DeciderSpecification.for(apiKeyDecider);
const issued: ApiKeyIssued = {
  type: 'ApiKeyIssued',
  data: { keyId: 'k-1', keyHash: 'h-1', actorId: 'operator.ivanova', role: 'operator', department: 'bakhmut', label: 'operator' },
};
const head = { ...issued.data, role: 'network-head' as const, networkIds: ['n-1'] };

describe('API key decider', () => {
  it('issues a key once', () => {
    spec.given([]).when({ type: 'IssueApiKey', data: issued.data }).then([issued]);
    spec.given([issued]).when({ type: 'IssueApiKey', data: issued.data }).thenThrows(RuleViolated, /issued already/);
  });
  it('issues a network head’s key only with the networks it is for, and networks only to network heads', () => {
    spec.given([]).when({ type: 'IssueApiKey', data: head }).then([{ type: 'ApiKeyIssued', data: head }]);
    spec.given([]).when({ type: 'IssueApiKey', data: { ...head, networkIds: [] } }).thenThrows(RuleViolated, /must name the networks/);
    spec.given([]).when({ type: 'IssueApiKey', data: { ...head, networkIds: undefined } }).thenThrows(RuleViolated, /must name the networks/);
    spec.given([]).when({ type: 'IssueApiKey', data: { ...issued.data, networkIds: ['n-1'] } }).thenThrows(RuleViolated, /networkIds are for network heads/);
  });
  it('revokes an active key with a reason, once', () => {
    const revoked = { type: 'ApiKeyRevoked' as const, data: { keyId: 'k-1', keyHash: 'h-1', reason: 'left the department' } };
    spec.given([issued]).when({ type: 'RevokeApiKey', data: { keyId: 'k-1', reason: '  left the department ' } }).then([revoked]);
    spec.given([issued]).when({ type: 'RevokeApiKey', data: { keyId: 'k-1', reason: ' ' } }).thenThrows(RuleViolated, /needs a reason/);
    spec.given([issued, revoked]).when({ type: 'RevokeApiKey', data: { keyId: 'k-1', reason: 'again' } }).thenThrows(RuleViolated, /only an active key/);
    spec.given([]).when({ type: 'RevokeApiKey', data: { keyId: 'k-1', reason: 'x' } }).thenThrows(RuleViolated, /only an active key/);
  });
});
