import { RecordedChange, RecordedEvent, recordedChangeOf } from '@app/kernel';
import { defineProjection } from '@app/read-store';
import { NetworkMapEvent, networkMapEvents, networksConcerned } from '../network-map/network-map.events';
import { membershipChangeDate } from '../network-changes/changes';

/** One change of a network as an auditor reads it. `data` is the recorded fact; it never holds a person's name. */
export interface TimelineEntry extends RecordedChange<NetworkMapEvent['type']> {
  data: Record<string, unknown>;
}

/**
 * One entry of one network's timeline, a document of its own: an event writes a small new
 * document for each network it concerns, never the network's history again, so its cost does
 * not grow with that history; readers take a page of a network's entries by index.
 */
export interface TimelineEntryView extends TimelineEntry {
  id: string;
  networkId: string;
  department: string;
  /** The effective date of the composition changes this entry makes (`changes`), else null. */
  changeOn: string | null;
  [field: string]: unknown;
}

export const NETWORK_TIMELINE = 'network-timeline-entries';

/** The id of a network's entry for the event at a position: both are fixed by the event. */
export const timelineEntryId = (networkId: string, position: number): string => `${networkId}:${position}`;
const networkOfEntry = (id: string): string => id.slice(0, id.lastIndexOf(':'));

/** The fields of an entry as the API gives them (without the document's own keys). */
export const timelineEntryOf = ({ id: _id, networkId: _n, department: _d, changeOn: _c, ...entry }: TimelineEntryView): TimelineEntry =>
  entry as TimelineEntry;

export const evolveNetworkTimeline = (doc: TimelineEntryView | null, event: RecordedEvent<NetworkMapEvent>, id: string): TimelineEntryView | null => {
  // An entry is written once; a replay finds it there and leaves it.
  if (doc) return doc;
  const networkId = networkOfEntry(id);
  // A timeline entry has always given its position before its revision; the answers keep that order.
  const { eventId, type, position, ...change } = recordedChangeOf(networkMapEvents, event);
  return {
    id,
    networkId,
    department: event.metadata.department,
    changeOn: membershipChangeDate(event, networkId),
    eventId,
    type,
    position,
    ...change,
    data: { ...event.data },
  };
};

/** Every change of every network, one document per network and event: who, when, why, effective from when. */
export const networkTimelineProjection = defineProjection<TimelineEntryView, NetworkMapEvent>({
  name: 'network-timeline-entries',
  collection: NETWORK_TIMELINE,
  events: networkMapEvents,
  // GET …/timeline pages a network's entries in log order; GET …/changes reads the entries
  // whose composition changes take effect in a period.
  indexes: [
    { name: 'by-network', fields: ['networkId', 'position', 'id'] },
    { name: 'changes-by-date', fields: ['networkId', 'changeOn', 'position', 'id'] },
  ],
  documentId: (event) => networksConcerned(event).map((networkId) => timelineEntryId(networkId, event.position)),
  evolve: evolveNetworkTimeline,
});
