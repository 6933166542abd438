import { Actor, EventSource, RecordedEvent } from '@app/kernel';
import { defineProjection } from '@app/read-store/projection';
import { NETWORK_MAP_EVENT_TYPES, NetworkMapEvent, effectiveDateOf } from '../network-map/network-map.decider';
import { networksConcerned } from '../network-map/network-map.writer';

/** One change of a network as an auditor reads it. `data` is the recorded fact; it never holds a person's name. */
export interface TimelineEntry {
  eventId: string;
  type: NetworkMapEvent['type'];
  position: number;
  revision: number;
  recordedAt: string;
  effectiveAt: string | null;
  actor: Actor;
  source: EventSource;
  reason: string | null;
  correlationId: string;
  data: Record<string, unknown>;
}

export interface NetworkTimelineView {
  id: string;
  department: string;
  entries: TimelineEntry[];
  [field: string]: unknown;
}

export const NETWORK_TIMELINE = 'network-timeline';

export const evolveNetworkTimeline = (doc: NetworkTimelineView | null, recorded: RecordedEvent, id: string): NetworkTimelineView | null => {
  if (doc && doc.entries.some((e) => e.position >= recorded.position)) return doc;
  const event = recorded as unknown as NetworkMapEvent;
  const meta = recorded.metadata;
  const entry: TimelineEntry = {
    eventId: recorded.id,
    type: event.type,
    position: recorded.position,
    revision: recorded.revision,
    recordedAt: meta.recordedAt,
    effectiveAt: meta.effectiveAt ?? effectiveDateOf(event),
    actor: meta.actor,
    source: meta.source,
    reason: meta.reason ?? (event.data as { reason?: string }).reason ?? null,
    correlationId: meta.correlationId,
    data: event.data as Record<string, unknown>,
  };
  return { id, department: meta.department, entries: [...(doc?.entries ?? []), entry] };
};

/** Every change of every network, oldest first: who, when, why, effective from when. */
export const networkTimelineProjection = defineProjection<NetworkTimelineView>({
  name: 'network-timeline',
  collection: NETWORK_TIMELINE,
  handles: NETWORK_MAP_EVENT_TYPES,
  documentId: (event) => networksConcerned(event),
  evolve: evolveNetworkTimeline,
});
