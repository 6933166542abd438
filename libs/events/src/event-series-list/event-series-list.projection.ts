import { RecordedEvent, assertNever } from '@app/kernel';
import { defineProjection } from '@app/read-store';
import { EventSeriesEvent, eventSeriesEvents } from '../event/event-series.events';
import { EventKind } from '../event/event-vocabulary';
import { refWord } from '../event-calendar/event-calendar.projection';

/** One series as its list and its page show it: the name it has now and the names it had. */
export interface EventSeriesFields {
  id: string;
  department: string;
  name: string;
  kind: EventKind;
  networkIds: string[];
  /** Every name it was given, oldest first, with when it was recorded. */
  names: Array<{ name: string; recordedAt: string }>;
  establishedAt: string;
  updatedAt: string;
  /** Revision of the series' stream: replays change nothing. */
  revision: number;
}

/** A series' document: its fields, and its networks as the words it is found by. */
export interface EventSeriesView extends EventSeriesFields {
  /** Its networks as words (`n<id>`), for the network filter. */
  refs: string;
  [field: string]: unknown;
}

export const EVENT_SERIES = 'event-series';

const refsOf = (networkIds: string[]): string => networkIds.map((id) => refWord('n', id)).join(' ');

export const evolveEventSeries = (doc: EventSeriesView | null, event: RecordedEvent<EventSeriesEvent>): EventSeriesView | null => {
  if (doc && doc.revision >= event.revision) return doc;
  const recordedAt = event.metadata.recordedAt;
  switch (event.type) {
    case 'EventSeriesEstablished': {
      const { seriesId, name, kind, networkIds } = event.data;
      return {
        id: seriesId,
        department: event.metadata.department,
        name,
        kind,
        networkIds,
        names: [{ name, recordedAt }],
        establishedAt: recordedAt,
        updatedAt: recordedAt,
        revision: event.revision,
        refs: refsOf(networkIds),
      };
    }
    case 'EventSeriesRenamed':
      if (!doc) return null;
      return {
        ...doc,
        name: event.data.name,
        networkIds: event.data.networkIds,
        names: [...doc.names, { name: event.data.name, recordedAt }],
        updatedAt: recordedAt,
        revision: event.revision,
        refs: refsOf(event.data.networkIds),
      };
    default:
      return assertNever(event);
  }
};

/** The department's series of recurring events: one document per series. */
export const eventSeriesListProjection = defineProjection<EventSeriesView, EventSeriesEvent>({
  name: 'event-series-list',
  collection: EVENT_SERIES,
  events: eventSeriesEvents,
  // GET /event-series: the department's, in name order, by kind or by a network's words.
  indexes: [
    { name: 'by-name', fields: ['department', 'name', 'id'] },
    { name: 'by-kind', fields: ['department', 'kind', 'name', 'id'] },
    { name: 'refs', words: 'refs' },
  ],
  documentId: (event) => event.data.seriesId,
  evolve: evolveEventSeries,
});
