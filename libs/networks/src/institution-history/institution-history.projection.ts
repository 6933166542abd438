import { Actor, EventSource, RecordedEvent } from '@app/kernel';
import { defineProjection } from '@app/read-store/projection';
import { INSTITUTION_EVENT_TYPES, InstitutionEvent } from '../institution/institution.decider';

export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

/** One change of an institution, as an auditor reads it. */
export interface HistoryEntry {
  eventId: string;
  type: string;
  revision: number;
  position: number;
  recordedAt: string;
  effectiveAt: string | null;
  actor: Actor;
  source: EventSource;
  reason: string | null;
  correlationId: string;
  changes: FieldChange[];
}

export interface InstitutionHistoryView {
  id: string;
  department: string;
  /** The values after the last entry, to compute the next entry's changes. */
  current: Record<string, unknown>;
  entries: HistoryEntry[];
  [field: string]: unknown;
}

export const INSTITUTION_HISTORY = 'institution-history';

const diff = (before: Record<string, unknown>, after: Record<string, unknown>): FieldChange[] =>
  Object.keys(after)
    .filter((field) => before[field] !== after[field])
    .map((field) => ({ field, from: before[field] ?? null, to: after[field] ?? null }));

/** The values an event sets, keyed by field. */
const valuesSet = (event: InstitutionEvent): Record<string, unknown> => {
  switch (event.type) {
    case 'InstitutionRegistered': {
      const { institutionId: _id, department: _d, ...details } = event.data;
      return { ...details, status: 'open' };
    }
    case 'InstitutionRenamed':
      return { fullName: event.data.fullName, shortName: event.data.shortName };
    case 'InstitutionDetailsCorrected':
      return { ...event.data.corrections };
    case 'InstitutionClosed':
      return { status: 'closed', closedOn: event.data.closedOn };
    case 'InstitutionReopened':
      return { status: 'open', closedOn: null };
  }
};

const effectiveDate = (event: InstitutionEvent): string | null => {
  switch (event.type) {
    case 'InstitutionRenamed':
      return event.data.renamedOn;
    case 'InstitutionClosed':
      return event.data.closedOn;
    case 'InstitutionReopened':
      return event.data.reopenedOn;
    default:
      return null;
  }
};

export const evolveInstitutionHistory = (
  doc: InstitutionHistoryView | null,
  recorded: RecordedEvent,
): InstitutionHistoryView | null => {
  const event = recorded as unknown as RecordedEvent & InstitutionEvent;
  if (!doc && event.type !== 'InstitutionRegistered') return null;
  // Already applied (a replay): the history is left as it is.
  if (doc && doc.entries.some((e) => e.position >= recorded.position)) return doc;
  const base: InstitutionHistoryView = doc ?? {
    id: (event.data as { institutionId: string }).institutionId,
    department: recorded.metadata.department,
    current: {},
    entries: [],
  };
  const set = valuesSet(event);
  const meta = recorded.metadata;
  const entry: HistoryEntry = {
    eventId: recorded.id,
    type: recorded.type,
    revision: recorded.revision,
    position: recorded.position,
    recordedAt: meta.recordedAt,
    effectiveAt: meta.effectiveAt ?? effectiveDate(event),
    actor: meta.actor,
    source: meta.source,
    reason: meta.reason ?? ('reason' in event.data ? (event.data.reason ?? null) : null),
    correlationId: meta.correlationId,
    changes: diff(base.current, set),
  };
  return { ...base, current: { ...base.current, ...set }, entries: [...base.entries, entry] };
};

/** Every change of every institution, oldest first, with who, when, why and what changed. */
export const institutionHistoryProjection = defineProjection<InstitutionHistoryView>({
  name: 'institution-history',
  collection: INSTITUTION_HISTORY,
  handles: INSTITUTION_EVENT_TYPES,
  documentId: (event) => (event.data as { institutionId?: string }).institutionId ?? null,
  evolve: evolveInstitutionHistory,
});
