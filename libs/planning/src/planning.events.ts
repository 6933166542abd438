import { EventContracts } from '@app/kernel';
import { AssessmentScaleEvent, assessmentScaleEvents } from './assessment-scale/assessment-scale.events';
import { PlanEvent, planEvents } from './plan/plan.events';

export * from './plan/plan.events';
export * from './assessment-scale/assessment-scale.events';

/** Every event the planning module records: a plan's, and a department's assessment scale's. */
export type PlanningEvent = PlanEvent | AssessmentScaleEvent;

/** The contracts of every event the planning module records: its part of the upcaster registry. */
export const planningEvents: EventContracts<PlanningEvent> = {
  ...planEvents,
  ...assessmentScaleEvents,
};
