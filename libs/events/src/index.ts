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
 * them, other modules read its event contracts and send its queries. Its Nest module has the
 * write and read endpoints (docs/events.md, "Recording events", "Reading events").
 */
import type { Projection, Reactor } from '@app/read-store';
import { eventCalendarProjection } from './event-calendar/event-calendar.projection';
import { eventHistoryProjection } from './event-history/event-history.projection';
import { eventSeriesListProjection } from './event-series-list/event-series-list.projection';
import { EventsModule } from './events.module';
import { eventsEvents } from './events.events';

export * from './events.events';

export { EventsModule } from './events.module';

/**
 * The module's query contracts: the queries other modules (reporting, planning) may send over
 * the QueryBus, each a `Query<Answer>` (the bus infers the answer), their answers, and the read
 * models' documents those are made of.
 */
export { GetEventQuery, ListEventsQuery } from './event-calendar/list-events.query';
export type { EventDetailsView, EventPage, EventPersonView, EventSummary } from './event-calendar/list-events.query';
export { GetEventHistoryQuery } from './event-history/get-event-history.query';
export type { EventHistory } from './event-history/get-event-history.query';
export { GetInstitutionEventsQuery } from './institution-events/institution-events.query';
export type { InstitutionEventsPage, InstitutionInvolvement } from './institution-events/institution-events.query';
export { GetParticipationTotalsQuery } from './participation-totals/participation-totals.query';
export type { ParticipationTotals } from './participation-totals/participation-totals.query';
export { GetEventSeriesQuery, ListEventSeriesQuery } from './event-series-list/event-series.query';
export type { EventSeriesDetails, EventSeriesPage, EventSeriesSummary, SeriesYear } from './event-series-list/event-series.query';
export { GetNetworkCalendarFeedQuery } from './network-calendar-feed/network-calendar-feed.query';
export type { EventCalendarFields, EventCalendarView } from './event-calendar/event-calendar.projection';
export type { EventHistoryEntry } from './event-history/event-history.projection';
export type { EventSeriesFields, EventSeriesView } from './event-series-list/event-series-list.projection';

const projections: readonly Projection[] = [eventCalendarProjection, eventHistoryProjection, eventSeriesListProjection];
const reactors: readonly Reactor[] = [];

/** The module as the registry composes it (`libs/modules`): its Nest module, its processors and its event contracts. */
export const events = {
  name: 'events',
  nestModule: EventsModule,
  projections,
  reactors,
  eventContracts: [eventsEvents],
};
