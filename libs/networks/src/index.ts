/**
 * The networks module's public surface, and nothing more: its event contracts, its Nest module,
 * its query contracts, and its entry in the registry (`libs/modules`). The CLI's import goes
 * through the public subpath `@app/networks/import`.
 */
import { personEvents } from '@app/personal-data';
import type { Projection, Reactor } from '@app/read-store';
import { institutionHistoryProjection } from './institution-history/institution-history.projection';
import { institutionListProjection } from './institution-list/institution-list.projection';
import { networkListProjection } from './network-list/network-list.projection';
import { networkMembershipsProjection } from './network-memberships/network-memberships.projection';
import { networkTimelineProjection } from './network-timeline/network-timeline.projection';
import { NetworksModule } from './networks.module';
import { networksEvents } from './networks.events';

/** The module's event contracts: every event it records, its union and its table, and the streams they are in. */
export * from './networks.events';

export { NetworksModule } from './networks.module';

/**
 * The module's query contracts: the queries other modules may send over the QueryBus, each a
 * `Query<Answer>` (the bus infers the answer), their answers, and the read models' documents
 * those are made of.
 */
export { GetInstitutionQuery, ListInstitutionsQuery } from './institution-list/list-institutions.query';
export type { Institution, InstitutionPage } from './institution-list/list-institutions.query';
export { GetInstitutionHistoryQuery } from './institution-history/get-institution-history.query';
export type { InstitutionHistory } from './institution-history/get-institution-history.query';
export { GetNetworkQuery, ListNetworksQuery } from './network-list/network-queries';
export type { Network, NetworkPage } from './network-list/network-queries';
export { GetChangesQuery } from './network-changes/get-changes.query';
export type { NetworkChanges } from './network-changes/get-changes.query';
export { GetCompositionQuery } from './network-composition/get-composition.query';
export type { CompositionAnswer } from './network-composition/get-composition.query';
export { GetInstitutionMembershipsQuery } from './network-memberships/get-institution-memberships.query';
export type { InstitutionMembership, InstitutionMemberships } from './network-memberships/get-institution-memberships.query';
export { GetTimelineQuery } from './network-timeline/get-timeline.query';
export { GetAcademicYearStartQuery } from './department-calendar/get-academic-year-start.query';
export type { NetworkTimeline } from './network-timeline/get-timeline.query';
export type { InstitutionFields, InstitutionView } from './institution-list/institution-list.projection';
export type { HistoryEntry, FieldChange } from './institution-history/institution-history.projection';
export type { NetworkFields, NetworkView } from './network-list/network-list.projection';
export type { TimelineEntry } from './network-timeline/network-timeline.projection';
export type { NetworkMembershipView } from './network-memberships/network-memberships.projection';

const projections: readonly Projection[] = [
  institutionListProjection,
  institutionHistoryProjection,
  networkListProjection,
  networkTimelineProjection,
  networkMembershipsProjection,
];
const reactors: readonly Reactor[] = [];

/** The module as the registry composes it (`libs/modules`): its Nest module and the processors it needs on the feed. */
export const networks = {
  name: 'networks',
  nestModule: NetworksModule,
  projections,
  reactors,
  // Networks records erasures too (its erase-person slice), decided by personal-data's person decider.
  eventContracts: [networksEvents, personEvents],
};
