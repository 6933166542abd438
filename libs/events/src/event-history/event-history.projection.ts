import { FieldChange, LocalText, RecordedChange, RecordedEvent, assertNever, describeEvent, recordedChangeOf } from '@app/kernel';
import { defineProjection } from '@app/read-store';
import { EventEvent, eventEvents } from '../event/event.events';

/** One change of an event, as an auditor reads it: who, when, why, what, from what to what. */
export interface EventHistoryEntry extends RecordedChange<EventEvent['type']> {
  /** The contract's few words for it, in uk/ru/en (never a person's name). */
  description: LocalText;
  changes: FieldChange[];
}

export interface EventHistoryView {
  id: string;
  department: string;
  /** Revision of the event's stream last applied: replays change nothing. */
  revision: number;
  /** The values after the last entry, to tell what the next one changed. */
  current: Record<string, unknown>;
  entries: EventHistoryEntry[];
  [field: string]: unknown;
}

export const EVENT_HISTORY = 'event-history';

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The values an event sets, keyed by field, and, for a correction, the values it says it replaced. */
const valuesOf = (event: EventEvent, current: Record<string, unknown>): { set: Record<string, unknown>; previous?: Record<string, unknown> } => {
  switch (event.type) {
    case 'EventPlanned': {
      const { eventId: _id, department: _d, ...planned } = event.data;
      return { set: { ...planned, status: 'planned' } };
    }
    case 'EventDetailsCorrected':
    case 'HeldEventCorrected':
      return { set: { ...event.data.corrections }, previous: { ...event.data.previous } };
    case 'EventPostponed':
      return { set: { status: 'postponed', when: event.data.when, outsideHostIds: event.data.outsideHostIds }, previous: { when: event.data.previousWhen } };
    case 'EventCancelled':
      return { set: { status: 'cancelled', cancelReason: event.data.reason } };
    case 'EventHeld': {
      const { eventId: _id, networkIds: _n, ...held } = event.data;
      return { set: { status: 'held', ...held } };
    }
    case 'EventLinkedToPlanItem': {
      const items = (current.planItemIds as string[] | undefined) ?? [];
      return { set: { planItemIds: [...items.filter((id) => id !== event.data.planItemId), event.data.planItemId] } };
    }
    case 'EventUnlinkedFromPlanItem':
      return { set: { planItemIds: ((current.planItemIds as string[] | undefined) ?? []).filter((id) => id !== event.data.planItemId) } };
    default:
      return assertNever(event);
  }
};

export const evolveEventHistory = (doc: EventHistoryView | null, event: RecordedEvent<EventEvent>): EventHistoryView | null => {
  if (!doc && event.type !== 'EventPlanned') return null;
  // Already applied (a replay): the history is left as it is.
  if (doc && doc.revision >= event.revision) return doc;
  const base: EventHistoryView = doc ?? { id: event.data.eventId, department: event.metadata.department, revision: -1, current: {}, entries: [] };
  const { set, previous } = valuesOf(event, base.current);
  // A correction says what it replaced: that is the "from" of its changes.
  const before = { ...base.current, ...(previous ?? {}) };
  const changes = Object.keys(set)
    .filter((field) => !same(before[field], set[field]))
    .map((field) => ({ field, from: before[field] ?? null, to: set[field] ?? null }));
  const entry: EventHistoryEntry = {
    ...recordedChangeOf(eventEvents, event),
    description: describeEvent(eventEvents, event),
    changes,
  };
  return { ...base, revision: event.revision, current: { ...base.current, ...set }, entries: [...base.entries, entry] };
};

/** Every change of every event, oldest first: who changed what, when and why. */
export const eventHistoryProjection = defineProjection<EventHistoryView, EventEvent>({
  name: 'event-history',
  collection: EVENT_HISTORY,
  events: eventEvents,
  documentId: (event) => event.data.eventId,
  evolve: evolveEventHistory,
});
