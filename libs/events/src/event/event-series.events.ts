import { EntityRef, EventContracts, eventTypes, streamName } from '@app/kernel';
import { EVENT_KIND_LABELS, EventKind } from './event-vocabulary';

/** Stream of one series. */
export const eventSeriesStream = (seriesId: string): string => streamName('EventSeries', seriesId);

/**
 * A series is a named recurring event of one or more networks: the department's yearly
 * "единый день открытых дверей", the council of heads that meets every quarter. Each time it
 * takes place is an event of its own that names the series; a monitoring table is the rows of
 * series × years.
 */
export type EventSeriesEstablished = {
  type: 'EventSeriesEstablished';
  data: { seriesId: string; department: string; name: string; kind: EventKind; networkIds: string[] };
};
export type EventSeriesRenamed = { type: 'EventSeriesRenamed'; data: { seriesId: string; name: string; networkIds: string[] } };

/** Every event of a series' stream (`EventSeries-<series id>`). */
export type EventSeriesEvent = EventSeriesEstablished | EventSeriesRenamed;

const concerned = (d: { seriesId: string; networkIds: string[] }): EntityRef[] => [
  { kind: 'event-series', id: d.seriesId },
  ...d.networkIds.map((id): EntityRef => ({ kind: 'network', id })),
];

/** What the platform knows of each event of a series' stream. */
export const eventSeriesEvents: EventContracts<EventSeriesEvent> = {
  EventSeriesEstablished: {
    effectiveOn: () => null,
    concerns: concerned,
    describe: (d) => ({
      uk: `Започатковано серію заходів «${d.name}» (${EVENT_KIND_LABELS[d.kind].uk})`,
      ru: `Учреждена серия мероприятий «${d.name}» (${EVENT_KIND_LABELS[d.kind].ru})`,
      en: `Event series «${d.name}» established (${EVENT_KIND_LABELS[d.kind].en})`,
    }),
  },
  EventSeriesRenamed: {
    effectiveOn: () => null,
    concerns: concerned,
    describe: (d) => ({ uk: `Серію заходів перейменовано: «${d.name}»`, ru: `Серия мероприятий переименована: «${d.name}»`, en: `Event series renamed: «${d.name}»` }),
  },
};

export const EVENT_SERIES_EVENT_TYPES = eventTypes(eventSeriesEvents);
