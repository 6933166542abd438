import { DEFAULT_REPORTING_PERIOD_KIND, RecordedEvent, ReportingPeriodKind } from '@app/kernel';
import { defineProjection } from '@app/read-store';
import { AnchorSpan, HeadSpan, NetworkMapState, NetworkRecord, evolveNetworkMap } from '../network-map/network-map.decider';
import { NetworkKind, NetworkMapEvent, networkMapEvents, networksConcerned } from '../network-map/network-map.events';

/** A network's details and state, without its spans in time (anchors, heads: the composition's). */
export interface NetworkFields {
  id: string;
  department: string;
  kind: NetworkKind;
  /** How it plans and reports: `academic-year` (the default) or `calendar-year`. */
  reportingPeriod: ReportingPeriodKind;
  name: string;
  number: string | null;
  description: string | null;
  website: string | null;
  status: 'active' | 'dissolved';
  dissolvedOn: string | null;
  registeredAt: string;
  updatedAt: string;
  /** Revision of the map's last event concerning this network: its ETag. */
  revision: number;
}

/**
 * One network with its details, anchors and heads over time. Its memberships are documents of
 * their own (`network-memberships`): a network's document does not grow with its members, so
 * an admission does not rewrite the whole membership history.
 */
export interface NetworkView extends NetworkFields {
  anchors: AnchorSpan[];
  heads: HeadSpan[];
  search: string;
  [field: string]: unknown;
}

export const NETWORKS = 'networks';

/** Evolves one network's view with the map's own evolve, on a state holding just that network. */
export const evolveNetworkView = (doc: NetworkView | null, event: RecordedEvent<NetworkMapEvent>, id: string): NetworkView | null => {
  // Already applied (a replay): every event of a map comes in revision order.
  if (doc && doc.revision >= event.revision) return doc;
  const state: NetworkMapState = doc
    ? {
        networks: {
          [id]: {
            networkId: id,
            department: doc.department,
            kind: doc.kind,
            // A document written before the setting existed: the network reports by academic year.
            reportingPeriod: doc.reportingPeriod ?? DEFAULT_REPORTING_PERIOD_KIND,
            name: doc.name,
            number: doc.number,
            description: doc.description,
            website: doc.website,
            status: doc.status,
            dissolvedOn: doc.dissolvedOn,
            anchors: doc.anchors,
            heads: doc.heads,
          },
        },
        memberships: [],
      }
    : { networks: {}, memberships: [] };
  const next = evolveNetworkMap(state, event);
  const record: NetworkRecord | undefined = next.networks[id];
  if (!record) return doc;
  return {
    id,
    department: record.department,
    kind: record.kind,
    reportingPeriod: record.reportingPeriod,
    name: record.name,
    number: record.number,
    description: record.description,
    website: record.website,
    status: record.status,
    dissolvedOn: record.dissolvedOn,
    registeredAt: doc?.registeredAt ?? event.metadata.recordedAt,
    updatedAt: event.metadata.recordedAt,
    revision: event.revision,
    anchors: record.anchors,
    heads: record.heads,
    search: `${record.name} ${record.number ?? ''}`.toLocaleLowerCase().trim(),
  };
};

/** Networks with their details, anchors and heads over time, one document per network. */
export const networkListProjection = defineProjection<NetworkView, NetworkMapEvent>({
  name: 'network-list',
  collection: NETWORKS,
  events: networkMapEvents,
  // What GET /networks filters and sorts by: the department, the kind and/or the status, in
  // kind and name order; `q` by the words of the name and number.
  indexes: [
    { name: 'by-kind', fields: ['department', 'kind', 'name', 'id'] },
    { name: 'by-status', fields: ['department', 'status', 'kind', 'name', 'id'] },
    { name: 'name-words', words: 'search' },
  ],
  documentId: (event) => networksConcerned(event),
  evolve: evolveNetworkView,
});
