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

/** An event about to be appended. */
export interface NewEvent<Data = unknown> {
  id: string;
  type: string;
  data: Data;
  metadata: EventMetadata;
}

/** An event as the store recorded it. */
export interface RecordedEvent<Data = unknown> extends NewEvent<Data> {
  streamId: string;
  /** 0-based position of the event in its stream. */
  revision: number;
  /** Position in the global log; strictly increasing, 1-based. */
  position: number;
}

/** The answer to every accepted write. `position` is what `consistentWith` waits for. */
export interface WriteResult {
  id: string;
  revision: number;
  position: number;
}
