import { RuleViolated } from '@app/kernel';
import { DeciderSpecification } from '@app/testing/decider-specification';
import { departmentDecider } from './department.decider';

const spec = DeciderSpecification.for(departmentDecider);
const created = { type: 'DepartmentCreated' as const, data: { department: 'kramatorsk', firstAdminKeyId: 'k-1' } };

describe('department decider', () => {
  it('creates a department with its first admin key', () => {
    spec.given([]).when({ type: 'CreateDepartment', data: { ...created.data, hasKeys: false } }).then([created]);
  });
  it('refuses one that exists: created before, or holding keys already (the bootstrap department)', () => {
    spec.given([created]).when({ type: 'CreateDepartment', data: { ...created.data, hasKeys: false } }).thenThrows(RuleViolated, /exists already/);
    spec.given([]).when({ type: 'CreateDepartment', data: { ...created.data, hasKeys: true } }).thenThrows(RuleViolated, /exists already/);
  });
  it('refuses a name that is not lower-case letters, digits and dashes', () => {
    for (const department of ['Kramatorsk', '', '-x', 'a b', 'x'.repeat(64)]) {
      spec.given([]).when({ type: 'CreateDepartment', data: { department, firstAdminKeyId: 'k', hasKeys: false } }).thenThrows(RuleViolated, /lower-case/);
    }
  });
});
