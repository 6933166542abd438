import { EventMetadata, NewEvent, RecordedEvent, SCHEMA_VERSION, deterministicId } from '@app/kernel';
import type { AppendOptions, AppendResult, EventStore } from '@app/event-store';
import type { AddJobOptions, JobQueue, JobStatus } from '@app/jobs';

/** An event a reaction records: its type and payload; the rest of the envelope is derived. */
export interface ReactionEvent {
  type: string;
  data: unknown;
  /** When the change takes effect, if not when it is recorded. */
  effectiveAt?: string;
}

/**
 * What a reactor may do about one recorded event. Everything it writes is derived from the
 * event it reacts to, so that reacting to the same event again (after a crash, or a retry)
 * writes nothing new: the events appended get ids made of the reactor's name, the cause's id
 * and their order within the reaction (the event store takes a repeated append of the same ids
 * as done), and a job gets an id made of the reactor's name, the cause's id and the queue (the
 * queue keeps one job per id).
 */
export interface Reaction {
  /** The store, to read what the reaction decides on. */
  readonly eventStore: EventStore;
  /**
   * Appends events caused by the event reacted to. Their metadata: the cause's department and
   * correlation id, `causationId` the cause's id, the reactor as actor (role `system`), source
   * `system`.
   */
  append(streamId: string, events: readonly ReactionEvent[], options: AppendOptions): Promise<AppendResult>;
  /** Adds a job; `key` tells two jobs of one reaction on the same queue apart. */
  addJob<P>(queue: string, payload: P, options?: AddJobOptions & { key?: string }): Promise<JobStatus>;
}

/**
 * A reactor: the processor of the feed that turns recorded events into side effects (append
 * events, add jobs), as process managers need. It keeps a checkpoint of its own and sees every
 * event at least once: one it reacted to may come again when the process stopped before its
 * checkpoint moved, so a reaction must be idempotent (what `Reaction` writes is).
 *
 * Named `<Action>On<Event>`: what it does, and on which event (`QueueReportOnReportRequested`).
 */
export interface Reactor<E extends RecordedEvent = RecordedEvent> {
  /** Stable name, `<Action>On<Event>`; its checkpoint is kept under it. */
  name: string;
  /** Event types it reacts to; its checkpoint passes all others. */
  handles: readonly string[];
  /** Reacts to one event; throwing means "not done": it is tried again. */
  react(event: E, reaction: Reaction): Promise<void>;
  /** Tries per event before the reactor is failed (default 3). */
  attempts?: number;
  /** Wait before the second try (ms, default 100); doubled before each later one. */
  backoffMs?: number;
}

/** `<Action>On<Event>`, both parts PascalCase. */
export const REACTOR_NAME = /^[A-Z][A-Za-z0-9]*On[A-Z][A-Za-z0-9]*$/;

/** What the process gives its reactors to act with. */
export interface ReactorEnvironment {
  eventStore: EventStore;
  /** The job queue; a reactor that adds a job without one fails. */
  jobs?: Pick<JobQueue, 'add'>;
  /** The time recorded on appended events (default: now). */
  now?: () => Date;
}

/** The id of the `ordinal`-th event a reactor appends because of `cause`. */
export const reactionEventId = (reactor: string, cause: RecordedEvent, ordinal: number): string =>
  deterministicId('reaction', reactor, cause.id, String(ordinal));

/** The id of the job a reactor adds to `queue` because of `cause` (`key` when it adds several). */
export const reactionJobId = (reactor: string, cause: RecordedEvent, queue: string, key = ''): string =>
  deterministicId('reaction-job', reactor, cause.id, queue, key);

/** The Reaction a reactor gets for one event. */
export const reactionTo = (reactor: string, cause: RecordedEvent, environment: ReactorEnvironment): Reaction => {
  let appended = 0;
  const now = environment.now ?? (() => new Date());
  const metadata = (effectiveAt?: string): EventMetadata => ({
    actor: { id: reactor, role: 'system' },
    department: cause.metadata.department,
    correlationId: cause.metadata.correlationId,
    causationId: cause.id,
    commandId: deterministicId('reaction-command', reactor, cause.id),
    source: 'system',
    recordedAt: now().toISOString(),
    ...(effectiveAt ? { effectiveAt } : {}),
    schemaVersion: SCHEMA_VERSION,
  });
  return {
    eventStore: environment.eventStore,
    append: (streamId, events, options) => {
      const recorded: NewEvent[] = events.map((event) => ({
        id: reactionEventId(reactor, cause, appended++),
        type: event.type,
        data: event.data,
        metadata: metadata(event.effectiveAt),
      }));
      return environment.eventStore.append(streamId, recorded, options);
    },
    addJob: async (queue, payload, options = {}) => {
      if (!environment.jobs) throw new Error(`reactor ${reactor}: this process has no job queue`);
      const { key, ...jobOptions } = options;
      return environment.jobs.add(queue, reactionJobId(reactor, cause, queue, key), payload, jobOptions);
    },
  };
};
