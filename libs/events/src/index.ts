/**
 * The events module: the seminars, council meetings, open-door days and olympiads that
 * networks hold (docs/events.md). Its public surface, for the other modules (planning,
 * reporting, audit) and the apps.
 */

/**
 * The published event contracts: every event the module records (`EventsEvent`, with
 * `EventEvent` of an event's stream and `EventSeriesEvent` of a series'), their table
 * (`eventsEvents`, and `eventEvents` / `eventSeriesEvents` per stream) and the vocabulary their
 * data is written in: kinds, formats, levels, participant categories, roles, statuses, each
 * with its uk/ru/en labels (`EVENT_KIND_LABELS`...).
 */
export * from './events.events';

/** An event's aggregate: its stream (`eventStream`), state, commands and decider. */
export * from './event/event.decider';
/** A series' aggregate: its stream (`eventSeriesStream`), state, commands, decider, and `seriesFactsOf`. */
export * from './event/event-series.decider';

/** What the deciders need of networks, institutions and series, gathered by a prepare step. */
export type { EventFacts, NetworkFacts, MembershipFacts, SeriesFacts } from './event/event-facts';
export { NO_FACTS } from './event/event-facts';

/** When an event takes place, as precisely as known: checking, sorting, periods, printing. */
export * from './event/when';
export * from './event/print-when';
