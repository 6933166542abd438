import { ReportingPeriod, RecordedEvent, assertNever, effectiveAtOf } from '@app/kernel';
import { defineProjection } from '@app/read-store';
import { EventEvent, EventKind, EventStatus, When, eventEvents } from '@app/events';
import { ItemResolution, PlanEvent, PlanItem, planEvents } from '../plan/plan.decider';

/*
 * What fulfilment needs, from the events module's public domain events and the plan's own:
 * two kinds of document in one collection. An event's (`event:<id>`): which plan items it
 * realises, its status, when and by whom, each change kept as a dated fact, since `EventHeld`
 * names no plan item (only the event's earlier facts do). A plan's (`plan:<id>`): its network,
 * period and items, when each was added or removed, and the closing's resolutions, dated.
 * (The events of a series' stream are not read: a series realises no plan item.) The query joins them, as of a date: each fact counts from the day it was recorded.
 */

/** An event's state after one of its changes, and when that change was recorded and took effect. */
export interface EventFact {
  type: EventEvent['type'];
  recordedAt: string;
  effectiveAt: string | null;
  status: EventStatus;
  when: When;
  hostIds: string[];
  planItemIds: string[];
  /** A postponement's, cancellation's, unlinking's reason. */
  reason: string | null;
}

export interface FulfilmentEventDoc {
  id: string;
  kind: 'event';
  department: string;
  eventId: string;
  eventKind: EventKind;
  topic: string;
  networkIds: string[];
  /** Every fact, oldest first; the last is the event as it is. */
  facts: EventFact[];
  /** The words it is found by: `n<network>` its networks, `i<plan item>` every item it ever realised. */
  refs: string;
  streamRevision: number;
  [field: string]: unknown;
}

/** A plan item as fulfilment sees it, and when it was in the plan. */
export interface FulfilmentItem {
  planItemId: string;
  kind: EventKind;
  topic: string;
  when: When;
  hostIds: string[];
  carriedOverFrom: PlanItem['carriedOverFrom'];
  addedAt: string;
  removedAt: string | null;
}

/** The closing's resolutions as recorded (a closing, then each correction of them). */
export interface ResolutionsFact {
  recordedAt: string;
  resolutions: ItemResolution[];
}

export interface FulfilmentPlanDoc {
  id: string;
  kind: 'plan';
  department: string;
  planId: string;
  networkId: string;
  period: ReportingPeriod;
  items: FulfilmentItem[];
  resolutions: ResolutionsFact[];
  closedAt: string | null;
  streamRevision: number;
  [field: string]: unknown;
}

export type FulfilmentDoc = FulfilmentEventDoc | FulfilmentPlanDoc;

export const PLAN_FULFILMENT = 'plan-fulfilment';

export const fulfilmentEventId = (eventId: string): string => `event:${eventId}`;
export const fulfilmentPlanId = (planId: string): string => `plan:${planId}`;

/** The word an id is found by in `refs`. */
export const fulfilmentWord = (relation: 'n' | 'i', id: string): string => `${relation}${id.toLowerCase().replace(/[^a-z0-9]/g, '')}`;

type AnyPlanningEvent = EventEvent | PlanEvent;
const EVENT_TYPES = new Set<string>(Object.keys(eventEvents));
const isEventEvent = (event: RecordedEvent<AnyPlanningEvent>): event is RecordedEvent<EventEvent> => EVENT_TYPES.has(event.type);

const refsOf = (doc: Pick<FulfilmentEventDoc, 'networkIds' | 'facts'>): string =>
  [...new Set([...doc.networkIds.map((id) => fulfilmentWord('n', id)), ...doc.facts.flatMap((f) => f.planItemIds).map((id) => fulfilmentWord('i', id))])].join(' ');

const evolveEvent = (doc: FulfilmentEventDoc | null, event: RecordedEvent<EventEvent>): FulfilmentEventDoc | null => {
  if (!doc && event.type !== 'EventPlanned') return null;
  if (doc && doc.streamRevision >= event.revision) return doc;
  const base = { type: event.type, recordedAt: event.metadata.recordedAt, effectiveAt: effectiveAtOf(eventEvents, event), reason: null };
  if (event.type === 'EventPlanned') {
    const d = event.data;
    const fact: EventFact = { ...base, status: 'planned', when: d.when, hostIds: d.hostIds, planItemIds: d.planItemIds };
    const next = { id: fulfilmentEventId(d.eventId), kind: 'event' as const, department: event.metadata.department, eventId: d.eventId, eventKind: d.kind, topic: d.topic, networkIds: d.networkIds, facts: [fact], refs: '', streamRevision: event.revision };
    return { ...next, refs: refsOf(next) };
  }
  const current = doc!;
  const last = current.facts[current.facts.length - 1];
  let fact: EventFact;
  let details: Partial<Pick<FulfilmentEventDoc, 'eventKind' | 'topic'>> = {};
  switch (event.type) {
    case 'EventDetailsCorrected':
    case 'HeldEventCorrected': {
      const c = event.data.corrections;
      fact = { ...last, ...base, when: c.when ?? last.when, hostIds: c.hostIds ?? last.hostIds, reason: event.data.reason };
      details = { ...(c.kind ? { eventKind: c.kind } : {}), ...(c.topic ? { topic: c.topic } : {}) };
      break;
    }
    case 'EventPostponed':
      fact = { ...last, ...base, status: 'postponed', when: event.data.when, reason: event.data.reason };
      break;
    case 'EventCancelled':
      fact = { ...last, ...base, status: 'cancelled', reason: event.data.reason };
      break;
    case 'EventHeld':
      fact = { ...last, ...base, status: 'held', when: event.data.when, hostIds: event.data.hostIds };
      break;
    case 'EventLinkedToPlanItem':
      fact = { ...last, ...base, planItemIds: [...last.planItemIds.filter((id) => id !== event.data.planItemId), event.data.planItemId], reason: event.data.reason };
      break;
    case 'EventUnlinkedFromPlanItem':
      fact = { ...last, ...base, planItemIds: last.planItemIds.filter((id) => id !== event.data.planItemId), reason: event.data.reason };
      break;
    default:
      return assertNever(event);
  }
  const next = { ...current, ...details, networkIds: event.data.networkIds, facts: [...current.facts, fact], streamRevision: event.revision };
  return { ...next, refs: refsOf(next) };
};

const itemOf = (item: PlanItem, addedAt: string): FulfilmentItem => ({
  planItemId: item.planItemId,
  kind: item.kind,
  topic: item.topic,
  when: item.when,
  hostIds: item.hostIds,
  carriedOverFrom: item.carriedOverFrom,
  addedAt,
  removedAt: null,
});

const changed = (items: FulfilmentItem[], planItemId: string, change: Partial<PlanItem>): FulfilmentItem[] =>
  items.map((i) =>
    i.planItemId === planItemId && !i.removedAt
      ? { ...i, ...(change.kind ? { kind: change.kind } : {}), ...(change.topic ? { topic: change.topic } : {}), ...(change.when ? { when: change.when } : {}), ...(change.hostIds ? { hostIds: change.hostIds } : {}) }
      : i,
  );
const removed = (items: FulfilmentItem[], planItemId: string, at: string): FulfilmentItem[] => items.map((i) => (i.planItemId === planItemId && !i.removedAt ? { ...i, removedAt: at } : i));

const evolvePlanDoc = (doc: FulfilmentPlanDoc | null, event: RecordedEvent<PlanEvent>): FulfilmentPlanDoc | null => {
  if (!doc && event.type !== 'PlanDrafted') return null;
  if (doc && doc.streamRevision >= event.revision) return doc;
  const at = event.metadata.recordedAt;
  if (event.type === 'PlanDrafted') {
    const d = event.data;
    return { id: fulfilmentPlanId(d.planId), kind: 'plan', department: d.department, planId: d.planId, networkId: d.networkId, period: d.period, items: d.items.map((i) => itemOf(i, at)), resolutions: [], closedAt: null, streamRevision: event.revision };
  }
  const current = { ...doc!, streamRevision: event.revision };
  switch (event.type) {
    case 'PlanContentEdited':
    case 'PlanApproved':
      return current;
    case 'PlanItemAdded':
      return { ...current, items: [...current.items, itemOf(event.data.item, at)] };
    case 'PlanItemChanged':
      return { ...current, items: changed(current.items, event.data.planItemId, event.data.changes) };
    case 'PlanItemRemoved':
      return { ...current, items: removed(current.items, event.data.planItemId, at) };
    case 'PlanAmended': {
      let items = current.items;
      for (const r of event.data.removedItems) items = removed(items, r.planItemId, at);
      for (const c of event.data.changedItems) items = changed(items, c.planItemId, c.changes);
      return { ...current, items: [...items, ...event.data.addedItems.map((i) => itemOf(i, at))] };
    }
    case 'PlanClosed':
      return { ...current, closedAt: at, resolutions: [...current.resolutions, { recordedAt: at, resolutions: event.data.itemResolutions }] };
    case 'PlanCorrected': {
      const resolutions = event.data.corrections.itemResolutions;
      return resolutions ? { ...current, resolutions: [...current.resolutions, { recordedAt: at, resolutions }] } : current;
    }
    default:
      return assertNever(event);
  }
};

export const evolveFulfilment = (doc: FulfilmentDoc | null, event: RecordedEvent<AnyPlanningEvent>): FulfilmentDoc | null =>
  isEventEvent(event) ? evolveEvent(doc as FulfilmentEventDoc | null, event) : evolvePlanDoc(doc as FulfilmentPlanDoc | null, event as RecordedEvent<PlanEvent>);

/**
 * Plans' fulfilment: the plans' items and the events module's events that realise them (its
 * public domain events only, through `@app/events`), each dated, for the fulfilment query.
 */
export const planFulfilmentProjection = defineProjection<FulfilmentDoc, AnyPlanningEvent>({
  name: 'plan-fulfilment',
  collection: PLAN_FULFILMENT,
  events: { ...eventEvents, ...planEvents },
  indexes: [{ name: 'refs', words: 'refs' }],
  documentId: (event) => {
    if (isEventEvent(event)) return fulfilmentEventId(event.data.eventId);
    return fulfilmentPlanId((event as RecordedEvent<PlanEvent>).data.planId);
  },
  evolve: evolveFulfilment,
});
