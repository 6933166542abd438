import { EventContracts } from '@app/kernel';
import { EventSeriesEvent, eventSeriesEvents } from './event/event-series.events';
import { EventEvent, eventEvents } from './event/event.events';

export * from './event/event.events';
export * from './event/event-series.events';

/** Every event the events module records. */
export type EventsEvent = EventEvent | EventSeriesEvent;

/** The contracts of every event the events module records: its part of the upcaster registry. */
export const eventsEvents: EventContracts<EventsEvent> = {
  ...eventEvents,
  ...eventSeriesEvents,
};
