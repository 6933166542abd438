import { institutionHistoryProjection } from './institution-history/institution-history.projection';
import { institutionListProjection } from './institution-list/institution-list.projection';

export { NetworksModule } from './networks.module';
export * from './institution/institution.decider';
export type { InstitutionView } from './institution-list/institution-list.projection';
export type { HistoryEntry, FieldChange } from './institution-history/institution-history.projection';

/** Projections this module needs the runner to keep. */
export const networksProjections = [institutionListProjection, institutionHistoryProjection];
