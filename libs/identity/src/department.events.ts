import { EventContracts, streamName } from '@app/kernel';

/** Stream of a department, where its events are: its creation, the withdrawals of its admin keys. */
export const departmentStream = (department: string): string => streamName('Department', department);

/** A department was created with its first admin key (the stream `Department-<name>`). */
export type DepartmentCreated = { type: 'DepartmentCreated'; data: { department: string; firstAdminKeyId: string } };
/**
 * One of the department's admin keys no longer counts as one: it is being revoked. Recorded in
 * the department's stream together with (before) the key's `ApiKeyRevoked`, so that revocations
 * of two admin keys, whose own streams are apart, meet on this stream: of two concurrent ones,
 * one append fails and is decided again on the count this one left.
 */
export type AdminKeyWithdrawn = { type: 'AdminKeyWithdrawn'; data: { department: string; keyId: string } };
export type DepartmentEvent = DepartmentCreated | AdminKeyWithdrawn;

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
  AdminKeyWithdrawn: {
    effectiveOn: () => null,
    concerns: (d) => [
      { kind: 'department', id: d.department },
      { kind: 'api-key', id: d.keyId },
    ],
    describe: () => ({
      uk: 'Ключ адміністратора вилучено з ключів адміністраторів управління',
      ru: 'Ключ администратора исключён из ключей администраторов управления',
      en: 'Admin key withdrawn from the department’s admin keys',
    }),
  },
};
