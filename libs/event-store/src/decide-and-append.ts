import {
  CommandContext,
  ConcurrencyConflict,
  Decider,
  StaleRevision,
  WriteResult,
  deterministicId,
  metadataFor,
  newId,
} from '@app/kernel';
import { EventStore, NO_STREAM_REVISION, WrongExpectedRevision } from './event-store.port';
import { StreamStateCache } from './stream-state-cache';

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
   * The resource the client addresses, when the stream holds several (a network in its map): its
   * revision — the revision of the stream's last event that concerns it, as `resourcesOf` (or
   * the cache's) tells — is what `ifMatch` compares. Without it, the stream's revision.
   */
  resource?: string;
  /** The resources an event concerns; used only without a cache (a cache knows its own). */
  resourcesOf?: (event: { type: string; data: unknown }) => string[];
  /**
   * The folded state of the stream kept between commands (see {@link StreamStateCache}); it must
   * fold with this decider's `evolve`. Without it the stream is read and folded in full.
   */
  cache?: StreamStateCache<S>;
  /** Attempts when another writer got in between our read and our append. */
  maxAttempts?: number;
}

/**
 * The write path of every command: read the stream (with a cache: only what was appended since
 * the cached revision), fold it, decide, append with the revision that was read. A repeated
 * idempotency key returns the first result and appends nothing, even across a crash between
 * append and response, because the key travels in the events' metadata and their ids derive
 * from it.
 */
export const decideAndAppend = async <S, C, E extends { type: string; data: unknown }>(
  options: DecideAndAppendOptions<S, C, E>,
): Promise<WriteResult & { replayed: boolean }> => {
  const { store, decider, streamId, aggregateId, context } = options;
  const attempts = options.ifMatch === undefined || options.resource !== undefined ? (options.maxAttempts ?? 5) : 1;
  const cache =
    options.cache ??
    new StreamStateCache<S>({ initialState: decider.initialState, evolve: decider.evolve as never, resourcesOf: options.resourcesOf }, 1);
  const key = context.idempotencyKey;
  const run = async (): Promise<WriteResult & { replayed: boolean }> => {
    for (let attempt = 1; ; attempt++) {
      const stream = await cache.read(store, streamId, {
        resource: options.resource,
        ...(key ? { idempotency: { department: context.department, key } } : {}),
      });
      if (stream.earlier) return { id: aggregateId, ...stream.earlier, replayed: true };
      const { revision, state } = stream;
      // An unknown stream is left to the command, which knows to call it not found.
      const current = stream.resourceRevision;
      if (options.ifMatch !== undefined && current !== NO_STREAM_REVISION && options.ifMatch !== current) {
        throw new StaleRevision(options.ifMatch, current);
      }
      const command = typeof options.command === 'function' ? await (options.command as (s: S) => C | Promise<C>)(state) : options.command;
      const decided = decider.decide(command, state);
      if (decided.length === 0) {
        return { id: aggregateId, revision, position: stream.position, replayed: false };
      }
      const events = decided.map((event, index) => ({
        id: key ? deterministicId(context.department, key, streamId, String(index)) : newId(),
        type: event.type,
        data: event.data,
        metadata: metadataFor(context, options.describe?.(event) ?? {}),
      }));
      try {
        const result = await store.append(streamId, events, {
          expectedRevision: revision === NO_STREAM_REVISION ? 'no_stream' : revision,
        });
        cache.appended(streamId, revision, events, result);
        return { id: aggregateId, revision: result.nextRevision, position: result.position, replayed: false };
      } catch (error) {
        if (!(error instanceof WrongExpectedRevision)) throw error;
        // The store is behind what the cache holds (it was replaced): fold it afresh next time.
        if (error.actual < revision) cache.forget(streamId);
        // With If-Match, a resource sharing its stream may not have changed: read again and re-check.
        if (options.ifMatch !== undefined && options.resource === undefined) throw new StaleRevision(options.ifMatch, error.actual);
        if (attempt >= attempts) throw new ConcurrencyConflict(`stream ${streamId} kept changing; try again`);
      }
    }
  };
  // With a cache, this process's commands on the stream take turns (see StreamStateCache.exclusive).
  return options.cache ? options.cache.exclusive(streamId, run) : run();
};
