/** Where a change came from. */
export type EventSource = 'api' | 'import' | 'system';

export interface Actor {
  id: string;
  role: string;
}

/**
 * The metadata every recorded event carries: who, for which department, why, from where,
 * when it was recorded and when it takes effect.
 */
export interface EventMetadata {
  actor: Actor;
  department: string;
  correlationId: string;
  causationId: string;
  commandId: string;
  idempotencyKey?: string;
  reason?: string;
  source: EventSource;
  /** ISO instant the event was recorded. */
  recordedAt: string;
  /** ISO date (or instant) the change takes effect, when it differs from recordedAt. */
  effectiveAt?: string;
  schemaVersion: number;
}

/**
 * An event as the store sees it before it is typed: a type tag and a payload. Every domain
 * event (`{ type: 'InstitutionRenamed'; data: {...} }`) is one.
 */
export interface AnyEvent {
  type: string;
  data: unknown;
}

/** What the writer adds to a domain event: its id and metadata. */
export interface EventEnvelope {
  id: string;
  metadata: EventMetadata;
}

/** Where the store put an event. */
export interface EventPlace {
  streamId: string;
  /** 0-based position of the event in its stream. */
  revision: number;
  /** Position in the global log; strictly increasing, 1-based. */
  position: number;
}

/**
 * An event about to be appended. `NewEvent<InstitutionEvent>` is one of the institution's
 * events (a union: narrowing on `type` narrows `data`); `NewEvent` is any event.
 */
export type NewEvent<E extends AnyEvent = AnyEvent> = E & EventEnvelope;

/**
 * An event as the store recorded it. `RecordedEvent<E>` is typed by a module's event union
 * (narrowing on `type` narrows `data`); the stores hand out `RecordedEvent` (any event), which
 * a module's contracts turn into its own (`eventsOf`, `isEventOf` in event-contract.ts).
 */
export type RecordedEvent<E extends AnyEvent = AnyEvent> = E & EventEnvelope & EventPlace;

/** The answer to every accepted write. `position` is what `consistentWith` waits for. */
export interface WriteResult {
  id: string;
  revision: number;
  position: number;
}
