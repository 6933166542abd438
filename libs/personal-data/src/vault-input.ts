import { FieldError, InvalidInput, NotFound, RuleViolated, isUuid } from '@app/kernel';
import { PersonRecord } from './personal-data-vault.port';

/** Checks shared by the adapters, so that every adapter refuses the same inputs. */

const MAX_NAME = 500;
const MAX_REASON = 1000;

const isText = (value: unknown): value is string => typeof value === 'string' && value.trim().length > 0;
const isInstant = (value: unknown): value is string => isText(value) && !Number.isNaN(Date.parse(value));

const refuse = (message: string, errors: FieldError[]): never => {
  throw new InvalidInput(message, errors);
};

/** The record to store: the name trimmed; throws InvalidInput field by field. */
export const checkedRecord = (person: PersonRecord): PersonRecord => {
  const errors: FieldError[] = [];
  const value = (person ?? {}) as Partial<PersonRecord>;
  if (!isUuid(value.personId)) errors.push({ field: 'personId', messages: ['personId must be a UUID'] });
  if (!isText(value.department)) errors.push({ field: 'department', messages: ['department is required'] });
  if (!isText(value.fullName)) errors.push({ field: 'fullName', messages: ['fullName is required'] });
  else if (value.fullName.trim().length > MAX_NAME) errors.push({ field: 'fullName', messages: [`fullName is longer than ${MAX_NAME}`] });
  if (!isInstant(value.recordedAt)) errors.push({ field: 'recordedAt', messages: ['recordedAt must be an ISO instant'] });
  if (!isText(value.recordedBy)) errors.push({ field: 'recordedBy', messages: ['recordedBy is required'] });
  if (errors.length) refuse('the person record is invalid', errors);
  return {
    personId: value.personId!,
    department: value.department!,
    fullName: value.fullName!.trim(),
    recordedAt: value.recordedAt!,
    recordedBy: value.recordedBy!,
  };
};

export interface Erasure {
  department: string;
  personId: string;
  actorId: string;
  reason: string;
  at: string;
}

/** The erasure to perform; throws InvalidInput field by field. */
export const checkedErasure = (
  department: string,
  personId: string,
  by: { actorId: string; reason: string; at: string },
): Erasure => {
  const errors: FieldError[] = [];
  const value = (by ?? {}) as Partial<typeof by>;
  if (!isText(department)) errors.push({ field: 'department', messages: ['department is required'] });
  if (!isUuid(personId)) errors.push({ field: 'personId', messages: ['personId must be a UUID'] });
  if (!isText(value.actorId)) errors.push({ field: 'actorId', messages: ['actorId is required'] });
  if (!isText(value.reason)) errors.push({ field: 'reason', messages: ['reason is required'] });
  else if (value.reason.trim().length > MAX_REASON) errors.push({ field: 'reason', messages: [`reason is longer than ${MAX_REASON}`] });
  if (!isInstant(value.at)) errors.push({ field: 'at', messages: ['at must be an ISO instant'] });
  if (errors.length) refuse('the erasure is invalid', errors);
  return { department, personId, actorId: value.actorId!, reason: value.reason!.trim(), at: value.at! };
};

/** The distinct ids of a lookup; throws InvalidInput unless they are all strings. */
export const checkedLookup = (department: string, personIds: string[]): string[] => {
  if (!isText(department)) refuse('the lookup is invalid', [{ field: 'department', messages: ['department is required'] }]);
  if (!Array.isArray(personIds) || personIds.some((id) => typeof id !== 'string')) {
    refuse('the lookup is invalid', [{ field: 'personIds', messages: ['personIds must be an array of strings'] }]);
  }
  return [...new Set(personIds)];
};

export const personErased = (personId: string): RuleViolated =>
  new RuleViolated('person-erased', `person ${personId} was erased and stays erased; a new appointment needs a new person id`);

export const personOfAnotherDepartment = (personId: string): RuleViolated =>
  new RuleViolated('person-of-another-department', `person ${personId} is recorded in another department`);

export const personNotFound = (personId: string): NotFound => new NotFound('person', personId);
