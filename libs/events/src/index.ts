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
 * with its uk/ru/en labels (`EVENT_KIND_LABELS`...), and `When`: when an event takes place, as
 * precisely as known, with its checking, sorting, periods and printing (`printWhen`).
 *
 * The deciders, the facts they take and the stream folds stay inside the module: its slices use
 * them, other modules read its contracts and (later) its queries. Its Nest module has the write
 * endpoints (docs/events.md, "Recording events").
 */
import type { Projection, Reactor } from '@app/read-store';
import { EventsModule } from './events.module';
import { eventsEvents } from './events.events';

export * from './events.events';

export { EventsModule } from './events.module';

const projections: readonly Projection[] = [];
const reactors: readonly Reactor[] = [];

/** The module as the registry composes it (`libs/modules`): its Nest module, its processors and its event contracts. */
export const events = {
  name: 'events',
  nestModule: EventsModule,
  projections,
  reactors,
  eventContracts: [eventsEvents],
};
