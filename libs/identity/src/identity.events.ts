import { EventContracts } from '@app/kernel';
import { ApiKeyIssueEvent, apiKeyIssueEvents } from './api-key-issue.events';
import { ApiKeyEvent, apiKeyEvents } from './api-key.events';
import { DepartmentEvent, departmentEvents } from './department.events';

export * from './api-key.events';
export * from './api-key-issue.events';
export * from './department.events';

/** Every event the identity module records. */
export type IdentityEvent = ApiKeyEvent | ApiKeyIssueEvent | DepartmentEvent;

/** The contracts of every event the identity module records: its part of the upcaster registry. */
export const identityEvents: EventContracts<IdentityEvent> = { ...apiKeyEvents, ...apiKeyIssueEvents, ...departmentEvents };
