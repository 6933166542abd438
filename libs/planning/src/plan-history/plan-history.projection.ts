import { FieldChange, LocalText, RecordedChange, RecordedEvent, assertNever, describeEvent, recordedChangeOf } from '@app/kernel';
import { defineProjection } from '@app/read-store';
import { PlanEvent, PlanItem, planEvents } from '../plan/plan.decider';

/** One change of a plan, as an auditor reads it: who, when, why, what, from what to what. */
export interface PlanHistoryEntry extends RecordedChange<PlanEvent['type']> {
  /** The contract's few words for it, in uk/ru/en (never a person's name). */
  description: LocalText;
  /** Field by field; an item's changes as `items.<planItemId>`, the whole item from and to. */
  changes: FieldChange[];
}

export interface PlanHistoryView {
  id: string;
  department: string;
  networkId: string;
  /** Revision of the plan's stream last applied: replays change nothing. */
  revision: number;
  /** The values after the last entry, to tell what the next one changed. */
  current: Record<string, unknown>;
  entries: PlanHistoryEntry[];
  [field: string]: unknown;
}

export const PLAN_HISTORY = 'plan-history';

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
/** An item's key in `current`: no dot, which a document store may take for a path. */
const itemKey = (planItemId: string): string => `item:${planItemId}`;
/** The field a change names for it. */
const fieldName = (key: string): string => (key.startsWith('item:') ? `items.${key.slice(5)}` : key);
const itemsOf = (items: PlanItem[]): Record<string, unknown> => Object.fromEntries(items.map((i) => [itemKey(i.planItemId), i]));

/** The values an event sets, keyed by field, and, where it records them, the values it replaced. */
const valuesOf = (event: PlanEvent, current: Record<string, unknown>): { set: Record<string, unknown>; previous?: Record<string, unknown> } => {
  const itemNow = (id: string) => current[itemKey(id)] as PlanItem | undefined;
  switch (event.type) {
    case 'PlanDrafted': {
      const { planId: _p, department: _d, networkId: _n, content, items, ...rest } = event.data;
      return { set: { status: 'draft', ...rest, ...content, ...itemsOf(items) } };
    }
    case 'PlanContentEdited':
      return { set: { ...event.data.changes }, previous: { ...event.data.previous } };
    case 'PlanItemAdded':
      return { set: itemsOf([event.data.item]) };
    case 'PlanItemChanged': {
      const { planItemId, changes, previous } = event.data;
      const item = itemNow(planItemId);
      return { set: { [itemKey(planItemId)]: { ...item, ...changes } }, previous: { [itemKey(planItemId)]: { ...item, ...previous } } };
    }
    case 'PlanItemRemoved':
      return { set: { [itemKey(event.data.planItemId)]: null } };
    case 'PlanApproved':
      return { set: { status: 'approved', revision: event.data.revision, approval: event.data.approval } };
    case 'PlanAmended': {
      const d = event.data;
      const set: Record<string, unknown> = { revision: d.revision, approval: d.approval, ...d.content.changes };
      const previous: Record<string, unknown> = { ...d.content.previous };
      for (const r of d.removedItems) set[itemKey(r.planItemId)] = null;
      for (const c of d.changedItems) {
        const item = itemNow(c.planItemId);
        set[itemKey(c.planItemId)] = { ...item, ...c.changes };
        previous[itemKey(c.planItemId)] = { ...item, ...c.previous };
      }
      Object.assign(set, itemsOf(d.addedItems));
      return { set, previous };
    }
    case 'PlanClosed': {
      const { planId: _p, networkId: _n, ...closing } = event.data;
      return { set: { status: 'closed', ...closing } };
    }
    case 'PlanCorrected':
      return { set: { ...event.data.corrections }, previous: { ...event.data.previous } };
    default:
      return assertNever(event);
  }
};

export const evolvePlanHistory = (doc: PlanHistoryView | null, event: RecordedEvent<PlanEvent>): PlanHistoryView | null => {
  if (!doc && event.type !== 'PlanDrafted') return null;
  // Already applied (a replay): the history is left as it is.
  if (doc && doc.revision >= event.revision) return doc;
  const base: PlanHistoryView = doc ?? { id: event.data.planId, department: event.metadata.department, networkId: event.data.networkId, revision: -1, current: {}, entries: [] };
  const { set, previous } = valuesOf(event, base.current);
  // A change that says what it replaced: that is the "from" of its changes.
  const before = { ...base.current, ...(previous ?? {}) };
  const changes = Object.keys(set)
    .filter((field) => !same(before[field], set[field]))
    .map((field) => ({ field: fieldName(field), from: before[field] ?? null, to: set[field] ?? null }));
  const entry: PlanHistoryEntry = { ...recordedChangeOf(planEvents, event), description: describeEvent(planEvents, event), changes };
  const current = { ...base.current, ...set };
  for (const [field, value] of Object.entries(set)) if (value === null && field.startsWith('item:')) delete current[field];
  return { ...base, revision: event.revision, current, entries: [...base.entries, entry] };
};

/** Every change of every plan, oldest first: who changed what, when and why. */
export const planHistoryProjection = defineProjection<PlanHistoryView, PlanEvent>({
  name: 'plan-history',
  collection: PLAN_HISTORY,
  events: planEvents,
  documentId: (event) => event.data.planId,
  evolve: evolvePlanHistory,
});
