import { AcademicYearStart, IsoDate, daySpanOfReportingPeriod } from '@app/kernel';
import { EventKind, When, fallsIn } from '@app/events';
import { ItemResolution } from '../plan/plan.decider';
import { EventFact, FulfilmentEventDoc, FulfilmentItem, FulfilmentPlanDoc } from './plan-fulfilment.projection';

/** What became of a plan item (so far). */
export const ITEM_FULFILMENT_STATUSES = ['held', 'cancelled', 'postponed', 'carried-over', 'scheduled', 'awaiting', 'not-held'] as const;
export type ItemFulfilmentStatus = (typeof ITEM_FULFILMENT_STATUSES)[number];

/** An event as fulfilment shows it: its state on the day asked, and when that was recorded and took effect. */
export interface RealisingEvent {
  eventId: string;
  kind: EventKind;
  topic: string;
  status: EventFact['status'];
  when: When;
  hostIds: string[];
  reason: string | null;
  recordedAt: string;
  effectiveAt: string | null;
}

export interface ItemFulfilment {
  planItemId: string;
  kind: EventKind;
  topic: string;
  plannedWhen: When;
  status: ItemFulfilmentStatus;
  /** The held events' (when, hosts); the cancellation's or postponement's reason. */
  held: RealisingEvent[];
  reason: string | null;
  events: RealisingEvent[];
  /** The closing's resolution, when the plan was closed by then. */
  resolution: ItemResolution['resolution'] | null;
}

export interface FulfilmentTotals {
  items: number;
  held: number;
  cancelled: number;
  postponed: number;
  carriedOver: number;
  scheduled: number;
  awaiting: number;
  notHeld: number;
  /** held / items, 0 for a plan without items. */
  shareHeld: number;
}

export interface Fulfilment {
  items: ItemFulfilment[];
  totals: FulfilmentTotals;
  /** Events of the plan's network held in its period that realise none of its items. */
  unforeseen: RealisingEvent[];
}

/** Recorded on or before the end of the day (UTC), or always when no day is asked. */
const knownBy = (recordedAt: string, asOf: IsoDate | null): boolean => asOf === null || recordedAt.slice(0, 10) <= asOf;

/** The event as it was on the day: its last fact recorded by then; undefined when it was not yet planned. */
export const eventAsOf = (doc: FulfilmentEventDoc, asOf: IsoDate | null): RealisingEvent & { planItemIds: string[] } | undefined => {
  const fact = [...doc.facts].reverse().find((f) => knownBy(f.recordedAt, asOf));
  if (!fact) return undefined;
  return {
    eventId: doc.eventId,
    kind: doc.eventKind,
    topic: doc.topic,
    status: fact.status,
    when: fact.when,
    hostIds: fact.hostIds,
    reason: fact.status === 'held' || fact.status === 'planned' ? null : fact.reason,
    recordedAt: fact.recordedAt,
    effectiveAt: fact.effectiveAt,
    planItemIds: fact.planItemIds,
  };
};

const itemsAsOf = (plan: FulfilmentPlanDoc, asOf: IsoDate | null): FulfilmentItem[] =>
  plan.items.filter((i) => knownBy(i.addedAt, asOf) && !(i.removedAt && knownBy(i.removedAt, asOf)));

const statusOf = (events: RealisingEvent[], resolution: ItemResolution | undefined, over: boolean): { status: ItemFulfilmentStatus; reason: string | null } => {
  if (events.some((e) => e.status === 'held')) return { status: 'held', reason: null };
  if (resolution?.resolution === 'carried-over') return { status: 'carried-over', reason: resolution.reason };
  if (resolution?.resolution === 'cancelled') return { status: 'cancelled', reason: resolution.reason };
  const open = events.filter((e) => e.status !== 'cancelled');
  if (events.length > 0 && open.length === 0) return { status: 'cancelled', reason: events[events.length - 1].reason };
  if (over) return { status: 'not-held', reason: null };
  if (open.some((e) => e.status === 'postponed')) return { status: 'postponed', reason: open.find((e) => e.status === 'postponed')!.reason };
  if (open.length > 0) return { status: 'scheduled', reason: null };
  return { status: 'awaiting', reason: null };
};

/**
 * A plan's fulfilment on a day (null: as recorded now): each item in the plan then, with the
 * events that realised it as they were then, what became of it, the totals, and the events
 * of the network held in the period that no item of the plan foresaw. An item is `not-held`
 * once the period is over (or the plan closed) with nothing held, cancelled or carried over.
 */
export const fulfilmentOf = (
  plan: FulfilmentPlanDoc,
  eventDocs: readonly FulfilmentEventDoc[],
  asOf: IsoDate | null,
  today: IsoDate,
  yearStart: AcademicYearStart,
): Fulfilment => {
  const day = asOf ?? today;
  const over = daySpanOfReportingPeriod(plan.period, yearStart).last < day;
  const resolutionsFact = [...plan.resolutions].reverse().find((r) => knownBy(r.recordedAt, asOf));
  const closed = !!resolutionsFact;
  const events = eventDocs
    .filter((d) => d.department === plan.department)
    .map((d) => eventAsOf(d, asOf))
    .filter((e): e is NonNullable<typeof e> => !!e)
    .sort((a, b) => a.eventId.localeCompare(b.eventId));
  const allItemIds = new Set(plan.items.map((i) => i.planItemId));
  const items = itemsAsOf(plan, asOf).map((item): ItemFulfilment => {
    const realising = events.filter((e) => e.planItemIds.includes(item.planItemId)).map(({ planItemIds: _p, ...e }) => e);
    const resolution = resolutionsFact?.resolutions.find((r) => r.planItemId === item.planItemId);
    const { status, reason } = statusOf(realising, resolution, over || closed);
    return {
      planItemId: item.planItemId,
      kind: item.kind,
      topic: item.topic,
      plannedWhen: item.when,
      status,
      held: realising.filter((e) => e.status === 'held'),
      reason,
      events: realising,
      resolution: resolution?.resolution ?? null,
    };
  });
  const count = (status: ItemFulfilmentStatus) => items.filter((i) => i.status === status).length;
  const held = count('held');
  const unforeseen = events
    .filter((e) => e.status === 'held' && eventDocs.some((d) => d.eventId === e.eventId && d.networkIds.includes(plan.networkId)))
    .filter((e) => !e.planItemIds.some((id) => allItemIds.has(id)) && fallsIn(e.when, plan.period, yearStart))
    .map(({ planItemIds: _p, ...e }) => e);
  return {
    items,
    totals: {
      items: items.length,
      held,
      cancelled: count('cancelled'),
      postponed: count('postponed'),
      carriedOver: count('carried-over'),
      scheduled: count('scheduled'),
      awaiting: count('awaiting'),
      notHeld: count('not-held'),
      shareHeld: items.length === 0 ? 0 : Math.round((held / items.length) * 1000) / 1000,
    },
    unforeseen,
  };
};
