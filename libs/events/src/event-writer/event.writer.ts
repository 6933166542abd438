import { Inject, Injectable } from '@nestjs/common';
import { CommandContext, NotFound, WriteResult, metadataExtrasOf } from '@app/kernel';
import { EVENT_STORE, EventStore, decideAndAppend } from '@app/event-store';
import { EventFacts } from '../event/event-facts';
import { EventCommand, EventRecord, EventState, eventDecider } from '../event/event.decider';
import { eventEvents, eventStream } from '../event/event.events';
import { EventSeriesCommand, EventSeriesState, eventSeriesDecider, eventSeriesStream } from '../event/event-series.decider';
import { eventSeriesEvents } from '../event/event-series.events';
import { assertMayWriteFor } from './event-access';
import { EventFactsReader } from './event-facts.reader';

/** How the write endpoints on an event describe If-Match: the revision compared is the event's. */
export const EVENT_IF_MATCH = 'The event revision you last read (ETag); a newer one answers 412';
/** A write on an event the path names: If-Match on its revision, and the problems it may answer. */
export const EVENT_WRITE = { ifMatch: EVENT_IF_MATCH, problems: [400, 401, 403, 404, 409, 412, 422] };
/** A write on a series the path names. */
export const SERIES_WRITE = { ifMatch: 'The series revision you last read (ETag); a newer one answers 412', problems: [400, 401, 403, 404, 409, 412, 422] };

/** What an event will name after a command, beyond what it has: the facts must cover both. */
export interface EventNames {
  networkIds?: readonly string[];
  audienceNetworkIds?: readonly string[];
  hostIds?: readonly string[];
  institutionIds?: readonly string[];
  /** The series it will be in: undefined keeps the event's, null none. */
  seriesId?: string | null;
}

type Established = Extract<EventSeriesState, { status: 'established' }>;

/**
 * Runs the commands on events and series through the common write path (`decideAndAppend`):
 * the event's own stream, read and folded on every attempt; another department's event reads
 * as unknown (404) before If-Match; a network head is held to its networks (403) on the state
 * each attempt reads; `prepare` (the vault's names, the facts) once; the decision, pure, on
 * every attempt.
 */
@Injectable()
export class EventWriter {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly factsReader: EventFactsReader,
  ) {}

  /** The facts a decision on the event takes: what it has and what the command names (docs/events.md). */
  facts(department: string, event: EventRecord | null, names: EventNames): Promise<EventFacts> {
    const seriesId = names.seriesId !== undefined ? names.seriesId : (event?.seriesId ?? null);
    return this.factsReader.gather(department, {
      networkIds: [...(event?.networkIds ?? []), ...(event?.audienceNetworkIds ?? []), ...(names.networkIds ?? []), ...(names.audienceNetworkIds ?? [])],
      institutionIds: [...(event?.hostIds ?? []), ...(event?.held?.participation.institutionIds ?? []), ...(names.hostIds ?? []), ...(names.institutionIds ?? [])],
      seriesId,
    });
  }

  /** Plans a new event (its id is new); a network head for one of its networks only, checked before anything is written. */
  async plan<P>(
    context: CommandContext,
    eventId: string,
    networkIds: readonly string[],
    decide: { prepare: () => Promise<P>; command: (prepared: P) => EventCommand },
  ): Promise<WriteResult> {
    assertMayWriteFor(context, networkIds, 'the event');
    return this.decide(context, eventId, { prepare: () => decide.prepare(), command: (_state, prepared: P) => decide.command(prepared) });
  }

  /**
   * Decides a command on an event of the caller's department. `networksAfter`: the networks a
   * change gives the event, which a network head must share one of as well.
   */
  async change<P = undefined>(
    context: CommandContext,
    eventId: string,
    decide: {
      networksAfter?: readonly string[];
      prepare?: (event: EventRecord) => Promise<P>;
      command: (event: EventRecord, prepared: P) => EventCommand;
    },
  ): Promise<WriteResult> {
    const existing = (state: EventState): EventRecord => {
      if (state.status === 'none' || state.department !== context.department) throw new NotFound('event', eventId);
      return state;
    };
    return this.decide(context, eventId, {
      ifMatch: context.ifMatch,
      admit: (state) => {
        const event = existing(state);
        assertMayWriteFor(context, event.networkIds, 'the event');
        if (decide.networksAfter) assertMayWriteFor(context, decide.networksAfter, 'the event as corrected');
      },
      prepare: decide.prepare ? (state) => decide.prepare!(existing(state)) : undefined,
      command: (state, prepared: P) => decide.command(existing(state), prepared),
    });
  }

  private async decide<P>(
    context: CommandContext,
    eventId: string,
    options: { ifMatch?: number; admit?: (state: EventState) => void; prepare?: (state: EventState) => Promise<P>; command: (state: EventState, prepared: P) => EventCommand },
  ): Promise<WriteResult> {
    const result = await decideAndAppend<EventState, EventCommand, ReturnType<typeof eventDecider.decide>[number], P>({
      store: this.store,
      decider: eventDecider,
      streamId: eventStream(eventId),
      aggregateId: eventId,
      context,
      describe: (event) => metadataExtrasOf(eventEvents, event),
      ...options,
    });
    return { id: result.id, revision: result.revision, position: result.position };
  }

  /** Establishes a new series; a network head for one of its networks only. */
  async establishSeries(context: CommandContext, seriesId: string, networkIds: readonly string[], command: (facts: Pick<EventFacts, 'networks'>) => EventSeriesCommand): Promise<WriteResult> {
    assertMayWriteFor(context, networkIds, 'the series');
    return this.decideOnSeries(context, seriesId, { prepare: () => this.factsReader.networks(context.department, networkIds), command: (_state, facts) => command(facts) });
  }

  /** Decides a command on a series of the caller's department (another's reads as unknown). */
  async changeSeries(context: CommandContext, seriesId: string, command: (series: Established) => EventSeriesCommand): Promise<WriteResult> {
    const existing = (state: EventSeriesState): Established => {
      if (state.status === 'none' || state.department !== context.department) throw new NotFound('event series', seriesId);
      return state;
    };
    return this.decideOnSeries(context, seriesId, {
      ifMatch: context.ifMatch,
      admit: (state) => assertMayWriteFor(context, existing(state).networkIds, 'the series'),
      command: (state) => command(existing(state)),
    });
  }

  private async decideOnSeries<P>(
    context: CommandContext,
    seriesId: string,
    options: { ifMatch?: number; admit?: (state: EventSeriesState) => void; prepare?: () => Promise<P>; command: (state: EventSeriesState, prepared: P) => EventSeriesCommand },
  ): Promise<WriteResult> {
    const result = await decideAndAppend({
      store: this.store,
      decider: eventSeriesDecider,
      streamId: eventSeriesStream(seriesId),
      aggregateId: seriesId,
      context,
      describe: (event) => metadataExtrasOf(eventSeriesEvents, event),
      ...options,
    });
    return { id: result.id, revision: result.revision, position: result.position };
  }
}
