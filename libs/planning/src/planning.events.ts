import { EventContracts } from '@app/kernel';
import { PlanEvent, planEvents } from './plan/plan.events';

export * from './plan/plan.events';

/** Every event the planning module records. */
export type PlanningEvent = PlanEvent;

/** The contracts of every event the planning module records: its part of the upcaster registry. */
export const planningEvents: EventContracts<PlanningEvent> = {
  ...planEvents,
};
