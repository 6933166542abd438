/**
 * The planning module: a network's plan for a period, from draft to closed (docs/planning.md).
 * Its public surface, for the other modules (reporting, audit) and the apps.
 *
 * The published event contracts: every event a plan's stream records (`PlanEvent`, with
 * `PlanDrafted` … `PlanCorrected` and their data: `PlanContent`, `PlanItem`, `PlanApproval`,
 * `PlanClosing`...), their table (`planningEvents`, and `planEvents` of the plan's stream), the
 * stream helpers (`planStream`, `planIdOf`: one plan per network and period is in the id) and the
 * vocabulary (statuses, task results, item resolutions, the default assessment scale), each with
 * its uk/ru/en labels; a department's assessment scale (`AssessmentScaleSet` on
 * `assessmentScaleStream`). The period a plan is for (`ReportingPeriod`) is the kernel's.
 *
 * The decider, the facts it takes and the plan's fold stay inside the module. Its Nest module
 * has the write and read endpoints (docs/planning.md, "Recording plans (API)", "Reading plans (API)").
 */
import type { Projection, Reactor } from '@app/read-store';
import { PlanningModule } from './planning.module';
import { planningEvents } from './planning.events';
import { planFulfilmentProjection } from './plan-fulfilment/plan-fulfilment.projection';
import { planHistoryProjection } from './plan-history/plan-history.projection';
import { planViewProjection } from './plan-view/plan-view.projection';

export * from './planning.events';

export { PlanningModule } from './planning.module';

/**
 * The module's query contracts: the queries other modules (reporting) may send over the
 * QueryBus, each a `Query<Answer>`, their answers, and the read models' documents.
 */
export { GetNetworkPlanQuery, GetPlanQuery, ListPlansQuery } from './plan-view/plan-queries';
export type { PlanAnswer, PlanPage, PlanRevisionSummary, PlanSummary } from './plan-view/plan-queries';
export { GetPlanFulfilmentQuery } from './plan-fulfilment/plan-fulfilment.query';
export type { PlanFulfilment } from './plan-fulfilment/plan-fulfilment.query';
export { GetPlanHistoryQuery } from './plan-history/get-plan-history.query';
export type { PlanHistory } from './plan-history/get-plan-history.query';
export { GetPlanOverviewQuery } from './plan-overview/plan-overview.query';
export type { NetworkPlanRow, PlanOverview } from './plan-overview/plan-overview.query';
export { GetAssessmentScaleQuery } from './assessment-scale/get-assessment-scale.query';
export type { AssessmentScaleAnswer } from './assessment-scale/get-assessment-scale.query';
export type { PlanView, PlanRevisionView } from './plan-view/plan-view.projection';
export type { PlanHistoryEntry } from './plan-history/plan-history.projection';
export type { FulfilmentDoc, FulfilmentEventDoc, FulfilmentPlanDoc } from './plan-fulfilment/plan-fulfilment.projection';

const projections: readonly Projection[] = [planViewProjection, planHistoryProjection, planFulfilmentProjection];
const reactors: readonly Reactor[] = [];

/** The module as the registry composes it (`libs/modules`): its Nest module, its processors and its event contracts. */
export const planning = {
  name: 'planning',
  nestModule: PlanningModule,
  projections,
  reactors,
  eventContracts: [planningEvents],
};
