import { AppendResult, EventStore, NO_STREAM_REVISION } from './event-store.port';

/** How a stream's events fold into the state its commands decide on. */
export interface StreamFolding<S> {
  initialState: () => S;
  evolve: (state: S, event: { type: string; data: unknown }) => S;
  /** Folds several events at once (the same result as `evolve` one by one), when that is cheaper. */
  evolveAll?: (state: S, events: ReadonlyArray<{ type: string; data: unknown }>) => S;
  /**
   * The resources an event concerns, when a stream holds several (the networks of a map): the
   * cache remembers the revision of each one's last event, its ETag.
   */
  resourcesOf?: (event: { type: string; data: unknown }) => string[];
}

/** The first write of an idempotency key in a stream: what a repeat of it answers. */
export interface EarlierWrite {
  revision: number;
  position: number;
}

/** A stream as of one revision, captured at once, so later appends cannot change it. */
export interface StreamSnapshot<S> {
  streamId: string;
  /** Revision of the stream's last event, or {@link NO_STREAM_REVISION}. */
  revision: number;
  /** Position of the stream's last event (0 when empty). */
  position: number;
  state: S;
  /** Revision of the last event concerning the resource asked for (see {@link StreamStateCache.read}). */
  resourceRevision: number;
  /** The write an idempotency key asked for was already made, with this result. */
  earlier?: EarlierWrite;
  /**
   * Looks up other resources and keys as of this revision. Valid only until the next await:
   * the cache moves on.
   */
  lookup: (resource?: string, idempotency?: { department: string; key: string }) => { resourceRevision: number; earlier?: EarlierWrite };
}

/** What the cache keeps of one stream. Its maps only grow, one event at a time, in revision order. */
interface Entry<S> {
  revision: number;
  position: number;
  state: S;
  resources: Map<string, number>;
  /** `department \0 key` → the write of the key (its last event). */
  keys: Map<string, EarlierWrite>;
}

const keyOf = (department: string, key: string): string => `${department}\u0000${key}`;

/** Events read per page when a stream is folded from the start. */
const LOAD_PAGE = 1_000;

/**
 * The folded state of hot streams, kept between commands so that a command costs what was
 * appended since the last one, not the stream's whole history.
 *
 * It is safe across processes (and stores) sharing the event store: every read asks the store
 * for the events after the cached revision first (one indexed query that usually returns
 * nothing), and every decision is appended with the revision it was made on, so the store
 * refuses a decision made on a state that another writer has moved past. The state is never
 * mutated: a command holding an older snapshot keeps it intact while others advance the entry.
 *
 * Commands of this process on one stream are decided in batches ({@link StreamStateCache.batch}).
 *
 * At most `maxStreams` streams are kept (least recently used first out); a forgotten stream is
 * folded from the start the next time.
 */
export class StreamStateCache<S> {
  private readonly entries = new Map<string, Entry<S>>();
  /** Streams being folded from the start, so that two commands do not both fold one. */
  private readonly loading = new Map<string, Promise<void>>();
  /** Jobs waiting for the next batch of each stream, and whether a batch is running. */
  private readonly batches = new Map<string, { waiting: unknown[]; running: boolean }>();

  constructor(
    private readonly folding: StreamFolding<S>,
    private readonly maxStreams = 256,
  ) {}

  /**
   * The stream as it is now: the cached fold advanced by the events appended since. `resource`
   * and `idempotency` are looked up in the same instant, so they agree with the revision.
   */
  async read(
    store: EventStore,
    streamId: string,
    lookups: { resource?: string; idempotency?: { department: string; key: string } } = {},
  ): Promise<StreamSnapshot<S>> {
    for (let tries = 0; ; tries++) {
      if (tries > 5) throw new Error(`stream ${streamId} could not be read as a continuation of itself`);
      if (!this.entries.has(streamId)) {
        await this.load(store, streamId);
        // Just folded to its end: nothing to add.
        const loaded = this.entries.get(streamId);
        if (loaded) return this.snapshot(streamId, loaded, lookups);
        continue;
      }
      const cached = this.entries.get(streamId);
      if (!cached) continue;
      const tail = await store.readStream(streamId, { fromRevision: cached.revision + 1 });
      // Another command may have advanced the entry while this one read, or it was dropped.
      const entry = this.entries.get(streamId);
      if (!entry) continue;
      const fresh = tail.filter((event) => event.revision > entry.revision);
      if (fresh.every((event, i) => event.revision === entry.revision + 1 + i)) {
        this.apply(entry, fresh);
        this.remember(streamId, entry);
        return this.snapshot(streamId, entry, lookups);
      }
      // Not the continuation of what is held (a gap): fold the stream afresh rather than guess.
      this.entries.delete(streamId);
    }
  }

  /**
   * Folds events this process has just appended, without reading them back; ignored unless the
   * cache holds the stream exactly at the revision the append started from.
   */
  appended(
    streamId: string,
    afterRevision: number,
    events: ReadonlyArray<{ type: string; data: unknown; metadata: { department?: string; idempotencyKey?: string } }>,
    result: AppendResult,
    /** Each event's position, when known; otherwise each is given the last one's. */
    positions?: readonly number[],
  ): void {
    const entry = this.entries.get(streamId);
    if (!entry || entry.revision !== afterRevision || result.nextRevision !== afterRevision + events.length) return;
    this.apply(
      entry,
      events.map((event, i) => ({
        type: event.type,
        // What the store hands back is JSON: fold that, not the decider's own objects.
        data: JSON.parse(JSON.stringify(event.data ?? null)),
        metadata: event.metadata,
        revision: afterRevision + 1 + i,
        position: positions?.[i] ?? result.position,
      })),
    );
  }

  /**
   * Queues a job for the stream's next batch: `run` gets every job waiting when a batch starts
   * (at most `maxBatch`) and must settle each (it must not throw); batches of one stream run one
   * at a time. `run` may hand jobs back, to be run in the next batch, by returning them.
   */
  batch<J>(streamId: string, job: J, run: (jobs: J[]) => Promise<J[]>, maxBatch = 50): void {
    let queue = this.batches.get(streamId);
    if (!queue) this.batches.set(streamId, (queue = { waiting: [], running: false }));
    queue.waiting.push(job);
    if (queue.running) return;
    queue.running = true;
    const current = queue;
    void (async () => {
      try {
        while (current.waiting.length > 0) {
          const jobs = current.waiting.splice(0, maxBatch) as J[];
          const again = await run(jobs);
          current.waiting.unshift(...again);
        }
      } finally {
        current.running = false;
        if (this.batches.get(streamId) === current && current.waiting.length === 0) this.batches.delete(streamId);
      }
    })();
  }

  /** Folds events onto a state, as the cache folds what it reads. */
  fold(state: S, events: ReadonlyArray<{ type: string; data: unknown }>): S {
    const { evolve, evolveAll } = this.folding;
    return evolveAll ? evolveAll(state, events) : events.reduce(evolve, state);
  }

  /** The resources an event concerns (none without `resourcesOf`). */
  resourcesOf(event: { type: string; data: unknown }): string[] {
    return this.folding.resourcesOf?.(event) ?? [];
  }

  /** Drops what is known of a stream (its store said something the cache did not expect). */
  forget(streamId: string): void {
    this.entries.delete(streamId);
  }

  /**
   * Folds a stream from the start, a page at a time, letting other work run between pages: the
   * first command on a long stream after a start must not hold up every other request.
   */
  private load(store: EventStore, streamId: string): Promise<void> {
    let loading = this.loading.get(streamId);
    if (!loading) {
      loading = (async () => {
        const entry = this.fresh();
        for (;;) {
          const page = await store.readStream(streamId, { fromRevision: entry.revision + 1, maxCount: LOAD_PAGE });
          if (page.some((event, i) => event.revision !== entry.revision + 1 + i)) throw new Error(`stream ${streamId} has a gap at revision ${entry.revision + 1}`);
          this.apply(entry, page);
          if (page.length < LOAD_PAGE) break;
          await new Promise((resolve) => setImmediate(resolve));
        }
        this.remember(streamId, entry);
      })().finally(() => this.loading.delete(streamId));
      this.loading.set(streamId, loading);
    }
    return loading;
  }

  private fresh(): Entry<S> {
    return { revision: NO_STREAM_REVISION, position: 0, state: this.folding.initialState(), resources: new Map(), keys: new Map() };
  }

  /** Folds events that follow the entry's revision, one after the other, into it. */
  private apply(
    entry: Entry<S>,
    events: ReadonlyArray<{ type: string; data: unknown; metadata: { department?: string; idempotencyKey?: string }; revision: number; position: number }>,
  ): void {
    if (events.length === 0) return;
    const { resourcesOf } = this.folding;
    entry.state = this.fold(entry.state, events.map((event) => ({ type: event.type, data: event.data })));
    for (const event of events) {
      if (resourcesOf) for (const resource of resourcesOf(event)) entry.resources.set(resource, event.revision);
      const { idempotencyKey, department } = event.metadata ?? {};
      if (idempotencyKey && department !== undefined) entry.keys.set(keyOf(department, idempotencyKey), { revision: event.revision, position: event.position });
    }
    const last = events[events.length - 1];
    entry.revision = last.revision;
    entry.position = last.position;
  }

  private remember(streamId: string, entry: Entry<S>): void {
    this.entries.delete(streamId);
    this.entries.set(streamId, entry);
    while (this.entries.size > this.maxStreams) this.entries.delete(this.entries.keys().next().value as string);
  }

  private snapshot(streamId: string, entry: Entry<S>, lookups: Parameters<StreamStateCache<S>['read']>[2]): StreamSnapshot<S> {
    const revision = entry.revision;
    const lookup = (resource?: string, idempotency?: { department: string; key: string }) => {
      const earlier = idempotency ? entry.keys.get(keyOf(idempotency.department, idempotency.key)) : undefined;
      return {
        resourceRevision: resource === undefined ? revision : (entry.resources.get(resource) ?? NO_STREAM_REVISION),
        ...(earlier ? { earlier: { ...earlier } } : {}),
      };
    };
    const { resource, idempotency } = lookups ?? {};
    return { streamId, revision, position: entry.position, state: entry.state, ...lookup(resource, idempotency), lookup };
  }
}
