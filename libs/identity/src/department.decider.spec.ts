import { RuleViolated, fold } from '@app/kernel';
import { DeciderSpecification } from '@app/testing/decider-specification';
import { ApiKeyIssued, RevokeApiKey, apiKeyDecider } from './api-key.decider';
import { AdminKeyWithdrawn, DepartmentEvent, WithdrawAdminKey, adminKeysLeft, departmentDecider } from './department.decider';

const spec = DeciderSpecification.for(departmentDecider);
const created = { type: 'DepartmentCreated' as const, data: { department: 'kramatorsk', firstAdminKeyId: 'k-1' } };
const withdraw = (keyId: string): WithdrawAdminKey => ({ type: 'WithdrawAdminKey', data: { department: 'kramatorsk', keyId } });
const withdrawn = (keyId: string): AdminKeyWithdrawn => ({ type: 'AdminKeyWithdrawn', data: { department: 'kramatorsk', keyId } });

describe('department decider', () => {
  describe('a department not created', () => {
    it('creates it with its first admin key', () => {
      spec.given([]).when({ type: 'CreateDepartment', data: { ...created.data, hasKeys: false } }).then([created]);
    });
    it('refuses one holding keys already (the bootstrap department)', () => {
      spec.given([]).when({ type: 'CreateDepartment', data: { ...created.data, hasKeys: true } }).thenThrows(RuleViolated, /exists already/);
    });
    it('refuses a name that is not lower-case letters, digits and dashes', () => {
      for (const department of ['Kramatorsk', '', '-x', 'a b', 'x'.repeat(64)]) {
        spec.given([]).when({ type: 'CreateDepartment', data: { department, firstAdminKeyId: 'k', hasKeys: false } }).thenThrows(RuleViolated, /lower-case/);
      }
    });
    it('withdraws an admin key all the same (the bootstrap department has no creation event)', () => {
      spec.given([]).when(withdraw('k-1')).then([withdrawn('k-1')]);
    });
  });

  describe('a created department', () => {
    it('refuses to be created again, also once it withdrew admin keys', () => {
      spec.given([created]).when({ type: 'CreateDepartment', data: { ...created.data, hasKeys: false } }).thenThrows(RuleViolated, /exists already/);
      spec.given([created, withdrawn('k-1')]).when({ type: 'CreateDepartment', data: { ...created.data, hasKeys: false } }).thenThrows(RuleViolated, /exists already/);
    });
    it('withdraws an admin key once: decided again after a crash part-way, it adds nothing', () => {
      spec.given([created]).when(withdraw('k-2')).then([withdrawn('k-2')]);
      spec.given([created, withdrawn('k-2')]).when(withdraw('k-2')).then([]);
      spec.given([created, withdrawn('k-2')]).when(withdraw('k-3')).then([withdrawn('k-3')]);
    });
    it('no longer counts a withdrawn admin key, whatever the lookup of active keys still says', () => {
      const state = fold(departmentDecider, [created, withdrawn('k-2')]);
      expect(adminKeysLeft(state, ['k-2', 'k-3'])).toEqual(['k-3']);
      expect(adminKeysLeft(state, ['k-2'])).toEqual([]);
      expect(adminKeysLeft(fold(departmentDecider, [created]), ['k-2'])).toEqual(['k-2']);
    });
  });

  describe('two revocations of the last two admin keys, decided on the same department stream', () => {
    const admin = (keyId: string): ApiKeyIssued => ({
      type: 'ApiKeyIssued',
      data: { keyId, keyHash: `h-${keyId}`, actorId: `admin.${keyId}`, role: 'admin', department: 'kramatorsk', label: 'admin' },
    });
    /** What the revocation service decides on one attempt: the key's revocation, counted on the department's state, and its withdrawal. */
    const revokeOn = (departmentEvents: DepartmentEvent[], keyId: string, lookedUp: string[]) => {
      const department = fold(departmentDecider, departmentEvents);
      const command: RevokeApiKey = { type: 'RevokeApiKey', data: { keyId, reason: 'left', otherActiveAdminKeys: adminKeysLeft(department, lookedUp).length } };
      return { key: apiKeyDecider.decide(command, fold(apiKeyDecider, [admin(keyId)])), department: departmentDecider.decide(withdraw(keyId), department) };
    };

    it('both pass on the revision both read; only one can append there', () => {
      // Each looked up the other key as active; each would append to the department at the revision of `created`.
      expect(revokeOn([created], 'k-1', ['k-2']).department).toEqual([withdrawn('k-1')]);
      expect(revokeOn([created], 'k-2', ['k-1']).department).toEqual([withdrawn('k-2')]);
    });
    it('decided again on what the other recorded, the second is refused as the last admin key, though its lookup is the same', () => {
      const first = revokeOn([created], 'k-1', ['k-2']);
      expect(() => revokeOn([created, ...first.department], 'k-2', ['k-1'])).toThrow(expect.objectContaining({ code: 'last-admin-key' }));
    });
  });
});
