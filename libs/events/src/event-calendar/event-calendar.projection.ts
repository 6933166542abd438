import { IsoDate, RecordedEvent, assertNever } from '@app/kernel';
import { defineProjection } from '@app/read-store';
import {
  AudienceCategory,
  EventEvent,
  EventFormat,
  EventFormatMode,
  EventKind,
  EventLevel,
  EventLink,
  EventPerson,
  EventStatus,
  Participation,
  When,
  WhenPrecision,
  daySpanOf,
  eventEvents,
  whenSortKey,
} from '../event/event.events';

/** A postponement as the calendar keeps it: from when to when, why, recorded when. */
export interface PostponementView {
  from: When;
  to: When;
  reason: string;
  recordedAt: string;
}

/** What holding recorded, and when it was recorded. */
export interface HeldView {
  participation: Participation;
  /** The counts added up: what a report's "учасників: 120" says. */
  participantTotal: number;
  /** The participating institutions that were members of none of the event's own networks on its date. */
  outsideInstitutionIds: string[];
  outcome: string | null;
  materials: EventLink[];
  publications: EventLink[];
  recordedAt: string;
  /**
   * The log position its holding was recorded at, so a report built at an earlier position
   * leaves it out. Absent in a calendar built before the field was kept (rebuild the projection
   * `event-calendar` to fill it); a reader takes such a holding as recorded by any position.
   */
  position?: number;
}

/** What the calendar keeps of an event: every detail and where it is in its life. */
export interface EventCalendarFields {
  id: string;
  department: string;
  kind: EventKind;
  topic: string;
  description: string | null;
  networkIds: string[];
  audienceNetworkIds: string[];
  hostIds: string[];
  /** The hosts that were members of none of its own networks on its date (partners, schools of another district). */
  outsideHostIds: string[];
  /** When it takes place; once held, when it took place. */
  when: When;
  seriesId: string | null;
  format: EventFormat;
  level: EventLevel;
  audience: AudienceCategory[];
  people: EventPerson[];
  planItemIds: string[];
  status: EventStatus;
  postponements: PostponementView[];
  cancellation: { reason: string; recordedAt: string } | null;
  held: HeldView | null;
  plannedAt: string;
  updatedAt: string;
  /** Revision of the event's stream: replays change nothing. */
  revision: number;
}

/**
 * One event as a calendar, a report or an institution's page reads it: every detail, where it
 * is in its life, and the fields its queries filter and sort by. One document per event.
 */
export interface EventCalendarView extends EventCalendarFields {
  precision: WhenPrecision;
  /** `whenSortKey` with the default academic year (1 September); queries sort by the department's. */
  sortKey: string;
  /**
   * The days it may fall on, widened for an academic-year-only event to the two calendar years
   * its academic year touches (whatever day the department starts it), so that an index range
   * finds every event a period may hold; null when not known. Queries decide with `fallsIn`.
   */
  spanFirst: IsoDate | null;
  spanLast: IsoDate | null;
  /** `format.mode`, as a scalar the indexes can hold. */
  formatMode: EventFormatMode;
  /** What its queries find it by (one word each): `n<id>` own network, `c<id>` own or audience network, `h<id>` host, `p<id>` participant, `i<id>` either. */
  refs: string;
  [field: string]: unknown;
}

export const EVENT_CALENDAR = 'event-calendar';

/** The word an id is found by in `refs`: a letter for the relation, the id's letters and digits. */
export const refWord = (relation: 'n' | 'c' | 'h' | 'p' | 'i', id: string): string => `${relation}${id.toLowerCase().replace(/[^a-z0-9]/g, '')}`;

const refsOf = (v: Pick<EventCalendarFields, 'networkIds' | 'audienceNetworkIds' | 'hostIds' | 'held'>): string => {
  const participants = v.held?.participation.institutionIds ?? [];
  const words = [
    ...v.networkIds.map((id) => refWord('n', id)),
    ...[...v.networkIds, ...v.audienceNetworkIds].map((id) => refWord('c', id)),
    ...v.hostIds.map((id) => refWord('h', id)),
    ...participants.map((id) => refWord('p', id)),
    ...[...v.hostIds, ...participants].map((id) => refWord('i', id)),
  ];
  return [...new Set(words)].join(' ');
};

/** The widest days a when may fall on, whatever the department's academic year start. */
export const widestSpanOf = (when: When): { first: IsoDate; last: IsoDate } | null => {
  if (when.precision === 'academic-year') {
    const start = Number(when.academicYear.slice(0, 4));
    return { first: `${start}-01-01`, last: `${start + 1}-12-31` };
  }
  return daySpanOf(when);
};

const countOf = (participation: Participation): number => Object.values(participation.counts).reduce<number>((sum, n) => sum + (n ?? 0), 0);

/** The fields that follow from the others, set again after every change. */
const derived = (v: EventCalendarFields): EventCalendarView => {
  const span = widestSpanOf(v.when);
  const held = v.held ? { ...v.held, participantTotal: countOf(v.held.participation) } : null;
  const view = { ...v, held };
  return {
    ...view,
    precision: v.when.precision,
    sortKey: whenSortKey(v.when),
    spanFirst: span?.first ?? null,
    spanLast: span?.last ?? null,
    formatMode: v.format.mode,
    refs: refsOf(view),
  };
};

export const evolveEventCalendar = (doc: EventCalendarView | null, event: RecordedEvent<EventEvent>): EventCalendarView | null => {
  // Already applied (a replay): the document is left as it is.
  if (doc && doc.revision >= event.revision) return doc;
  const recordedAt = event.metadata.recordedAt;
  const touched = { updatedAt: recordedAt, revision: event.revision };
  if (event.type === 'EventPlanned') {
    const { eventId, department: _department, ...planned } = event.data;
    return derived({
      id: eventId,
      department: event.metadata.department,
      ...planned,
      status: 'planned',
      postponements: [],
      cancellation: null,
      held: null,
      plannedAt: recordedAt,
      ...touched,
    });
  }
  if (!doc) return null;
  const { precision: _p, sortKey: _k, spanFirst: _f, spanLast: _l, formatMode: _m, refs: _r, ...rest } = doc;
  const current = rest as EventCalendarFields;
  switch (event.type) {
    case 'EventDetailsCorrected':
      return derived({ ...current, ...event.data.corrections, ...touched });
    case 'EventPostponed': {
      const { when, previousWhen, reason, outsideHostIds } = event.data;
      return derived({ ...current, status: 'postponed', when, outsideHostIds, postponements: [...current.postponements, { from: previousWhen, to: when, reason, recordedAt }], ...touched });
    }
    case 'EventCancelled':
      return derived({ ...current, status: 'cancelled', cancellation: { reason: event.data.reason, recordedAt }, ...touched });
    case 'EventHeld': {
      const { when, hostIds, participation, outcome, materials, publications, outsideHostIds, outsideInstitutionIds } = event.data;
      return derived({
        ...current,
        status: 'held',
        when,
        hostIds,
        outsideHostIds,
        held: { participation, participantTotal: 0, outsideInstitutionIds, outcome, materials, publications, recordedAt, position: event.position },
        ...touched,
      });
    }
    case 'HeldEventCorrected': {
      const { when, participation, outcome, materials, publications, outsideInstitutionIds, ...details } = event.data.corrections;
      const held: HeldView = current.held ?? {
        participation: { counts: {}, institutionIds: [] },
        participantTotal: 0,
        outsideInstitutionIds: [],
        outcome: null,
        materials: [],
        publications: [],
        recordedAt,
        position: event.position,
      };
      return derived({
        ...current,
        ...details,
        ...(when ? { when } : {}),
        held: {
          ...held,
          ...(participation ? { participation } : {}),
          ...(outcome !== undefined ? { outcome } : {}),
          ...(materials ? { materials } : {}),
          ...(publications ? { publications } : {}),
          ...(outsideInstitutionIds ? { outsideInstitutionIds } : {}),
        },
        ...touched,
      });
    }
    case 'EventLinkedToPlanItem':
      return derived({ ...current, planItemIds: [...current.planItemIds.filter((id) => id !== event.data.planItemId), event.data.planItemId], ...touched });
    case 'EventUnlinkedFromPlanItem':
      return derived({ ...current, planItemIds: current.planItemIds.filter((id) => id !== event.data.planItemId), ...touched });
    default:
      return assertNever(event);
  }
};

/** The department's events: one document per event, everything a calendar or a report needs. */
export const eventCalendarProjection = defineProjection<EventCalendarView, EventEvent>({
  name: 'event-calendar',
  collection: EVENT_CALENDAR,
  events: eventEvents,
  // What the calendar, an institution's events and the totals filter by: the department with a
  // period (the widened span), a status, a kind, a series or a format; a network or an
  // institution by the words of `refs`.
  indexes: [
    { name: 'by-date', fields: ['department', 'sortKey', 'id'] },
    { name: 'by-span', fields: ['department', 'spanLast', 'spanFirst', 'id'] },
    { name: 'by-status', fields: ['department', 'status', 'sortKey', 'id'] },
    { name: 'by-kind', fields: ['department', 'kind', 'sortKey', 'id'] },
    { name: 'by-series', fields: ['department', 'seriesId', 'sortKey', 'id'] },
    { name: 'by-format', fields: ['department', 'formatMode', 'sortKey', 'id'] },
    { name: 'refs', words: 'refs' },
  ],
  documentId: (event) => event.data.eventId,
  evolve: evolveEventCalendar,
});
