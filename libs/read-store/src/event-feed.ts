import { ABORTED, RecordedEvent, TIMED_OUT, raceAbort } from '@app/kernel';
import type { EventStore } from '@app/event-store';

/** A processor as the feed sees it: how far it got, and how to hand it a batch. */
export interface FeedMember {
  readonly name: string;
  /** The position it has processed everything up to; it is handed only what comes after. */
  position(): number;
  /**
   * Processes a batch of the log, oldest first. The batch may begin at or before its position
   * (events it has are its own to skip). Throwing fails the member: it leaves the feed.
   */
  apply(events: readonly RecordedEvent[]): Promise<void>;
}

/** What the feed tells the owner of a member. */
export interface FeedMemberHooks {
  /** Its apply threw (or a read for it failed); it has left the feed. */
  failed(error: unknown): void;
  /** It now receives the shared feed, which follows the log live. */
  live?(): void;
}

export interface FeedOptions {
  eventStore: EventStore;
  /** Events per catch-up read (default 500). */
  batchSize?: number;
  /** Live events per batch at most (default 100). */
  liveBatchSize?: number;
  /** A live batch is handed out once no event arrived for this long (ms, default 5)... */
  liveIdleMs?: number;
  /** ...or once its first event waited this long (ms, default 50). */
  liveMaxDelayMs?: number;
  /**
   * Batches read ahead for a member still applying an earlier one (default 4): the others go on
   * meanwhile.
   */
  maxBacklog?: number;
  /**
   * A member whose backlog is full keeps the feed from reading on, and so holds back the others;
   * after this long (ms, default 1,000) it leaves the shared feed and catches up on its own.
   */
  stragglerMs?: number;
  logger?: { log(message: unknown): void; warn(message: unknown): void };
}

/** Where a member is: catching up with reads of its own, or receiving the shared feed. */
export type FeedMemberMode = 'solo' | 'shared';

/** A member's place in the feed; `leave` takes it out. */
export interface FeedMembership {
  readonly mode: FeedMemberMode;
  /** Stops handing it batches and waits for the one it is applying. */
  leave(): Promise<void>;
}

interface Entry extends FeedMembership {
  member: FeedMember;
  hooks: FeedMemberHooks;
  mode: FeedMemberMode;
  left: boolean;
  failed: boolean;
  /** Batches handed to it and not yet applied, oldest first (the first is being applied). */
  backlog: (readonly RecordedEvent[])[];
  /** What it is doing now (applying its backlog, its catch-up); work for one member never overlaps. */
  activity: Promise<void>;
}

/**
 * One reader of the global log for many processors. It reads each batch once and hands it to
 * every member that shares it; each member keeps its own position (checkpoint).
 *
 * A member joins at its own position. One behind the feed catches up with reads of its own
 * (`solo`) until it has reached the feed, then shares it; the others do not wait for it. Each
 * member applies the batches handed to it in order, at its own pace, with a few read ahead
 * (`maxBacklog`); one whose backlog stays full (much slower than the others, see `stragglerMs`)
 * goes back to reading on its own, and one that throws leaves. The feed catches up in batches,
 * then follows the log live, grouping events that arrive together.
 *
 * The invariant that makes joining safe: `through` is the last position handed to the members
 * that share the feed, and a member joins only once its own position is at or past it; the
 * feed hands out nothing but what comes after `through`.
 */
export class EventFeed {
  private readonly eventStore: EventStore;
  private readonly batchSize: number;
  private readonly liveBatchSize: number;
  private readonly liveIdleMs: number;
  private readonly liveMaxDelayMs: number;
  private readonly maxBacklog: number;
  private readonly stragglerMs: number;
  private readonly logger: NonNullable<FeedOptions['logger']>;
  private readonly entries = new Set<Entry>();
  private readonly sharing = new Set<Entry>();
  /** The last position handed to the sharing members (or where the feed starts). */
  private through = 0;
  private live = false;
  private running = false;
  private reading: { controller: AbortController; done: Promise<void> } | null = null;
  /** Called whenever a member has applied a batch (the feed may be waiting for room). */
  private applied: (() => void) | null = null;

  constructor(options: FeedOptions) {
    this.eventStore = options.eventStore;
    this.batchSize = options.batchSize ?? 500;
    this.liveBatchSize = options.liveBatchSize ?? 100;
    this.liveIdleMs = options.liveIdleMs ?? 5;
    this.liveMaxDelayMs = options.liveMaxDelayMs ?? 50;
    this.maxBacklog = Math.max(1, options.maxBacklog ?? 4);
    this.stragglerMs = options.stragglerMs ?? 1000;
    this.logger = options.logger ?? { log: () => undefined, warn: () => undefined };
    if (!Number.isSafeInteger(this.batchSize) || this.batchSize < 1) throw new RangeError(`bad batch size ${this.batchSize}`);
  }

  /** Whether the shared read follows the log live (it has caught up). */
  get isLive(): boolean {
    return this.live;
  }

  /** Members by mode, for status and tests. */
  modes(): Map<string, FeedMemberMode> {
    return new Map([...this.entries].map((entry) => [entry.member.name, entry.mode]));
  }

  start(): void {
    this.running = true;
    // Started again after a stop: where it begins is decided by the members that join.
    if (this.entries.size === 0 && !this.reading) this.through = 0;
  }

  /**
   * Takes members in. When nobody shares the feed yet, it starts at the furthest of them: those
   * there share it at once, the others catch up on their own meanwhile (a new processor at 0
   * does not hold back those already at the head).
   */
  join(members: readonly { member: FeedMember; hooks: FeedMemberHooks }[]): FeedMembership[] {
    if (!this.running) throw new Error('the feed is not running');
    if (this.sharing.size === 0 && !this.reading) {
      this.through = Math.max(this.through, ...members.map(({ member }) => member.position()));
    }
    return members.map(({ member, hooks }) => {
      const entry: Entry = {
        member,
        hooks,
        mode: 'solo',
        left: false,
        failed: false,
        backlog: [],
        activity: Promise.resolve(),
        leave: () => this.leave(entry),
      };
      this.entries.add(entry);
      entry.activity = this.catchUpAlone(entry);
      return entry;
    });
  }

  /** Stops reading; the live batch in hand is handed out and every backlog applied first. Members are taken out. */
  async stop(): Promise<void> {
    this.running = false;
    this.reading?.controller.abort();
    await this.reading?.done;
    await Promise.all([...this.entries].map((entry) => this.leave(entry)));
  }

  /** No batch is handed to it any more; what it was handed already, it applies first. */
  private async leave(entry: Entry): Promise<void> {
    entry.left = true;
    this.sharing.delete(entry);
    this.entries.delete(entry);
    this.stopReadingWhenAlone();
    await entry.activity;
  }

  private fail(entry: Entry, error: unknown): void {
    entry.backlog = [];
    if (entry.failed) return;
    entry.failed = true;
    entry.left = true;
    this.sharing.delete(entry);
    this.entries.delete(entry);
    this.stopReadingWhenAlone();
    entry.hooks.failed(error);
  }

  /** Reads on the member's own until it has reached the feed, then lets it share the feed. */
  private async catchUpAlone(entry: Entry): Promise<void> {
    entry.mode = 'solo';
    try {
      while (this.running && !entry.left) {
        if (entry.member.position() >= this.through) {
          this.share(entry);
          return;
        }
        const events = await this.eventStore.readAll({ after: entry.member.position(), maxCount: this.batchSize });
        if (!this.running || entry.left) return;
        const before = entry.member.position();
        if (events.length > 0) await entry.member.apply(events);
        // A log that answers with nothing new below the feed's position would be asked forever.
        if (entry.member.position() === before) throw new Error(`the log gave nothing after ${before}, though the feed has read to ${this.through}`);
      }
    } catch (error) {
      this.fail(entry, error);
    }
  }

  private share(entry: Entry): void {
    entry.mode = 'shared';
    this.sharing.add(entry);
    if (this.live) entry.hooks.live?.();
    if (!this.reading && this.running) this.startReading();
  }

  private startReading(): void {
    const controller = new AbortController();
    const done = this.read(controller.signal)
      .catch((error: unknown) => {
        // The shared read failed: every member that depended on it fails, as each would alone.
        for (const entry of [...this.sharing]) this.fail(entry, error);
      })
      .finally(() => {
        if (this.reading?.controller === controller) this.reading = null;
        this.live = false;
        // A member may have joined while the read was winding down.
        if (this.sharing.size > 0 && this.running) this.startReading();
      });
    this.reading = { controller, done };
  }

  /** With nobody to hand batches to, the shared read stops (and starts again on a join). */
  private stopReadingWhenAlone(): void {
    if (this.sharing.size === 0) this.reading?.controller.abort();
  }

  private async read(signal: AbortSignal): Promise<void> {
    await this.catchUp(signal);
    if (signal.aborted) return;
    this.live = true;
    for (const entry of this.sharing) entry.hooks.live?.();
    await this.followLive(signal);
  }

  /** Reads batches until one comes back empty; the next batch is read while this one is applied. */
  private async catchUp(signal: AbortSignal): Promise<void> {
    let next = this.eventStore.readAll({ after: this.through, maxCount: this.batchSize });
    try {
      while (!signal.aborted) {
        const events = await next;
        if (events.length === 0 || signal.aborted) return;
        next = this.eventStore.readAll({ after: events[events.length - 1].position, maxCount: this.batchSize });
        await this.handOut(events);
      }
    } finally {
      // A read under way when the feed stops is not needed; its outcome is left to settle.
      void next.catch(() => undefined);
    }
  }

  /**
   * Follows the log, handing out events that arrive together as one batch: when none arrives
   * for a short while, when the batch's first event has waited long enough, or when it is full.
   * On abort the batch in hand is handed out before returning.
   */
  private async followLive(signal: AbortSignal): Promise<void> {
    const iterator = this.eventStore.follow({ after: this.through, signal })[Symbol.asyncIterator]();
    let batch: RecordedEvent[] = [];
    let batchStarted = 0;
    let pending: Promise<IteratorResult<RecordedEvent>> | null = null;
    try {
      for (;;) {
        const next: Promise<IteratorResult<RecordedEvent>> = pending ?? iterator.next();
        pending = null;
        // Each wait attaches to the signal only while it lasts (see raceAbort): a race against
        // one long-lived stop promise would keep every event the feed ever handed out.
        const wait =
          batch.length === 0 ? undefined : Math.max(0, Math.min(this.liveIdleMs, batchStarted + this.liveMaxDelayMs - Date.now()));
        const outcome = await raceAbort(next, signal, wait);
        if (outcome === TIMED_OUT) {
          pending = next;
          await this.handOut(batch);
          batch = [];
          continue;
        }
        if (outcome === ABORTED) {
          pending = next;
          break;
        }
        if (outcome.done) {
          if (!signal.aborted) this.logger.warn({ msg: 'the event log follow ended' });
          break;
        }
        if (batch.length === 0) batchStarted = Date.now();
        batch.push(outcome.value);
        if (batch.length >= this.liveBatchSize) {
          await this.handOut(batch);
          batch = [];
        }
      }
      if (batch.length) await this.handOut(batch);
    } finally {
      // The store ends its follow on abort; a pending read is left to settle on its own.
      if (pending) void pending.catch(() => undefined);
      void Promise.resolve(iterator.return?.()).catch(() => undefined);
    }
  }

  /**
   * Adds a batch to the backlog of every member sharing the feed, and returns once there is room
   * for the next: when no member's backlog is full. A member whose backlog is still full
   * `stragglerMs` later, while another's is not, holds the others back: it goes back to reading
   * on its own (from its position, once it has applied the batch it is at), and the feed goes on.
   */
  private async handOut(events: readonly RecordedEvent[]): Promise<void> {
    this.through = events[events.length - 1].position;
    for (const entry of this.sharing) {
      entry.backlog.push(events);
      if (entry.backlog.length === 1) entry.activity = this.applyBacklog(entry);
    }
    const full = () => [...this.sharing].filter((entry) => entry.backlog.length >= this.maxBacklog);
    if (full().length === 0) return;
    const deadline = Date.now() + this.stragglerMs;
    for (;;) {
      const stuck = full();
      if (stuck.length === 0) return;
      const remaining = deadline - Date.now();
      if (remaining <= 0) {
        // Only a member that holds another back is sent away; when all are slow, all are waited for.
        if (stuck.length < this.sharing.size) for (const entry of stuck) this.sendBack(entry);
        else await this.nextApplied();
        continue;
      }
      await this.nextApplied(remaining);
    }
  }

  /** Resolves when some member has applied a batch, or after `timeoutMs`; only handOut waits so. */
  private nextApplied(timeoutMs?: number): Promise<void> {
    return new Promise<void>((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const wake = (): void => {
        clearTimeout(timer);
        if (this.applied === wake) this.applied = null;
        resolve();
      };
      if (timeoutMs !== undefined) timer = setTimeout(wake, timeoutMs);
      this.applied = wake;
    });
  }

  /** Applies the batches handed to the member, in order, until its backlog is empty. */
  private async applyBacklog(entry: Entry): Promise<void> {
    while (entry.backlog.length > 0) {
      const batch = entry.backlog[0];
      try {
        await entry.member.apply(batch);
      } catch (error) {
        this.fail(entry, error);
        this.applied?.();
        return;
      }
      // Sent back meanwhile, the member has a new (empty) backlog: this one is done.
      if (entry.backlog[0] === batch) entry.backlog.shift();
      this.applied?.();
    }
  }

  private sendBack(entry: Entry): void {
    this.sharing.delete(entry);
    entry.mode = 'solo';
    // The batch it is applying is finished first; the rest it reads again itself.
    entry.backlog = [];
    this.logger.log({ msg: 'processor left the shared feed to catch up on its own', processor: entry.member.name, position: entry.member.position() });
    entry.activity = entry.activity.then(() => this.catchUpAlone(entry));
    this.stopReadingWhenAlone();
  }
}
