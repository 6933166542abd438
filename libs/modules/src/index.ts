/**
 * The registry of okrug's modules and their processors (projections, reactors), which both
 * apps and the CLI compose from. A library of its own so that neither app imports the other.
 */
export { okrugModules, allProjections, allReactors, allEventContracts, allJobsModules } from './modules';
export type { OkrugModule } from './modules';
