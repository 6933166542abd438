import { FieldChange, RecordedChange, RecordedEvent, recordedChangeOf } from '@app/kernel';
import { defineProjection } from '@app/read-store';
import { InstitutionEvent, institutionEvents } from '../institution/institution.events';

export type { FieldChange };

/** One change of an institution, as an auditor reads it. */
export interface HistoryEntry extends RecordedChange {
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

export const evolveInstitutionHistory = (
  doc: InstitutionHistoryView | null,
  event: RecordedEvent<InstitutionEvent>,
): InstitutionHistoryView | null => {
  if (!doc && event.type !== 'InstitutionRegistered') return null;
  // Already applied (a replay): the history is left as it is.
  if (doc && doc.entries.some((e) => e.position >= event.position)) return doc;
  const base: InstitutionHistoryView = doc ?? {
    id: event.data.institutionId,
    department: event.metadata.department,
    current: {},
    entries: [],
  };
  const set = valuesSet(event);
  const entry: HistoryEntry = {
    ...recordedChangeOf(institutionEvents, event),
    changes: diff(base.current, set),
  };
  return { ...base, current: { ...base.current, ...set }, entries: [...base.entries, entry] };
};

/** Every change of every institution, oldest first, with who, when, why and what changed. */
export const institutionHistoryProjection = defineProjection<InstitutionHistoryView, InstitutionEvent>({
  name: 'institution-history',
  collection: INSTITUTION_HISTORY,
  events: institutionEvents,
  documentId: (event) => event.data.institutionId,
  evolve: evolveInstitutionHistory,
});
