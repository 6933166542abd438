import { RecordedEvent, assertNever } from '@app/kernel';
import { defineProjection } from '@app/read-store';
import { InstitutionEvent, InstitutionKind, institutionEvents } from '../institution/institution.events';

/** One institution as operators list and look it up. */
/** An institution as the register shows it: what `GetInstitutionQuery` answers (the query contract's `Institution`). */
export interface InstitutionFields {
  id: string;
  department: string;
  fullName: string;
  shortName: string;
  kind: InstitutionKind;
  settlement: string;
  externalCode: string | null;
  website: string | null;
  status: 'open' | 'closed';
  closedOn: string | null;
  closureReason: string | null;
  registeredAt: string;
  updatedAt: string;
  /** Revision of the institution's stream: what `If-Match` compares with. */
  revision: number;
}

/** An institution's document in the register: its fields and the words it is searched by. */
export interface InstitutionView extends InstitutionFields {
  /** Lower-cased names, for text search. */
  search: string;
  [field: string]: unknown;
}

export const INSTITUTIONS = 'institutions';

const searchText = (v: Pick<InstitutionView, 'fullName' | 'shortName'>): string =>
  `${v.fullName} ${v.shortName}`.toLocaleLowerCase();

export const evolveInstitutionView = (doc: InstitutionView | null, event: RecordedEvent<InstitutionEvent>): InstitutionView | null => {
  // Already applied (a replay): the document is left as it is.
  if (doc && doc.revision >= event.revision) return doc;
  const touched = { updatedAt: event.metadata.recordedAt, revision: event.revision };
  if (event.type === 'InstitutionRegistered') {
    const { institutionId, ...details } = event.data;
    const view = {
      id: institutionId,
      ...details,
      status: 'open' as const,
      closedOn: null,
      closureReason: null,
      registeredAt: event.metadata.recordedAt,
      ...touched,
    };
    return { ...view, search: searchText(view) };
  }
  if (!doc) return null;
  switch (event.type) {
    case 'InstitutionRenamed': {
      const next = { ...doc, fullName: event.data.fullName, shortName: event.data.shortName, ...touched };
      return { ...next, search: searchText(next) };
    }
    case 'InstitutionDetailsCorrected': {
      const next = { ...doc, ...event.data.corrections, ...touched };
      return { ...next, search: searchText(next) };
    }
    case 'InstitutionClosed':
      return { ...doc, status: 'closed', closedOn: event.data.closedOn, closureReason: event.data.reason, ...touched };
    case 'InstitutionReopened':
      return { ...doc, status: 'open', closedOn: null, closureReason: null, ...touched };
    default:
      return assertNever(event);
  }
};

/** The register of institutions: one document per institution, current details. */
export const institutionListProjection = defineProjection<InstitutionView, InstitutionEvent>({
  name: 'institution-list',
  collection: INSTITUTIONS,
  events: institutionEvents,
  // What GET /institutions filters and sorts by: the department always, then at most the kind,
  // the status (with or without the kind) or the settlement, in name order; `q` by the words
  // of the names.
  indexes: [
    { name: 'by-name', fields: ['department', 'shortName', 'id'] },
    { name: 'by-kind', fields: ['department', 'kind', 'shortName', 'id'] },
    { name: 'by-status', fields: ['department', 'status', 'shortName', 'id'] },
    { name: 'by-kind-status', fields: ['department', 'kind', 'status', 'shortName', 'id'] },
    { name: 'by-settlement', fields: ['department', 'settlement', 'shortName', 'id'] },
    { name: 'name-words', words: 'search' },
  ],
  documentId: (event) => event.data.institutionId,
  evolve: evolveInstitutionView,
});
