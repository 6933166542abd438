import { IdempotencyKeyReused } from '@app/kernel';
import { DeciderSpecification } from '@app/testing/decider-specification';
import { ApiKeyIssueClaimed, ClaimApiKeyIssue, apiKeyIssueDecider, apiKeyIssueStream } from './api-key-issue.decider';

const spec = DeciderSpecification.for(apiKeyIssueDecider);
const claim = (keyId: string): ClaimApiKeyIssue => ({ type: 'ClaimApiKeyIssue', data: { department: 'bakhmut', keyId } });
const claimed = (keyId: string): ApiKeyIssueClaimed => ({ type: 'ApiKeyIssueClaimed', data: { department: 'bakhmut', keyId } });

describe('API key issue decider', () => {
  it('binds an Idempotency-Key not used yet to the key its request issues', () => {
    spec.given([]).when(claim('k-1')).then([claimed('k-1')]);
  });
  it('refuses another key for it, naming the first, with what to do', () => {
    spec
      .given([claimed('k-1')])
      .when(claim('k-2'))
      .thenThrows(IdempotencyKeyReused, (e) => {
        expect(e).toMatchObject({ code: 'idempotency-key-reused', first: { keyId: 'k-1' } });
        expect(e.message).toMatch(/shown once.*revoke that key \(POST \/api-keys\/k-1\/revoke\)/);
      });
  });
  it('adds nothing for the key it is bound to already', () => {
    spec.given([claimed('k-1')]).when(claim('k-1')).then([]);
  });
  it('names one stream per department and Idempotency-Key, from neither as given', () => {
    const stream = apiKeyIssueStream('bakhmut', 'retry-1');
    expect(stream).toMatch(/^ApiKeyIssue-[0-9a-f-]{36}$/);
    expect(apiKeyIssueStream('bakhmut', 'retry-1')).toBe(stream);
    expect(apiKeyIssueStream('kramatorsk', 'retry-1')).not.toBe(stream);
    expect(apiKeyIssueStream('bakhmut', 'retry-2')).not.toBe(stream);
  });
});
