import { Decider, RuleViolated, assertNever } from '@app/kernel';
import { AdminKeyWithdrawn, DepartmentCreated, DepartmentEvent } from './department.events';

export * from './department.events';

/**
 * Creates a department: the unit whose records, keys and settings are seen only by its own keys.
 * The one named by OKRUG_DEPARTMENT exists from the first start; others are created on purpose
 * (`npm run cli -- departments create <name>`), each with its first admin key.
 */
export type CreateDepartment = { type: 'CreateDepartment'; data: DepartmentCreated['data'] & { hasKeys: boolean } };
/** Records that an admin key of the department is being revoked (with the key's revocation, in one append). */
export type WithdrawAdminKey = { type: 'WithdrawAdminKey'; data: AdminKeyWithdrawn['data'] };
export type DepartmentCommand = CreateDepartment | WithdrawAdminKey;

export interface DepartmentState {
  created: boolean;
  /** The admin keys whose revocation the department recorded: they count no more, whatever their own streams say yet. */
  withdrawnAdminKeys: string[];
}

export const DEPARTMENT_NAME = /^[a-z0-9][a-z0-9-]{0,62}$/;

/**
 * The admin keys a revocation may count on: of the department's other active admin keys, as
 * looked up (the `api-keys` read model, once), those the department has not withdrawn. The
 * lookup may lag; the department's stream does not, and every revocation of an admin key
 * appends to it, so a concurrent revocation's key is never counted once it is recorded.
 */
export const adminKeysLeft = (state: DepartmentState, otherActiveAdminKeys: readonly string[]): string[] =>
  otherActiveAdminKeys.filter((keyId) => !state.withdrawnAdminKeys.includes(keyId));

const create = ({ data }: CreateDepartment, state: DepartmentState): DepartmentEvent[] => {
  const { department, firstAdminKeyId } = data;
  if (!DEPARTMENT_NAME.test(department)) {
    throw new RuleViolated('department-name-invalid', `'${department}' must be lower-case letters, digits and dashes (at most 63)`);
  }
  if (state.created || data.hasKeys) throw new RuleViolated('department-exists', `department ${department} exists already`);
  return [{ type: 'DepartmentCreated', data: { department, firstAdminKeyId } }];
};

// Withdrawn once: a revocation decided again after a crash part-way (the withdrawal recorded, the key's revocation not) adds nothing.
const withdraw = ({ data }: WithdrawAdminKey, state: DepartmentState): DepartmentEvent[] =>
  state.withdrawnAdminKeys.includes(data.keyId) ? [] : [{ type: 'AdminKeyWithdrawn', data: { department: data.department, keyId: data.keyId } }];

export const departmentDecider: Decider<DepartmentState, DepartmentCommand, DepartmentEvent> = {
  initialState: () => ({ created: false, withdrawnAdminKeys: [] }),
  evolve: (state, event) => {
    switch (event.type) {
      case 'DepartmentCreated':
        return { ...state, created: true };
      case 'AdminKeyWithdrawn':
        return { ...state, withdrawnAdminKeys: [...state.withdrawnAdminKeys, event.data.keyId] };
      default:
        return assertNever(event);
    }
  },
  decide: (command, state) => {
    switch (command.type) {
      case 'CreateDepartment':
        return create(command, state);
      case 'WithdrawAdminKey':
        return withdraw(command, state);
      default:
        return assertNever(command);
    }
  },
};
