import { LocalText } from '@app/kernel';
import { EVENT_KINDS, EVENT_KIND_LABELS, EventKind, PARTICIPANT_CATEGORIES, ParticipantCategory } from '../event/event-vocabulary';
import { ParticipationCounts } from '../event/event.events';
import { EventCalendarView } from '../event-calendar/event-calendar.projection';

/** Participation added up over some held events. */
export interface Totals {
  /** Held events counted. */
  events: number;
  /** Of them, those that recorded no count at all. */
  eventsWithoutCounts: number;
  /** Per category, over the events that counted it (a category no event counted is absent). */
  counts: ParticipationCounts;
  participants: number;
  /** Distinct institutions that took part. */
  institutions: number;
  /** Of them, those that were not members of the event's networks. */
  outsideInstitutions: number;
}

export interface KindTotals extends Totals {
  kind: EventKind;
  label: LocalText;
}

const add = (events: readonly EventCalendarView[]): Totals => {
  const counts: ParticipationCounts = {};
  const institutions = new Set<string>();
  const outside = new Set<string>();
  let withoutCounts = 0;
  for (const event of events) {
    const held = event.held!;
    if (Object.keys(held.participation.counts).length === 0) withoutCounts++;
    for (const category of PARTICIPANT_CATEGORIES) {
      const n = held.participation.counts[category];
      if (n !== undefined) counts[category] = (counts[category] ?? 0) + n;
    }
    for (const id of held.participation.institutionIds) institutions.add(id);
    for (const id of held.outsideInstitutionIds) outside.add(id);
  }
  const participants = Object.values(counts).reduce<number>((sum, n) => sum + (n ?? 0), 0);
  return { events: events.length, eventsWithoutCounts: withoutCounts, counts, participants, institutions: institutions.size, outsideInstitutions: outside.size };
};

/**
 * Whether an event's holding is among those recorded by then: at or before the log position (a
 * holding the calendar kept no position of counts at any), and by the end of the day
 * `recordedBy` (UTC) when one is given.
 */
export const heldUpTo = (event: EventCalendarView, { position, recordedBy }: { position: number; recordedBy?: string | null }): boolean =>
  event.held !== null && (event.held.position === undefined || event.held.position <= position) && (!recordedBy || event.held.recordedAt.slice(0, 10) <= recordedBy);

/** The totals of held events, all together and by kind (kinds in the vocabulary's order, only those held). */
export const participationTotals = (held: readonly EventCalendarView[]): { total: Totals; byKind: KindTotals[]; byCategory: Array<{ category: ParticipantCategory; count: number }> } => {
  const total = add(held);
  const byKind = EVENT_KINDS.map((kind) => ({ kind, events: held.filter((e) => e.kind === kind) }))
    .filter(({ events }) => events.length > 0)
    .map(({ kind, events }): KindTotals => ({ kind, label: EVENT_KIND_LABELS[kind], ...add(events) }));
  const byCategory = PARTICIPANT_CATEGORIES.filter((c) => total.counts[c] !== undefined).map((category) => ({ category, count: total.counts[category]! }));
  return { total, byKind, byCategory };
};
