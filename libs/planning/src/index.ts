/**
 * The planning module: a network's plan for a period, from draft to closed (docs/planning.md).
 * Its public surface, for the other modules (reporting, audit) and the apps.
 *
 * The published event contracts: every event a plan's stream records (`PlanEvent`, with
 * `PlanDrafted` … `PlanCorrected` and their data: `PlanContent`, `PlanItem`, `PlanApproval`,
 * `PlanClosing`...), their table (`planningEvents`, and `planEvents` of the plan's stream), the
 * stream helpers (`planStream`, `planIdOf`: one plan per network and period is in the id) and the
 * vocabulary (statuses, task results, item resolutions, the default assessment scale), each with
 * its uk/ru/en labels. The period a plan is for (`ReportingPeriod`) is the kernel's.
 *
 * The decider, the facts it takes and the plan's fold stay inside the module. Its Nest module
 * has the write endpoints (docs/planning.md, "Recording plans (API)").
 */
import type { Projection, Reactor } from '@app/read-store';
import { PlanningModule } from './planning.module';
import { planningEvents } from './planning.events';

export * from './planning.events';

export { PlanningModule } from './planning.module';

const projections: readonly Projection[] = [];
const reactors: readonly Reactor[] = [];

/** The module as the registry composes it (`libs/modules`): its Nest module, its processors and its event contracts. */
export const planning = {
  name: 'planning',
  nestModule: PlanningModule,
  projections,
  reactors,
  eventContracts: [planningEvents],
};
