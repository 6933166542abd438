import {
  CommandContext,
  ConcurrencyConflict,
  Decider,
  StaleRevision,
  RecordedEvent,
  WriteResult,
  deterministicId,
  metadataFor,
  newId,
} from '@app/kernel';
import { EventStore, NO_STREAM_REVISION, StreamAppend, WrongExpectedRevision } from './event-store.port';

export interface DecideAndAppendOptions<S, C, E extends { type: string; data: unknown }> {
  store: EventStore;
  decider: Decider<S, C, E>;
  streamId: string;
  /** Id of the aggregate, returned in the write result. */
  aggregateId: string;
  /** The command, or a function building it from the current state (for lookups that depend on it). */
  command: C | ((state: S) => C | Promise<C>);
  context: CommandContext;
  /** The revision the client last saw (`If-Match`); a different current revision is refused. */
  ifMatch?: number;
  /** Metadata an event needs beyond the context: its effective date and reason. */
  describe?: (event: E) => { effectiveAt?: string; reason?: string };
  /**
   * The revision of the resource the client addresses, when the stream holds several (a network
   * in its map): the revision of the stream's last event that concerns it. Defaults to the
   * stream's revision.
   */
  resourceRevision?: (history: RecordedEvent[]) => number;
  /**
   * Whether the caller may address this stream at all (its department's records only), checked
   * on the folded state before anything else, If-Match included: a refusal should throw what an
   * unknown id gets, so that no revision of another department's record is ever revealed.
   */
  admit?: (state: S) => void;
  /** Attempts when another writer got in between our read and our append. */
  maxAttempts?: number;
  /**
   * Appends to other streams that must be written together with the decided events (a rule
   * spanning streams, such as the claim of an external code): one multi-stream append,
   * `before` and `after` the stream's own events, each with its expected revision. A stale
   * revision on any of them decides again on fresh reads. Called once per attempt, after the
   * command was built, with the decided events.
   */
  companions?: (events: E[], state: S) => { before?: StreamAppend[]; after?: StreamAppend[] } | undefined;
}

/**
 * The write path of every command: read the stream, fold it, decide, append with the revision
 * that was read. A repeated idempotency key returns the first result and appends nothing, even
 * across a crash between append and response, because the key travels in the events' metadata
 * and their ids derive from it.
 */
export const decideAndAppend = async <S, C, E extends { type: string; data: unknown }>(
  options: DecideAndAppendOptions<S, C, E>,
): Promise<WriteResult & { replayed: boolean }> => {
  const { store, decider, streamId, aggregateId, context } = options;
  const attempts = options.ifMatch === undefined || options.resourceRevision ? (options.maxAttempts ?? 5) : 1;
  for (let attempt = 1; ; attempt++) {
    const history = await store.readStream(streamId);
    const key = context.idempotencyKey;
    if (key) {
      const earlier = history.filter((e) => e.metadata.idempotencyKey === key && e.metadata.department === context.department);
      if (earlier.length > 0) {
        const last = earlier[earlier.length - 1];
        return { id: aggregateId, revision: last.revision, position: last.position, replayed: true };
      }
    }
    const state = history.reduce((s, e) => decider.evolve(s, { type: e.type, data: e.data } as E), decider.initialState());
    options.admit?.(state);
    const revision = history.length ? history[history.length - 1].revision : NO_STREAM_REVISION;
    // An unknown stream is left to the command, which knows to call it not found.
    const current = options.resourceRevision ? options.resourceRevision(history) : revision;
    if (options.ifMatch !== undefined && current !== NO_STREAM_REVISION && options.ifMatch !== current) {
      throw new StaleRevision(options.ifMatch, current);
    }
    const command = typeof options.command === 'function' ? await (options.command as (s: S) => C | Promise<C>)(state) : options.command;
    const decided = decider.decide(command, state);
    if (decided.length === 0) {
      return { id: aggregateId, revision, position: history.length ? history[history.length - 1].position : 0, replayed: false };
    }
    const events = decided.map((event, index) => ({
      id: key ? deterministicId(context.department, key, streamId, String(index)) : newId(),
      type: event.type,
      data: event.data,
      metadata: metadataFor(context, options.describe?.(event) ?? {}),
    }));
    const expectedRevision = revision === NO_STREAM_REVISION ? 'no_stream' : revision;
    const companions = options.companions?.(decided, state);
    try {
      let result;
      if (companions && (companions.before?.length || companions.after?.length)) {
        const before = companions.before ?? [];
        const results = await store.appendMany([...before, { streamId, events, expectedRevision }, ...(companions.after ?? [])]);
        result = results[before.length];
      } else {
        result = await store.append(streamId, events, { expectedRevision });
      }
      return { id: aggregateId, revision: result.nextRevision, position: result.position, replayed: false };
    } catch (error) {
      if (!(error instanceof WrongExpectedRevision)) throw error;
      // Another writer changed a companion stream, not ours: decide again on fresh reads.
      if (error.streamId !== streamId) {
        if (attempt >= (options.maxAttempts ?? 5)) throw new ConcurrencyConflict(`stream ${error.streamId} kept changing; try again`);
        continue;
      }
      // With If-Match, a resource sharing its stream may not have changed: read again and re-check.
      if (options.ifMatch !== undefined && !options.resourceRevision) throw new StaleRevision(options.ifMatch, error.actual);
      if (attempt >= attempts) throw new ConcurrencyConflict(`stream ${streamId} kept changing; try again`);
    }
  }
};
