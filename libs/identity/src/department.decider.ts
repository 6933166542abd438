import { Decider, RuleViolated, streamName } from '@app/kernel';
import { DepartmentCreated } from './department.events';

export * from './department.events';

/**
 * Creates a department: the unit whose records, keys and settings are seen only by its own keys.
 * The one named by OKRUG_DEPARTMENT exists from the first start; others are created on purpose
 * (`npm run cli -- departments create <name>`), each with its first admin key.
 */
export type CreateDepartment = { type: 'CreateDepartment'; data: DepartmentCreated['data'] & { hasKeys: boolean } };
export type DepartmentState = { created: boolean };

export const DEPARTMENT_NAME = /^[a-z0-9][a-z0-9-]{0,62}$/;
export const departmentStream = (department: string): string => streamName('Department', department);

export const departmentDecider: Decider<DepartmentState, CreateDepartment, DepartmentCreated> = {
  initialState: () => ({ created: false }),
  evolve: () => ({ created: true }),
  decide: (command, state) => {
    const { department, firstAdminKeyId } = command.data;
    if (!DEPARTMENT_NAME.test(department)) {
      throw new RuleViolated('department-name-invalid', `'${department}' must be lower-case letters, digits and dashes (at most 63)`);
    }
    if (state.created || command.data.hasKeys) throw new RuleViolated('department-exists', `department ${department} exists already`);
    return [{ type: 'DepartmentCreated', data: { department, firstAdminKeyId } }];
  },
};
