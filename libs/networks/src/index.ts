import { Projection } from '@app/read-store';
import { institutionHistoryProjection } from './institution-history/institution-history.projection';
import { institutionListProjection } from './institution-list/institution-list.projection';
import { networkListProjection } from './network-list/network-list.projection';
import { networkMembershipsProjection } from './network-memberships/network-memberships.projection';
import { networkTimelineProjection } from './network-timeline/network-timeline.projection';

export { NetworksModule } from './networks.module';
/** The module's published event contracts: every event it records, its union and its table. */
export * from './networks.events';
export * from './institution/institution.decider';
export * from './network-map/network-map.decider';
export type { InstitutionView } from './institution-list/institution-list.projection';
export type { HistoryEntry, FieldChange } from './institution-history/institution-history.projection';

/** Projections this module needs the runner to keep. */
export const networksProjections: readonly Projection[] = [
  institutionListProjection,
  institutionHistoryProjection,
  networkListProjection,
  networkTimelineProjection,
  networkMembershipsProjection,
];
