import { Decider, InvalidInput, IsoDate, assertNever } from '@app/kernel';
import { EventFacts, assertNetworksOn, refuse } from './event-facts';
import { EVENT_KINDS, EventKind } from './event-vocabulary';
import { EventSeriesEvent } from './event-series.events';

/**
 * A recurring event of one or more networks (see {@link EventSeriesEstablished}). Its events
 * name it, and the event decider holds them to it: of its kind, sharing a network with it.
 */

export * from './event-series.events';


export type EventSeriesState =
  | { status: 'none' }
  | { status: 'established'; seriesId: string; department: string; name: string; kind: EventKind; networkIds: string[] };

export const initialEventSeriesState = (): EventSeriesState => ({ status: 'none' });

export const evolveEventSeries = (state: EventSeriesState, event: EventSeriesEvent): EventSeriesState => {
  switch (event.type) {
    case 'EventSeriesEstablished':
      return { status: 'established', ...event.data };
    case 'EventSeriesRenamed':
      return state.status === 'none' ? state : { ...state, name: event.data.name };
    default:
      return assertNever(event);
  }
};

/** `facts`: of the series' networks (only `networks` is read); `today` from the injected clock. */
export type EstablishEventSeries = {
  type: 'EstablishEventSeries';
  data: { seriesId: string; department: string; name: string; kind: EventKind; networkIds: string[]; today: IsoDate; facts: Pick<EventFacts, 'networks'> };
};
export type RenameEventSeries = { type: 'RenameEventSeries'; data: { seriesId: string; name: string } };

export type EventSeriesCommand = EstablishEventSeries | RenameEventSeries;

const nameOf = (name: unknown): string => {
  const trimmed = typeof name === 'string' ? name.trim() : '';
  if (!trimmed) throw new InvalidInput('a series needs a name', [{ field: 'name', messages: ['name is required'] }]);
  return trimmed;
};

const establish = (command: EstablishEventSeries, state: EventSeriesState): EventSeriesEvent[] => {
  if (state.status !== 'none') refuse('series-already-established', `event series ${command.data.seriesId} is already established`);
  const { seriesId, department, kind, today, facts } = command.data;
  const name = nameOf(command.data.name);
  if (!(EVENT_KINDS as readonly string[]).includes(kind)) throw new InvalidInput('the series is invalid', [{ field: 'kind', messages: [`kind must be one of ${EVENT_KINDS.join(', ')}`] }]);
  const networkIds = [...new Set((command.data.networkIds ?? []).map((id) => id.trim()).filter(Boolean))];
  if (networkIds.length === 0) throw new InvalidInput('the series is invalid', [{ field: 'networkIds', messages: ['a series belongs to at least one network'] }]);
  // A series recurs from now on: its networks exist today.
  assertNetworksOn({ networks: facts.networks, registeredInstitutionIds: [], memberships: [], series: null, yearStart: { month: 9, day: 1 } }, networkIds, today);
  return [{ type: 'EventSeriesEstablished', data: { seriesId, department, name, kind, networkIds } }];
};

const rename = (command: RenameEventSeries, state: EventSeriesState): EventSeriesEvent[] => {
  if (state.status === 'none') return refuse('series-not-established', `event series ${command.data.seriesId} is not established`);
  const name = nameOf(command.data.name);
  if (name === state.name) refuse('nothing-to-change', 'the series already has this name');
  return [{ type: 'EventSeriesRenamed', data: { seriesId: state.seriesId, name, networkIds: state.networkIds } }];
};

export const decideEventSeries = (command: EventSeriesCommand, state: EventSeriesState): EventSeriesEvent[] => {
  switch (command.type) {
    case 'EstablishEventSeries':
      return establish(command, state);
    case 'RenameEventSeries':
      return rename(command, state);
    default:
      return assertNever(command);
  }
};

export const eventSeriesDecider: Decider<EventSeriesState, EventSeriesCommand, EventSeriesEvent> = {
  initialState: initialEventSeriesState,
  evolve: evolveEventSeries,
  decide: decideEventSeries,
};

/** What an event's decision needs of its series: from the folded state, null when not established. */
export const seriesFactsOf = (state: EventSeriesState) =>
  state.status === 'established' ? { seriesId: state.seriesId, kind: state.kind, networkIds: state.networkIds } : null;
