import { EventContracts } from '@app/kernel';

/** A department was created with its first admin key (the stream `department-<name>`). */
export type DepartmentCreated = { type: 'DepartmentCreated'; data: { department: string; firstAdminKeyId: string } };
export type DepartmentEvent = DepartmentCreated;

/** What the platform knows of each department event. */
export const departmentEvents: EventContracts<DepartmentEvent> = {
  DepartmentCreated: {
    effectiveOn: () => null,
    concerns: (d) => [
      { kind: 'department', id: d.department },
      { kind: 'api-key', id: d.firstAdminKeyId },
    ],
    describe: (d) => ({ uk: `Створено управління освіти ${d.department}`, ru: `Создано управление образования ${d.department}`, en: `Department ${d.department} created` }),
  },
};
