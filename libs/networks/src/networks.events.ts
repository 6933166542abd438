import { EventContracts } from '@app/kernel';
import { DepartmentCalendarEvent, departmentCalendarEvents } from './department-calendar/department-calendar.events';
import { ExternalCodeClaimEvent, externalCodeEvents } from './institution/external-code.events';
import { InstitutionEvent, institutionEvents } from './institution/institution.events';
import { NetworkMapEvent, networkMapEvents } from './network-map/network-map.events';

export * from './institution/institution.events';
export * from './institution/external-code.events';
export * from './network-map/network-map.events';
export * from './department-calendar/department-calendar.events';

/** Every event the networks module records. */
export type NetworksEvent = InstitutionEvent | ExternalCodeClaimEvent | NetworkMapEvent | DepartmentCalendarEvent;

/** The contracts of every event the networks module records: its part of the upcaster registry. */
export const networksEvents: EventContracts<NetworksEvent> = {
  ...institutionEvents,
  ...externalCodeEvents,
  ...networkMapEvents,
  ...departmentCalendarEvents,
};
