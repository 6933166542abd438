import {
  CommandContext,
  ConcurrencyConflict,
  Decider,
  NewEvent,
  StaleRevision,
  WriteResult,
  deterministicId,
  metadataFor,
  newId,
} from '@app/kernel';
import { EventStore, NO_STREAM_REVISION, StreamAppend, WrongExpectedRevision } from './event-store.port';
import { DEFAULT_RETRY, RetryPolicy, pauseBeforeRetry, retryPolicy } from './retry-policy';
import { EarlierWrite, StreamStateCache } from './stream-state-cache';

export interface DecideAndAppendOptions<S, C, E extends { type: string; data: unknown }, P = undefined, R = undefined> {
  store: EventStore;
  decider: Decider<S, C, E>;
  streamId: string;
  /** Id of the aggregate, returned in the write result. */
  aggregateId: string;
  /**
   * The command, or a function building it from the current state, what `prepare` gave and what
   * `readOthers` read. It runs again on every attempt, so it must be pure: I/O goes in `prepare`
   * (once) or `readOthers` (reads, on every attempt).
   */
  command: C | ((state: S, prepared: P, others: R) => C);
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
  /**
   * Whether the caller may address this stream at all (its department's records only), checked
   * on the folded state before anything else, If-Match included: a refusal should throw what an
   * unknown id gets, so that no revision of another department's record is ever revealed.
   */
  admit?: (state: S) => void;
  /**
   * The I/O a command needs done once, however many attempts its decision takes: a write outside
   * the event store (a person's name to the vault) or a lookup that no expected revision guards
   * (an institution's closing date for an admission). It runs on the first attempt whose state
   * passed `admit` and If-Match, with that state, and never for a repeated idempotency key; its
   * result is handed to every attempt. The write path cannot undo what it wrote, so that must be
   * harmless when the decision is then refused or never appended (see docs/architecture.md).
   */
  prepare?: (state: S) => Promise<P>;
  /**
   * Other streams the decision rests on (the claim stream of an external code), read afresh on
   * every attempt, after `prepare`: reads only. Their appends go in `companions` with the
   * revisions read here, so a writer who changes them in between makes the append fail and the
   * command be decided again on new reads.
   */
  readOthers?: (state: S, prepared: P) => Promise<R>;
  /**
   * Appends to other streams that must be written together with the decided events (a rule
   * spanning streams, such as the claim of an external code): one multi-stream append,
   * `before` and `after` the stream's own events, each with its expected revision. A stale
   * revision on any of them decides again on fresh reads. Called once per attempt, with the
   * decided events, the state and what `readOthers` read.
   */
  companions?: (events: E[], state: S, others: R) => { before?: StreamAppend[]; after?: StreamAppend[] } | undefined;
  /** How often and after which waits a decision is tried again on a conflict (default {@link DEFAULT_RETRY}). */
  retry?: Partial<RetryPolicy>;
}

type Written = WriteResult & { replayed: boolean };

type Options<S, C, E extends { type: string; data: unknown }, P, R> = DecideAndAppendOptions<S, C, E, P, R>;

/**
 * The write path of every command, in two steps:
 *
 * - **prepare**, once: the command's I/O outside the streams it decides on (`prepare`);
 * - **decide**, on every attempt: read the stream (and `readOthers`), fold it, decide purely,
 *   append with the revision that was read. Another writer in between makes the append fail;
 *   the decision is then made again on fresh reads after a short, growing, jittered wait
 *   ({@link RetryPolicy}), and after the last attempt the command is refused as a conflict.
 *
 * Nothing is appended when the decision refuses. A repeated idempotency key returns the first
 * result and appends nothing, even across a crash between append and response, because the key
 * travels in the events' metadata and their ids derive from it; the key names the write, so a
 * repeat is answered from the first write whatever its body says.
 *
 * With a cache, the stream is read only from the cached revision on, and this process's commands
 * on one stream are decided in batches: every command waiting when a batch starts is decided in
 * turn on the state the ones before it left, and all their events go in one append with the
 * revision the batch read (all or nothing). Without this, commands sent at once all read the same
 * revision and all but one failed their append, each time. A batch whose append is refused (a
 * writer in another process got in between) is decided again from the new revision.
 */
export const decideAndAppend = <S, C, E extends { type: string; data: unknown }, P = undefined, R = undefined>(
  options: Options<S, C, E, P, R>,
): Promise<Written> => {
  const { cache } = options;
  if (!cache) return decideAlone(options);
  // A batch is one append to one stream; writes that span streams go alone.
  if (options.companions || options.readOthers) return Promise.reject(new Error('decideAndAppend: writes spanning streams cannot be batched through a cache'));
  return new Promise<Written>((resolve, reject) => {
    cache.batch<Job<S, C, E, P, R>>(options.streamId, { options, attempt: 1, resolve, reject }, (jobs) => decideBatch(cache, jobs));
  });
};

const policyOf = (options: { retry?: Partial<RetryPolicy> }): RetryPolicy => (options.retry ? retryPolicy(options.retry) : DEFAULT_RETRY);

/** Attempts on a conflict on the command's own stream: one with a stream-wide If-Match (the revision moved, so it is stale). */
const attemptsOf = (options: { ifMatch?: number; resource?: string; retry?: Partial<RetryPolicy> }): number =>
  options.ifMatch === undefined || options.resource !== undefined ? policyOf(options).attempts : 1;

const commandOf = <S, C, E extends { type: string; data: unknown }, P, R>(options: Options<S, C, E, P, R>, state: S, prepared: P, others: R): C =>
  typeof options.command === 'function' ? (options.command as (s: S, p: P, o: R) => C)(state, prepared, others) : options.command;

const eventsOf = <S, C, E extends { type: string; data: unknown }, P, R>(options: Options<S, C, E, P, R>, decided: E[]): NewEvent[] => {
  const { context, streamId } = options;
  const key = context.idempotencyKey;
  return decided.map((event, index) => ({
    id: key ? deterministicId(context.department, key, streamId, String(index)) : newId(),
    type: event.type,
    data: event.data,
    metadata: metadataFor(context, options.describe?.(event) ?? {}),
  }));
};

const checkIfMatch = (ifMatch: number | undefined, current: number): void => {
  // An unknown stream is left to the command, which knows to call it not found.
  if (ifMatch !== undefined && current !== NO_STREAM_REVISION && ifMatch !== current) throw new StaleRevision(ifMatch, current);
};

/** What `prepare` gave, once it ran. */
type Prepared<P> = { value: P };

const prepareOnce = async <S, P>(prepared: Prepared<P> | undefined, prepare: ((state: S) => Promise<P>) | undefined, state: S): Promise<Prepared<P>> =>
  prepared ?? { value: prepare ? await prepare(state) : (undefined as P) };

/** One command, on a stream read and folded in full. */
const decideAlone = async <S, C, E extends { type: string; data: unknown }, P, R>(options: Options<S, C, E, P, R>): Promise<Written> => {
  const { store, decider, streamId, aggregateId, context } = options;
  const cache = new StreamStateCache<S>({ initialState: decider.initialState, evolve: decider.evolve as never, resourcesOf: options.resourcesOf }, 1);
  const key = context.idempotencyKey;
  const policy = policyOf(options);
  let prepared: Prepared<P> | undefined;
  for (let attempt = 1; ; attempt++) {
    const stream = await cache.read(store, streamId, {
      resource: options.resource,
      ...(key ? { idempotency: { department: context.department, key } } : {}),
    });
    if (stream.earlier) return { id: aggregateId, ...stream.earlier, replayed: true };
    const { revision, state } = stream;
    options.admit?.(state);
    checkIfMatch(options.ifMatch, stream.resourceRevision);
    prepared = await prepareOnce(prepared, options.prepare, state);
    const others = options.readOthers ? await options.readOthers(state, prepared.value) : (undefined as R);
    const decided = decider.decide(commandOf(options, state, prepared.value, others), state);
    if (decided.length === 0) return { id: aggregateId, revision, position: stream.position, replayed: false };
    const events = eventsOf(options, decided);
    const expectedRevision = revision === NO_STREAM_REVISION ? 'no_stream' : revision;
    const companions = options.companions?.(decided, state, others);
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
        if (attempt >= policy.attempts) throw new ConcurrencyConflict(`stream ${error.streamId} kept changing; try again`);
      } else {
        // With If-Match, a resource sharing its stream may not have changed: read again and re-check.
        if (options.ifMatch !== undefined && options.resource === undefined) throw new StaleRevision(options.ifMatch, error.actual);
        if (attempt >= attemptsOf(options)) throw new ConcurrencyConflict(`stream ${streamId} kept changing; try again`);
      }
      await pauseBeforeRetry(policy, attempt);
    }
  }
};

/** A command waiting for its stream's next batch. */
interface Job<S, C, E extends { type: string; data: unknown }, P, R> {
  options: Options<S, C, E, P, R>;
  attempt: number;
  /** Set once `prepare` ran for the command: kept across the batches it is decided in again. */
  prepared?: Prepared<P>;
  resolve: (result: Written) => void;
  reject: (error: unknown) => void;
}

/** What a command of a batch came to, told to its caller once the batch's append settles. */
type Outcome =
  /** `last`: the index of its last event in the batch's append. */
  | { kind: 'events'; revision: number; last: number }
  /** `before`: how many of the batch's events were decided before it. */
  | { kind: 'nothing'; revision: number; before: number }
  | { kind: 'replayed'; earlier: EarlierWrite }
  | { kind: 'refused'; error: unknown };

/** The positions the store gave a batch's events (undefined when they cannot be read back). */
const positionsOf = async (store: EventStore, streamId: string, base: number, events: NewEvent[]): Promise<number[] | undefined> => {
  try {
    const recorded = await store.readStream(streamId, { fromRevision: base + 1, maxCount: events.length });
    return recorded.length === events.length && recorded.every((e, i) => e.id === events[i].id) ? recorded.map((e) => e.position) : undefined;
  } catch {
    return undefined;
  }
};

/** Decides a batch of commands on one stream and appends their events together; never throws. */
const decideBatch = async <S, C, E extends { type: string; data: unknown }, P, R>(
  cache: StreamStateCache<S>,
  jobs: Job<S, C, E, P, R>[],
): Promise<Job<S, C, E, P, R>[]> => {
  const { store, decider, streamId } = jobs[0].options;
  const deferred: Job<S, C, E, P, R>[] = [];
  const decidedJobs: Array<[Job<S, C, E, P, R>, Outcome]> = [];
  try {
    const snapshot = await cache.read(store, streamId);
    const keyOf = (job: Job<S, C, E, P, R>) => {
      const { department, idempotencyKey } = job.options.context;
      return idempotencyKey ? { department, key: idempotencyKey } : undefined;
    };
    // Asked at once, while the cache is at the snapshot's revision.
    const looked = jobs.map((job) => snapshot.lookup(job.options.resource, keyOf(job)));
    const base = snapshot.revision;
    let state = snapshot.state;
    let revision = base;
    const changed = new Map<string, number>();
    const keys = new Set<string>();
    const events: NewEvent[] = [];
    for (const [i, job] of jobs.entries()) {
      const { options } = job;
      const key = keyOf(job);
      const keyId = key ? `${key.department}\u0000${key.key}` : undefined;
      // The same key twice in one batch: the second is answered from the first, next batch.
      if (keyId && keys.has(keyId)) {
        deferred.push(job);
        continue;
      }
      const earlier = looked[i].earlier;
      if (earlier) {
        decidedJobs.push([job, { kind: 'replayed', earlier }]);
        continue;
      }
      try {
        const current = options.resource === undefined ? revision : (changed.get(options.resource) ?? looked[i].resourceRevision);
        options.admit?.(state);
        checkIfMatch(options.ifMatch, current);
        job.prepared = await prepareOnce(job.prepared, options.prepare, state);
        const decided = decider.decide(commandOf(options, state, job.prepared.value, undefined as R), state);
        if (decided.length === 0) {
          decidedJobs.push([job, { kind: 'nothing', revision, before: events.length }]);
          continue;
        }
        events.push(...eventsOf(options, decided));
        state = cache.fold(state, decided);
        decided.forEach((event, k) => {
          for (const resource of cache.resourcesOf(event)) changed.set(resource, revision + 1 + k);
        });
        revision += decided.length;
        if (keyId) keys.add(keyId);
        decidedJobs.push([job, { kind: 'events', revision, last: events.length - 1 }]);
      } catch (error) {
        decidedJobs.push([job, { kind: 'refused', error }]);
      }
    }
    // Each event's position once appended; a command's answer carries its last event's.
    let positionOf = (_index: number): number => snapshot.position;
    if (events.length > 0) {
      try {
        const result = await store.append(streamId, events, { expectedRevision: base === NO_STREAM_REVISION ? 'no_stream' : base });
        const positions = decidedJobs.filter(([, o]) => o.kind === 'events').length > 1 ? await positionsOf(store, streamId, base, events) : undefined;
        cache.appended(streamId, base, events, result, positions);
        // Without each position (one command, or the read failed), the batch's last serves:
        // reading at it shows every command of the batch.
        positionOf = (index) => (index < 0 ? snapshot.position : (positions?.[index] ?? result.position));
      } catch (error) {
        if (!(error instanceof WrongExpectedRevision)) {
          // The commands whose events were refused get the error; the others are decided again.
          const again: Job<S, C, E, P, R>[] = [];
          for (const [job, outcome] of decidedJobs) {
            if (outcome.kind === 'events' || job.attempt >= attemptsOf(job.options)) job.reject(error);
            else again.push({ ...job, attempt: job.attempt + 1 });
          }
          return [...again, ...deferred];
        }
        // The store is behind what the cache holds (it was replaced): fold it afresh next time.
        if (error.actual < base) cache.forget(streamId);
        const again: Job<S, C, E, P, R>[] = [];
        for (const [job] of decidedJobs) {
          const { options } = job;
          if (options.ifMatch !== undefined && options.resource === undefined) job.reject(new StaleRevision(options.ifMatch, error.actual));
          else if (job.attempt >= attemptsOf(options)) job.reject(new ConcurrencyConflict(`stream ${streamId} kept changing; try again`));
          else again.push({ ...job, attempt: job.attempt + 1 });
        }
        // A writer in another process holds the stream: give it a moment before deciding again.
        if (again.length > 0) await pauseBeforeRetry(policyOf(again[0].options), Math.max(...again.map((job) => job.attempt - 1)));
        return [...again, ...deferred];
      }
    }
    for (const [job, outcome] of decidedJobs) {
      const id = job.options.aggregateId;
      if (outcome.kind === 'refused') job.reject(outcome.error);
      else if (outcome.kind === 'replayed') job.resolve({ id, ...outcome.earlier, replayed: true });
      else if (outcome.kind === 'events') job.resolve({ id, revision: outcome.revision, position: positionOf(outcome.last), replayed: false });
      else job.resolve({ id, revision: outcome.revision, position: positionOf(outcome.before - 1), replayed: false });
    }
    return deferred;
  } catch (error) {
    // Reading the stream failed, or something no command expected: none of the batch stands.
    for (const job of jobs) if (!deferred.includes(job)) job.reject(error);
    return deferred;
  }
};
