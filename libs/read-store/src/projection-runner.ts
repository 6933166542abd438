import { ABORTED, RecordedEvent, TIMED_OUT, raceAbort } from '@app/kernel';
import { EventStore } from '@app/event-store/event-store.port';
import { Projection } from './projection';
import { Checkpoint, Document, DocumentWrite, ReadStore } from './read-store.port';
import { waitForPosition } from './wait-for-checkpoint';

export { waitForCheckpoint } from './wait-for-checkpoint';

export type ProjectionState = 'catching-up' | 'live' | 'rebuilding' | 'stopped' | 'failed';

export interface ProjectionStatus {
  name: string;
  /** The active generation, the one reads go to. */
  generation: number;
  /** The active generation's checkpoint. */
  position: number;
  head: number;
  lag: number;
  state: ProjectionState;
  error?: string;
  /** While a rebuild runs: the generation it builds and how far it got. */
  rebuild?: { generation: number; position: number };
}

export interface RebuildResult {
  projection: string;
  /** The generation now active. */
  generation: number;
  /** Its checkpoint when it was activated. */
  position: number;
  /** Events the rebuild read from the log. */
  events: number;
}

export interface ProjectionLogger {
  log(message: unknown, ...rest: unknown[]): void;
  warn(message: unknown, ...rest: unknown[]): void;
  error(message: unknown, ...rest: unknown[]): void;
}

export interface ProjectionRunnerOptions {
  eventStore: EventStore;
  readStore: ReadStore;
  projections: Projection<any>[];
  /** Events per catch-up batch (default 500). */
  batchSize?: number;
  /** Live events per commit at most (default 100). */
  liveBatchSize?: number;
  /** A live batch is committed once no event arrived for this long (ms, default 5)... */
  liveIdleMs?: number;
  /** ...or once its first event waited this long (ms, default 50). */
  liveMaxDelayMs?: number;
  /** How often waitFor also asks the read store (ms, default 50). */
  pollMs?: number;
  logger?: ProjectionLogger;
}

/** One generation of a projection being written: its number and checkpoint. */
interface Track {
  generation: number;
  position: number;
}

interface Follower {
  controller: AbortController;
  done: Promise<void>;
}

interface Worker {
  projection: Projection<Document>;
  handles: ReadonlySet<string>;
  /** The active generation; null until started. */
  track: Track | null;
  phase: 'catching-up' | 'live' | 'stopped' | 'failed';
  error?: Error;
  follower?: Follower;
  rebuilding?: Track;
  /** The rebuild under way, which a second request for one joins. */
  rebuildRun?: Promise<RebuildResult>;
}

class Stopped extends Error {
  constructor(what: string) {
    super(`${what}: the projection runner stopped`);
    this.name = 'Stopped';
  }
}

const silentLogger: ProjectionLogger = { log: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * Runs projections: each catches up from its checkpoint in batches, then follows the log
 * live. Every batch's document writes and checkpoint are committed together, and an event at
 * or behind a checkpoint (or behind the position a document was last written at) is skipped,
 * so replaying is harmless and each event is applied exactly once. A projection that throws
 * stops alone, in state 'failed'.
 */
export class ProjectionRunner {
  private readonly eventStore: EventStore;
  private readonly readStore: ReadStore;
  private readonly batchSize: number;
  private readonly liveBatchSize: number;
  private readonly liveIdleMs: number;
  private readonly liveMaxDelayMs: number;
  private readonly pollMs: number;
  private readonly logger: ProjectionLogger;
  private readonly workers = new Map<string, Worker>();
  private readonly listeners = new Set<() => void>();
  private running = false;
  /** Aborted by stop(): ends rebuilds between batches. */
  private lifetime = new AbortController();
  private readonly rebuilds = new Set<Promise<unknown>>();

  constructor(options: ProjectionRunnerOptions) {
    this.eventStore = options.eventStore;
    this.readStore = options.readStore;
    this.batchSize = options.batchSize ?? 500;
    this.liveBatchSize = options.liveBatchSize ?? 100;
    this.liveIdleMs = options.liveIdleMs ?? 5;
    this.liveMaxDelayMs = options.liveMaxDelayMs ?? 50;
    this.pollMs = options.pollMs ?? 50;
    this.logger = options.logger ?? silentLogger;
    if (!Number.isSafeInteger(this.batchSize) || this.batchSize < 1) throw new RangeError(`bad batch size ${this.batchSize}`);
    for (const projection of options.projections) {
      if (this.workers.has(projection.name)) throw new Error(`two projections are named ${projection.name}`);
      this.workers.set(projection.name, {
        projection: projection as Projection<Document>,
        handles: new Set(projection.handles),
        track: null,
        phase: 'stopped',
      });
    }
  }

  get names(): string[] {
    return [...this.workers.keys()];
  }

  /**
   * Loads each projection's active generation (activating generation 1 for a new one) and
   * checkpoint, then lets it catch up and follow in the background; resolves once all have
   * started. A projection that cannot start is marked failed; the others start anyway.
   *
   * What a rebuild cut short (a crash, a stop) left behind is dealt with first: copies older
   * than the active generation that a swap did not get to drop are dropped, and a next
   * generation with a checkpoint is the copy of a rebuild that was under way: that rebuild
   * resumes in the background from its checkpoint (its commits are whole batches, so going on
   * from there is exact), and swaps when it has caught up.
   */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.lifetime = new AbortController();
    await Promise.all(
      [...this.workers.values()].map(async (worker) => {
        try {
          worker.error = undefined;
          worker.phase = 'catching-up';
          worker.track = await this.loadActive(worker);
          const interrupted = await this.tidyGenerations(worker, worker.track.generation);
          if (this.running) this.startFollower(worker);
          if (this.running && interrupted) this.resumeRebuild(worker, interrupted);
        } catch (error) {
          this.fail(worker, error);
        }
      }),
    );
  }

  /** Stops following, after committing what was already read; rebuilds under way are abandoned. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.lifetime.abort();
    await Promise.all([...this.workers.values()].map((worker) => this.stopFollower(worker)));
    await Promise.allSettled([...this.rebuilds]);
    for (const worker of this.workers.values()) if (worker.phase !== 'failed') worker.phase = 'stopped';
    this.notify();
  }

  async status(): Promise<ProjectionStatus[]> {
    const head = await this.eventStore.headPosition();
    return [...this.workers.values()].map((worker) => {
      const position = worker.track?.position ?? 0;
      const status: ProjectionStatus = {
        name: worker.projection.name,
        generation: worker.track?.generation ?? 0,
        position,
        head,
        lag: Math.max(0, head - position),
        state: worker.phase === 'failed' ? 'failed' : worker.rebuilding ? 'rebuilding' : worker.phase,
      };
      if (worker.error) status.error = worker.error.message;
      if (worker.rebuilding) status.rebuild = { ...worker.rebuilding };
      return status;
    });
  }

  /**
   * Resolves once the projections (all of this runner's by default) have applied everything up
   * to `position`; rejects with NotYetConsistent when `timeoutMs` runs out first. Projections
   * this runner does not run are read from the read store's checkpoints.
   */
  waitFor(position: number, options: { projections?: readonly string[]; timeoutMs: number }): Promise<void> {
    return waitForPosition({
      projections: options.projections ?? this.names,
      position,
      timeoutMs: options.timeoutMs,
      pollMs: this.pollMs,
      reached: async (name, fromStore) => {
        const local = this.workers.get(name)?.track?.position ?? 0;
        if (!fromStore) return local;
        const stored = (await this.readStore.checkpoint(name))?.position ?? 0;
        return Math.max(local, stored);
      },
      subscribe: (wake) => {
        this.listeners.add(wake);
        return () => this.listeners.delete(wake);
      },
    });
  }

  /**
   * Builds the next generation of a projection from the start of the log into fresh copies,
   * while the active one keeps serving reads and following. Once the new generation has caught
   * up, the old one stops, the new one finishes catching up, is activated and follows live, and
   * the old one is dropped.
   */
  async rebuild(name: string): Promise<RebuildResult> {
    const worker = this.workers.get(name);
    if (!worker) throw new Error(`no projection named ${name}`);
    // A rebuild under way (one resumed on start, say) reads the whole log with today's code
    // too: a second request waits for it rather than failing.
    if (worker.rebuildRun) return worker.rebuildRun;
    return this.keepRebuild(worker, this.runRebuild(worker));
  }

  private keepRebuild(worker: Worker, run: Promise<RebuildResult>): Promise<RebuildResult> {
    worker.rebuildRun = run;
    this.rebuilds.add(run);
    const forget = () => {
      this.rebuilds.delete(run);
      if (worker.rebuildRun === run) worker.rebuildRun = undefined;
    };
    run.then(forget, forget);
    return run;
  }

  /** Goes on with a rebuild that a crash or a stop cut short, from its copy's checkpoint. */
  private resumeRebuild(worker: Worker, from: Checkpoint): void {
    this.logger.log({ msg: 'resuming an interrupted rebuild', projection: worker.projection.name, generation: from.generation, position: from.position });
    // Its outcome is logged by runRebuild; nobody waits for it here.
    this.keepRebuild(worker, this.runRebuild(worker, from)).catch(() => undefined);
  }

  /**
   * Drops the copies of a projection older than its active generation that a rebuild did not
   * get to drop (a crash between the swap and the drop); returns the checkpoint of the next
   * generation when an interrupted rebuild left one.
   */
  private async tidyGenerations(worker: Worker, active: number): Promise<Checkpoint | null> {
    const { name, collection } = worker.projection;
    for (let generation = active - 1; generation >= 1; generation--) {
      const left = await this.readStore.checkpoint(name, generation);
      await this.readStore.dropGeneration(name, generation, [collection]);
      if (left) this.logger.log({ msg: 'dropped a replaced generation', projection: name, generation });
      // Each swap drops the generation before it; one older than a clean one is not looked for.
      else break;
    }
    return this.readStore.checkpoint(name, active + 1);
  }

  private async runRebuild(worker: Worker, resumeFrom?: Checkpoint): Promise<RebuildResult> {
    const { name, collection } = worker.projection;
    // Stopping the runner abandons a rebuild; one run while the runner is stopped just finishes.
    const signal = this.running ? this.lifetime.signal : new AbortController().signal;
    const old = worker.track ?? (await this.loadActive(worker));
    worker.track = old;
    const resuming = resumeFrom !== undefined && resumeFrom.generation === old.generation + 1;
    const fresh: Track = { generation: old.generation + 1, position: resuming ? resumeFrom.position : 0 };
    worker.rebuilding = fresh;
    let oldStopped = false;
    try {
      // Leftovers of an earlier, interrupted rebuild of the same generation go first, unless
      // this is that rebuild going on; either way the copy gets the projection's indexes.
      if (!resuming) await this.readStore.dropGeneration(name, fresh.generation, [collection]);
      await this.readStore.prepare(collection, fresh.generation, worker.projection.indexes ?? []);
      this.logger.log({ msg: 'rebuilding projection', projection: name, generation: fresh.generation, from: fresh.position });
      let events = await this.catchUp(worker, fresh, signal);
      if (signal.aborted) throw new Stopped(`rebuild of ${name}`);

      await this.stopFollower(worker);
      oldStopped = true;
      events += await this.catchUp(worker, fresh, signal);
      if (signal.aborted) throw new Stopped(`rebuild of ${name}`);

      await this.readStore.activate(name, fresh.generation, [collection]);
      worker.track = fresh;
      worker.rebuilding = undefined;
      worker.error = undefined;
      if (this.running) this.startFollower(worker);
      else worker.phase = 'stopped';
      this.notify();
      try {
        await this.readStore.dropGeneration(name, old.generation, [collection]);
      } catch (error) {
        this.logger.warn({ msg: 'could not drop the replaced generation', projection: name, generation: old.generation, error: String(error) });
      }
      this.logger.log({ msg: 'projection rebuilt', projection: name, generation: fresh.generation, position: fresh.position, events });
      return { projection: name, generation: fresh.generation, position: fresh.position, events };
    } catch (error) {
      worker.rebuilding = undefined;
      if (error instanceof Stopped) {
        // A stop is not a failure: the copy stays, and the next start goes on with it.
        this.logger.warn({ msg: 'rebuild interrupted; it resumes on the next start', projection: name, generation: fresh.generation, position: fresh.position });
      } else {
        this.logger.error({ msg: 'rebuild failed', projection: name, generation: fresh.generation, error: String(error) });
        // A failed copy would be resumed on every start and fail again: it goes.
        if (worker.track?.generation !== fresh.generation) {
          await this.readStore.dropGeneration(name, fresh.generation, [collection]).catch((dropError: unknown) =>
            this.logger.warn({ msg: 'could not drop the failed generation', projection: name, generation: fresh.generation, error: String(dropError) }),
          );
        }
      }
      // The old generation still serves reads; it goes on following unless it had failed.
      if (oldStopped && this.running && worker.phase !== 'failed') this.startFollower(worker);
      throw error;
    }
  }

  private async loadActive(worker: Worker): Promise<Track> {
    const { name, collection } = worker.projection;
    let generation = await this.readStore.activeGeneration(name);
    // The copy gets its indexes before it is first written or read (an existing one gets those
    // added since).
    await this.readStore.prepare(collection, generation ?? 1, worker.projection.indexes ?? []);
    if (generation === null) {
      generation = 1;
      await this.readStore.activate(name, generation, [collection]);
    }
    const checkpoint = await this.readStore.checkpoint(name, generation);
    return { generation, position: checkpoint?.position ?? 0 };
  }

  private startFollower(worker: Worker): void {
    const track = worker.track;
    if (!track) throw new Error(`projection ${worker.projection.name} has no active generation`);
    const controller = new AbortController();
    worker.phase = 'catching-up';
    worker.error = undefined;
    const done = this.follow(worker, track, controller.signal).catch((error) => this.fail(worker, error));
    worker.follower = { controller, done };
  }

  private async stopFollower(worker: Worker): Promise<void> {
    const follower = worker.follower;
    if (!follower) return;
    follower.controller.abort();
    await follower.done;
    if (worker.follower === follower) worker.follower = undefined;
  }

  private fail(worker: Worker, error: unknown): void {
    const failure = error instanceof Error ? error : new Error(String(error));
    worker.phase = 'failed';
    worker.error = failure;
    this.logger.error({ msg: 'projection failed', projection: worker.projection.name, error: failure.message, stack: failure.stack });
    this.notify();
  }

  /** Catches up in batches, then follows live until the signal aborts. */
  private async follow(worker: Worker, track: Track, signal: AbortSignal): Promise<void> {
    await this.catchUp(worker, track, signal);
    if (signal.aborted) return;
    worker.phase = 'live';
    this.logger.log({ msg: 'projection live', projection: worker.projection.name, generation: track.generation, position: track.position });
    await this.followLive(worker, track, signal);
  }

  /** Applies batches read from the log until a read comes back empty; returns events read. */
  private async catchUp(worker: Worker, track: Track, signal: AbortSignal): Promise<number> {
    let read = 0;
    while (!signal.aborted) {
      const events = await this.eventStore.readAll({ after: track.position, maxCount: this.batchSize });
      if (events.length === 0) break;
      const before = track.position;
      read += events.length;
      await this.apply(worker, track, events);
      // A log that answers with nothing new would otherwise be asked forever.
      if (track.position === before) break;
    }
    return read;
  }

  /**
   * Follows the log, committing events that arrive together as one batch: when none arrives
   * for a short while, when the batch's first event has waited long enough, or when it is full.
   * On abort the batch in hand is committed before returning.
   */
  private async followLive(worker: Worker, track: Track, signal: AbortSignal): Promise<void> {
    const iterator = this.eventStore.follow({ after: track.position, signal })[Symbol.asyncIterator]();
    let batch: RecordedEvent[] = [];
    let batchStarted = 0;
    let pending: Promise<IteratorResult<RecordedEvent>> | null = null;
    try {
      for (;;) {
        const next: Promise<IteratorResult<RecordedEvent>> = pending ?? iterator.next();
        pending = null;
        // Each wait attaches to the signal only while it lasts (see raceAbort): a race against
        // one long-lived stop promise would keep every event this follower ever applied.
        const wait =
          batch.length === 0
            ? undefined
            : Math.max(0, Math.min(this.liveIdleMs, batchStarted + this.liveMaxDelayMs - Date.now()));
        const outcome = await raceAbort(next, signal, wait);
        if (outcome === TIMED_OUT) {
          pending = next;
          await this.apply(worker, track, batch);
          batch = [];
          continue;
        }
        if (outcome === ABORTED) {
          pending = next;
          break;
        }
        if (outcome.done) {
          pending = null;
          if (!signal.aborted) this.logger.warn({ msg: 'the event log follow ended', projection: worker.projection.name });
          break;
        }
        if (batch.length === 0) batchStarted = Date.now();
        batch.push(outcome.value);
        if (batch.length >= this.liveBatchSize) {
          await this.apply(worker, track, batch);
          batch = [];
        }
      }
      if (batch.length) await this.apply(worker, track, batch);
    } finally {
      // The store ends its follow on abort; a pending read is left to settle on its own.
      if (pending) void pending.catch(() => undefined);
      void Promise.resolve(iterator.return?.()).catch(() => undefined);
      if (!signal.aborted && worker.phase === 'live') worker.phase = 'stopped';
    }
  }

  /**
   * Applies one batch to a generation: loads each touched document once, evolves it through
   * the batch's events (skipping those it already reflects), and commits the writes with the
   * checkpoint at the batch's last event.
   */
  private async apply(worker: Worker, track: Track, events: readonly RecordedEvent[]): Promise<void> {
    const fresh = events.filter((event) => event.position > track.position);
    if (fresh.length === 0) return;
    const { projection, handles } = worker;
    const last = fresh[fresh.length - 1].position;

    const touches: { event: RecordedEvent; id: string }[] = [];
    for (const event of fresh) {
      if (!handles.has(event.type)) continue;
      const touched = projection.documentId(event);
      if (touched === null || touched === undefined) continue;
      for (const id of Array.isArray(touched) ? touched : [touched]) touches.push({ event, id });
    }

    const writes: DocumentWrite[] = [];
    if (touches.length) {
      const ids = [...new Set(touches.map((touch) => touch.id))];
      const stored = await this.readStore.loadDocuments(projection.collection, track.generation, ids);
      const cache = new Map<string, { doc: Document | null; since: number; existed: boolean; changedAt: number }>();
      for (const id of ids) {
        const known = stored.get(id);
        cache.set(id, { doc: known?.doc ?? null, since: known?.position ?? 0, existed: !!known?.doc, changedAt: 0 });
      }
      for (const { event, id } of touches) {
        const entry = cache.get(id)!;
        // The stored document already reflects this event (a batch cut short and replayed).
        if (event.position <= entry.since) continue;
        const next = projection.evolve(entry.doc, event, id);
        if (next !== null && next.id !== id) {
          throw new Error(`projection ${projection.name} returned document ${String(next.id)} for ${id} (event ${event.position})`);
        }
        entry.doc = next;
        entry.changedAt = event.position;
      }
      for (const [id, entry] of cache) {
        if (entry.changedAt === 0) continue;
        if (entry.doc) writes.push({ op: 'put', collection: projection.collection, doc: entry.doc, position: entry.changedAt });
        else if (entry.existed || entry.since > 0) {
          writes.push({ op: 'delete', collection: projection.collection, id, position: entry.changedAt });
        }
      }
    }

    await this.readStore.commit(projection.name, track.generation, last, writes);
    track.position = last;
    if (worker.track === track) this.notify();
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
