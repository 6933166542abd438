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

/**
 * The module's query contracts: the queries other modules may send over the QueryBus, and the
 * read models' documents their answers are made of.
 */
export { GetInstitutionQuery, ListInstitutionsQuery } from './institution-list/list-institutions.query';
export { GetInstitutionHistoryQuery } from './institution-history/get-institution-history.query';
export { GetNetworkQuery, ListNetworksQuery } from './network-list/network-queries';
export { GetChangesQuery } from './network-changes/get-changes.query';
export { GetCompositionQuery } from './network-composition/get-composition.query';
export { GetInstitutionMembershipsQuery } from './network-memberships/get-institution-memberships.query';
export { GetTimelineQuery } from './network-timeline/get-timeline.query';
export type { NetworkView } from './network-list/network-list.projection';
export type { TimelineEntry } from './network-timeline/network-timeline.projection';
export type { NetworkMembershipView } from './network-memberships/network-memberships.projection';

/** Projections this module needs the runner to keep. */
export const networksProjections: readonly Projection[] = [
  institutionListProjection,
  institutionHistoryProjection,
  networkListProjection,
  networkTimelineProjection,
  networkMembershipsProjection,
];

/** Importing a department's lists (the CLI's `import`, beside `POST /imports`). */
export { Importer } from './import/import.service';
export { readImport } from './import/import-file';
export type { ImportInput } from './import/import-file';
export type { ImportSummary } from './import/import-plan';
