import { ABORTED, RecordedEvent, raceAbort } from '@app/kernel';
import { EventStore } from '@app/event-store';
import { EventFeed, FeedMembership } from './event-feed';
import { Projection } from './projection';
import { evolveTouched, touchesOf } from './project-batch';
import { REACTOR_NAME, Reactor, ReactorEnvironment, reactionTo } from './reactor';
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

/** A reactor as status and health show it. */
export interface ReactorStatus {
  name: string;
  /** Its checkpoint: every event up to here has been reacted to. */
  position: number;
  head: number;
  lag: number;
  state: Exclude<ProjectionState, 'rebuilding'>;
  error?: string;
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

/** Any projection, whatever its document type. */
type AnyProjection = Projection<any>;

export interface ProjectionRunnerOptions {
  eventStore: EventStore;
  readStore: ReadStore;
  projections: readonly AnyProjection[];
  /** Reactors that share the feed; each keeps its checkpoint in the read store. */
  reactors?: readonly Reactor[];
  /** What reactors act with besides the event store: the job queue, the clock. */
  reactorEnvironment?: Omit<ReactorEnvironment, 'eventStore'>;
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
  /** See FeedOptions.stragglerMs (default 2,000). */
  stragglerMs?: number;
  logger?: ProjectionLogger;
}

/** One generation of a projection being written: its number and checkpoint. */
interface Track {
  generation: number;
  position: number;
  /**
   * For a projection on the feed: the checkpoint as stored, when `position` ran ahead of it over
   * batches it had nothing in (see `IDLE_CHECKPOINT_MS`); when it was last stored (ms).
   */
  stored?: { position: number; at: number };
}

/**
 * While the feed catches up, a projection with nothing in a batch moves its checkpoint in memory
 * and stores it at most this often (ms): a dozen read models over one log otherwise commit an
 * empty checkpoint each, every batch. Stored again once live, on a stop, and with its next
 * writes; a restart in between reads those batches again, which changes nothing.
 */
const IDLE_CHECKPOINT_MS = 1_000;

/** What both kinds of processor of the feed have. */
interface Processor {
  name: string;
  handles: ReadonlySet<string>;
  /** The active generation (a reactor's is always 1) and its checkpoint; null until started. */
  track: Track | null;
  phase: 'catching-up' | 'live' | 'stopped' | 'failed';
  error?: Error;
  /** Its place in the feed while it follows the log. */
  membership?: FeedMembership;
}

interface ProjectionWorker extends Processor {
  kind: 'projection';
  projection: Projection<Document>;
  rebuilding?: Track;
  /** The rebuild under way, which a second request for one joins. */
  rebuildRun?: Promise<RebuildResult>;
}

/** A reactor has no copies: nothing to rebuild, one checkpoint. */
interface ReactorWorker extends Processor {
  kind: 'reactor';
  reactor: Reactor;
}

type Worker = ProjectionWorker | ReactorWorker;

/** The generation a reactor's checkpoint is kept under. */
const REACTOR_GENERATION = 1;

class Stopped extends Error {
  constructor(what: string) {
    super(`${what}: the projection runner stopped`);
    this.name = 'Stopped';
  }
}

const silentLogger: ProjectionLogger = { log: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * Runs the processors of the event feed: projections and reactors. One reader (EventFeed)
 * reads the global log once, in batches and then live, and hands each batch to every
 * processor; each keeps its own checkpoint, and one behind the others (new, or slower)
 * catches up with reads of its own until it has reached the feed.
 *
 * A projection's batch writes and checkpoint are committed together, and an event at or behind
 * a checkpoint (or behind the position a document was last written at) is skipped, so
 * replaying is harmless and each event is applied exactly once. A reactor reacts to each event
 * at least once: its checkpoint moves after the reactions of a batch, so what a stop or a crash
 * cut short is reacted to again. A processor that throws stops alone, in state 'failed'.
 */
export class ProjectionRunner {
  private readonly eventStore: EventStore;
  private readonly readStore: ReadStore;
  private readonly batchSize: number;
  private readonly pollMs: number;
  private readonly logger: ProjectionLogger;
  private readonly feed: EventFeed;
  private readonly reactorEnvironment: ReactorEnvironment;
  private readonly projections = new Map<string, ProjectionWorker>();
  private readonly reactors = new Map<string, ReactorWorker>();
  private readonly listeners = new Set<() => void>();
  private running = false;
  /** Aborted by stop(): ends rebuilds between batches, and a reactor's wait before a retry. */
  private lifetime = new AbortController();
  private readonly rebuilds = new Set<Promise<unknown>>();

  constructor(options: ProjectionRunnerOptions) {
    this.eventStore = options.eventStore;
    this.readStore = options.readStore;
    this.batchSize = options.batchSize ?? 500;
    this.pollMs = options.pollMs ?? 50;
    this.logger = options.logger ?? silentLogger;
    if (!Number.isSafeInteger(this.batchSize) || this.batchSize < 1) throw new RangeError(`bad batch size ${this.batchSize}`);
    this.feed = new EventFeed({
      eventStore: this.eventStore,
      batchSize: this.batchSize,
      liveBatchSize: options.liveBatchSize,
      liveIdleMs: options.liveIdleMs,
      liveMaxDelayMs: options.liveMaxDelayMs,
      stragglerMs: options.stragglerMs,
      logger: this.logger,
    });
    this.reactorEnvironment = { ...options.reactorEnvironment, eventStore: this.eventStore };
    const taken = (name: string) => this.projections.has(name) || this.reactors.has(name);
    for (const projection of options.projections) {
      if (taken(projection.name)) throw new Error(`two projections are named ${projection.name}`);
      this.projections.set(projection.name, {
        kind: 'projection',
        name: projection.name,
        projection: projection as Projection<Document>,
        handles: new Set(projection.handles),
        track: null,
        phase: 'stopped',
      });
    }
    for (const reactor of options.reactors ?? []) {
      if (!REACTOR_NAME.test(reactor.name)) throw new Error(`reactor ${reactor.name}: a reactor is named <Action>On<Event>, e.g. QueueReportOnReportRequested`);
      if (taken(reactor.name)) throw new Error(`two processors are named ${reactor.name}`);
      this.reactors.set(reactor.name, { kind: 'reactor', name: reactor.name, reactor, handles: new Set(reactor.handles), track: null, phase: 'stopped' });
    }
  }

  /** The projections' names. */
  get names(): string[] {
    return [...this.projections.keys()];
  }

  /** The reactors' names. */
  get reactorNames(): string[] {
    return [...this.reactors.keys()];
  }

  private get workers(): Worker[] {
    return [...this.projections.values(), ...this.reactors.values()];
  }

  /**
   * Loads each projection's active generation (activating generation 1 for a new one) and
   * checkpoint, and each reactor's checkpoint, then lets them follow the log on the feed in the
   * background; resolves once all have started. A processor that cannot start is marked
   * failed; the others start anyway.
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
    this.feed.start();
    const ready: Worker[] = [];
    const interrupted: [ProjectionWorker, Checkpoint][] = [];
    await Promise.all(
      this.workers.map(async (worker) => {
        try {
          worker.error = undefined;
          worker.phase = 'catching-up';
          if (worker.kind === 'reactor') {
            worker.track = await this.loadReactor(worker);
          } else {
            worker.track = await this.loadActive(worker);
            const left = await this.tidyGenerations(worker, worker.track.generation);
            if (left) interrupted.push([worker, left]);
          }
          ready.push(worker);
        } catch (error) {
          this.fail(worker, error);
        }
      }),
    );
    if (!this.running) return;
    // All at once: the feed starts at the furthest checkpoint, and those behind catch up alone.
    this.follow(ready);
    for (const [worker, from] of interrupted) this.resumeRebuild(worker, from);
  }

  /** Stops following, after committing what was already read; rebuilds under way are abandoned. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.lifetime.abort();
    await this.feed.stop();
    await Promise.allSettled([...this.projections.values()].map((worker) => (worker.track ? this.storeIdleCheckpoint(worker, worker.track) : undefined)));
    await Promise.allSettled([...this.rebuilds]);
    for (const worker of this.workers) {
      worker.membership = undefined;
      if (worker.phase !== 'failed') worker.phase = 'stopped';
    }
    this.notify();
  }

  async status(): Promise<ProjectionStatus[]> {
    const head = await this.eventStore.headPosition();
    return [...this.projections.values()].map((worker) => {
      const position = worker.track?.position ?? 0;
      const phase = this.phaseOf(worker);
      const status: ProjectionStatus = {
        name: worker.name,
        generation: worker.track?.generation ?? 0,
        position,
        head,
        lag: Math.max(0, head - position),
        state: phase === 'failed' ? 'failed' : worker.rebuilding ? 'rebuilding' : phase,
      };
      if (worker.error) status.error = worker.error.message;
      if (worker.rebuilding) status.rebuild = { ...worker.rebuilding };
      return status;
    });
  }

  async reactorStatus(): Promise<ReactorStatus[]> {
    const head = await this.eventStore.headPosition();
    return [...this.reactors.values()].map((worker) => {
      const position = worker.track?.position ?? 0;
      const status: ReactorStatus = { name: worker.name, position, head, lag: Math.max(0, head - position), state: this.phaseOf(worker) };
      if (worker.error) status.error = worker.error.message;
      return status;
    });
  }

  /** Live only while it shares a feed that follows the log; catching up otherwise. */
  private phaseOf(worker: Worker): Worker['phase'] {
    if (worker.phase === 'failed' || worker.phase === 'stopped') return worker.phase;
    return worker.membership?.mode === 'shared' && this.feed.isLive ? 'live' : 'catching-up';
  }

  /**
   * Resolves once the projections (all of this runner's by default; reactors may be named too)
   * have processed everything up to `position`; rejects with NotYetConsistent when `timeoutMs`
   * runs out first. Projections this runner does not run are read from the read store's
   * checkpoints.
   */
  waitFor(position: number, options: { projections?: readonly string[]; timeoutMs: number }): Promise<void> {
    return waitForPosition({
      projections: options.projections ?? this.names,
      position,
      timeoutMs: options.timeoutMs,
      pollMs: this.pollMs,
      reached: async (name, fromStore) => {
        const local = (this.projections.get(name) ?? this.reactors.get(name))?.track?.position ?? 0;
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
   * up, the old one leaves the feed, the new one finishes catching up, is activated and joins
   * the feed, and the old one is dropped.
   */
  async rebuild(name: string): Promise<RebuildResult> {
    const worker = this.projections.get(name);
    if (!worker) throw new Error(`no projection named ${name}`);
    // A rebuild under way (one resumed on start, say) reads the whole log with today's code
    // too: a second request waits for it rather than failing.
    if (worker.rebuildRun) return worker.rebuildRun;
    return this.keepRebuild(worker, this.runRebuild(worker));
  }

  private keepRebuild(worker: ProjectionWorker, run: Promise<RebuildResult>): Promise<RebuildResult> {
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
  private resumeRebuild(worker: ProjectionWorker, from: Checkpoint): void {
    this.logger.log({ msg: 'resuming an interrupted rebuild', projection: worker.name, generation: from.generation, position: from.position });
    // Its outcome is logged by runRebuild; nobody waits for it here.
    this.keepRebuild(worker, this.runRebuild(worker, from)).catch(() => undefined);
  }

  /**
   * Drops the copies of a projection older than its active generation that a rebuild did not
   * get to drop (a crash between the swap and the drop); returns the checkpoint of the next
   * generation when an interrupted rebuild left one.
   */
  private async tidyGenerations(worker: ProjectionWorker, active: number): Promise<Checkpoint | null> {
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

  private async runRebuild(worker: ProjectionWorker, resumeFrom?: Checkpoint): Promise<RebuildResult> {
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
      // The new copy reads the log on its own: the feed is near the head, the copy at 0.
      let events = await this.catchUp(worker, fresh, signal);
      if (signal.aborted) throw new Stopped(`rebuild of ${name}`);

      await this.stopFollowing(worker);
      oldStopped = true;
      events += await this.catchUp(worker, fresh, signal);
      if (signal.aborted) throw new Stopped(`rebuild of ${name}`);

      await this.readStore.activate(name, fresh.generation, [collection]);
      worker.track = fresh;
      worker.rebuilding = undefined;
      worker.error = undefined;
      if (this.running) this.follow([worker]);
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
      if (oldStopped && this.running && worker.phase !== 'failed') this.follow([worker]);
      throw error;
    }
  }

  private async loadActive(worker: ProjectionWorker): Promise<Track> {
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

  /**
   * A reactor's checkpoint. It is activated like a projection with no collections, so that
   * `checkpoint(name)` (and a process that only waits, `waitForCheckpoint`) finds it too.
   */
  private async loadReactor(worker: ReactorWorker): Promise<Track> {
    if ((await this.readStore.activeGeneration(worker.name)) === null) {
      await this.readStore.activate(worker.name, REACTOR_GENERATION, []);
    }
    const checkpoint = await this.readStore.checkpoint(worker.name, REACTOR_GENERATION);
    return { generation: REACTOR_GENERATION, position: checkpoint?.position ?? 0 };
  }

  /** Puts processors on the feed, each at its active generation's checkpoint. */
  private follow(workers: readonly Worker[]): void {
    const members = workers.map((worker) => {
      const track = worker.track;
      if (!track) throw new Error(`processor ${worker.name} has no checkpoint loaded`);
      worker.phase = 'catching-up';
      worker.error = undefined;
      return {
        member: { name: worker.name, position: () => track.position, apply: (events: readonly RecordedEvent[]) => this.process(worker, track, events) },
        hooks: {
          failed: (error: unknown) => this.fail(worker, error),
          live: () => {
            if (worker.kind === 'projection') void this.storeIdleCheckpoint(worker, track);
            if (worker.phase === 'catching-up') {
              worker.phase = 'live';
              this.logger.log({ msg: `${worker.kind} live`, [worker.kind]: worker.name, generation: track.generation, position: track.position });
            }
          },
        },
      };
    });
    this.feed.join(members).forEach((membership, i) => (workers[i].membership = membership));
  }

  private async stopFollowing(worker: Worker): Promise<void> {
    const membership = worker.membership;
    if (!membership) return;
    await membership.leave();
    if (worker.membership === membership) worker.membership = undefined;
  }

  private fail(worker: Worker, error: unknown): void {
    const failure = error instanceof Error ? error : new Error(String(error));
    worker.phase = 'failed';
    worker.error = failure;
    this.logger.error({ msg: `${worker.kind} failed`, [worker.kind]: worker.name, error: failure.message, stack: failure.stack });
    this.notify();
  }

  /** Reads batches on its own for a generation until a read comes back empty; returns events read. */
  private async catchUp(worker: ProjectionWorker, track: Track, signal: AbortSignal): Promise<number> {
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

  private process(worker: Worker, track: Track, events: readonly RecordedEvent[]): Promise<void> {
    return worker.kind === 'projection' ? this.apply(worker, track, events, { deferIdle: true }) : this.react(worker, track, events);
  }

  /** Stores the checkpoint of a projection that moved it in memory only (see IDLE_CHECKPOINT_MS). */
  private async storeIdleCheckpoint(worker: ProjectionWorker, track: Track): Promise<void> {
    const stored = track.stored;
    if (!stored || stored.position >= track.position) return;
    const position = track.position;
    try {
      await this.readStore.commit(worker.projection.name, track.generation, position, []);
      if (track.stored === stored) track.stored = { position, at: Date.now() };
    } catch (error) {
      this.logger.warn({ msg: 'could not store a checkpoint; the next commit does', projection: worker.name, position, error: String(error) });
    }
  }

  /**
   * Reacts to a batch, event after event, then moves the reactor's checkpoint past it. A reaction
   * that throws is tried again (`attempts`, with a doubling wait); when every try failed, the
   * checkpoint is moved to just before that event and the reactor fails with its error: the
   * next start begins with that event again. A stop during a wait leaves the same way, without
   * failing.
   */
  private async react(worker: ReactorWorker, track: Track, events: readonly RecordedEvent[]): Promise<void> {
    const fresh = events.filter((event) => event.position > track.position);
    if (fresh.length === 0) return;
    const { reactor } = worker;
    let reached = track.position;
    let failure: unknown;
    for (const event of fresh) {
      if (worker.handles.has(event.type)) {
        const outcome = await this.reactTo(reactor, event);
        if (outcome !== 'done') {
          if (outcome !== 'stopped') failure = outcome.error;
          break;
        }
      }
      reached = event.position;
    }
    if (reached > track.position) {
      await this.readStore.commit(reactor.name, REACTOR_GENERATION, reached, []);
      track.position = reached;
      this.notify();
    }
    if (failure !== undefined) throw failure;
  }

  private async reactTo(reactor: Reactor, event: RecordedEvent): Promise<'done' | 'stopped' | { error: unknown }> {
    const attempts = Math.max(1, reactor.attempts ?? 3);
    let wait = reactor.backoffMs ?? 100;
    for (let attempt = 1; ; attempt++) {
      try {
        await reactor.react(event, reactionTo(reactor.name, event, this.reactorEnvironment));
        return 'done';
      } catch (error) {
        if (attempt >= attempts) return { error };
        this.logger.warn({ msg: 'reaction failed; trying again', reactor: reactor.name, position: event.position, attempt, error: String(error) });
        if ((await raceAbort(new Promise<never>(() => undefined), this.lifetime.signal, wait)) === ABORTED) return 'stopped';
        wait *= 2;
      }
    }
  }
  /**
   * Applies one batch to a generation: loads each touched document once, evolves it through
   * the batch's events (skipping those it already reflects), and commits the writes with the
   * checkpoint at the batch's last event.
   */
  private async apply(worker: ProjectionWorker, track: Track, events: readonly RecordedEvent[], options: { deferIdle?: boolean } = {}): Promise<void> {
    const { projection } = worker;
    // The same two steps the projection specification harness runs (project-batch.ts), so what
    // the specs prove of a projection is what the runner does with it.
    const { touches, last } = touchesOf(projection, track.position, events);
    if (last === null) return;
    if (touches.length === 0 && options.deferIdle && this.phaseOf(worker) === 'catching-up') {
      const stored = (track.stored ??= { position: track.position, at: Date.now() });
      if (Date.now() - stored.at < IDLE_CHECKPOINT_MS) {
        track.position = last;
        if (worker.track === track) this.notify();
        return;
      }
    }
    const writes: DocumentWrite[] = touches.length
      ? evolveTouched(projection, touches, await this.readStore.loadDocuments(projection.collection, track.generation, [...new Set(touches.map((touch) => touch.id))]))
      : [];

    await this.readStore.commit(projection.name, track.generation, last, writes);
    track.position = last;
    if (track.stored) track.stored = { position: last, at: Date.now() };
    if (worker.track === track) this.notify();
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
