import { IsoDate } from './clock';
import { Actor, AnyEvent, EventSource, RecordedEvent } from './envelope';

/**
 * The kinds of thing an event can concern. One list for every module, so that an audit or a
 * report can ask "what happened to network X" across modules; a new module adds its kinds here.
 */
export const ENTITY_KINDS = ['department', 'institution', 'network', 'person', 'api-key', 'event', 'event-series', 'plan', 'plan-item', 'report', 'report-batch'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/** One thing an event concerns: an institution, a network, a person (by id, never by name)... */
export interface EntityRef {
  kind: EntityKind;
  id: string;
}

/** A short text in each language the departments read: Ukrainian, Russian, English. */
export interface LocalText {
  uk: string;
  ru: string;
  en: string;
}

/**
 * Turns the data of an event recorded at one schema version into the data of the next. It
 * may read the envelope (the stream, the department) for what the old shape left out.
 */
export type Upcaster = (event: RecordedEvent) => unknown;

/**
 * Declares an upcaster with the shapes it reads and writes. The recorded data is trusted to
 * have the shape of the version it was recorded at (`metadata.schemaVersion`); the registry
 * calls the upcaster only for that version.
 */
export const upcaster =
  <Old, New>(upcast: (data: Old, event: RecordedEvent<{ type: string; data: Old }>) => New): Upcaster =>
  (event) =>
    upcast(event.data as Old, event as RecordedEvent<{ type: string; data: Old }>);

/**
 * What the platform knows of one event type, whatever module records it. Methods take the
 * event's data as its type declares it (after upcasting).
 */
export interface EventContract<E extends AnyEvent> {
  /**
   * The date in the data on which the change takes effect, when it may differ from when it was
   * recorded (a renaming on 1 September recorded in August); null when it takes effect as
   * recorded. The writer records it as `metadata.effectiveAt`.
   */
  effectiveOn(data: E['data']): IsoDate | null;
  /** Everything the event is about, by kind and id: what a history of any of them must show. */
  concerns(data: E['data']): EntityRef[];
  /** How a history describes it, in a few words (never a person's name: those stay in the vault). */
  describe(data: E['data']): LocalText;
  /** The schema version written today (`metadata.schemaVersion`); 1 when omitted. */
  readonly version?: number;
  /** For each earlier version `v`, the upcaster from `v` to `v + 1`. */
  readonly upcasters?: Readonly<Record<number, Upcaster>>;
}

/**
 * The contract of every event of a union, one row per type. Declaring a module's table with
 * this type holds it complete: an event type added to the union without a row (or a row for a
 * type not in it) does not compile.
 */
export type EventContracts<E extends AnyEvent> = { readonly [T in E['type']]: EventContract<Extract<E, { type: T }>> };

/** Any module's table, as the platform holds them together (the upcaster registry). */
export type SomeEventContracts = Readonly<Record<string, EventContract<AnyEvent>>>;

/** The event types of a table: what a projection built on it handles. */
export const eventTypes = <E extends AnyEvent>(contracts: EventContracts<E>): E['type'][] => Object.keys(contracts) as E['type'][];

/** The row of an event. */
const contractOf = <E extends AnyEvent>(contracts: EventContracts<E>, event: E): EventContract<E> =>
  contracts[event.type as E['type']];

/**
 * True when the table has a row for the event's type: from then on the event is read as one of
 * the table's (its data is trusted to have the type's shape: the store holds what the typed
 * writers wrote, upcast to today's version on the way out).
 */
export const isEventOf = <E extends AnyEvent, R extends AnyEvent>(contracts: EventContracts<E>, event: R): event is R & E =>
  Object.hasOwn(contracts, event.type);

/** An event whose contract does not know its type: a stream of another kind, or code older than the log. */
export class UnknownEventType extends Error {
  constructor(readonly type: string, readonly streamId?: string) {
    super(`${streamId ? `stream ${streamId} holds` : 'there is'} an event of type ${type}, which its contract does not know`);
    this.name = 'UnknownEventType';
  }
}

/** The event as one of the table's; a type the table does not know throws. */
export const asEventOf = <E extends AnyEvent, R extends AnyEvent>(contracts: EventContracts<E>, event: R): R & E => {
  if (!isEventOf(contracts, event)) throw new UnknownEventType(event.type, 'streamId' in event ? String(event.streamId) : undefined);
  return event;
};

/**
 * The events of a stream as its aggregate's events, for folding. A type the table does not know
 * throws: folding past it would decide on a state that is not the stream's.
 */
export const eventsOf = <E extends AnyEvent, R extends AnyEvent>(contracts: EventContracts<E>, events: readonly R[]): Array<R & E> =>
  events.map((event) => asEventOf(contracts, event));

/** The date a recorded event takes effect: the envelope's `effectiveAt`, else the contract's, else null. */
export const effectiveAtOf = <E extends AnyEvent>(contracts: EventContracts<E>, event: RecordedEvent<E>): string | null =>
  event.metadata.effectiveAt ?? contractOf(contracts, event).effectiveOn(event.data);

/**
 * What a history says of a recorded change before saying what it changed: which event, who
 * recorded it, when, effective from when, why (the envelope's reason, else the event's own) and
 * from where. Every module's history (an institution's, a network's timeline, an event's) starts
 * its entries with these.
 */
export interface RecordedChange<T extends string = string> {
  eventId: string;
  type: T;
  revision: number;
  position: number;
  recordedAt: string;
  effectiveAt: string | null;
  actor: Actor;
  source: EventSource;
  reason: string | null;
  correlationId: string;
}

/** One field a change changed, from what to what (null: not set). */
export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

export const recordedChangeOf = <E extends AnyEvent>(contracts: EventContracts<E>, event: RecordedEvent<E>): RecordedChange<E['type']> => {
  const meta = event.metadata;
  const data = event.data;
  const reasonInData = typeof data === 'object' && data !== null && 'reason' in data && typeof data.reason === 'string' ? data.reason : null;
  return {
    eventId: event.id,
    type: event.type,
    revision: event.revision,
    position: event.position,
    recordedAt: meta.recordedAt,
    effectiveAt: effectiveAtOf(contracts, event),
    actor: meta.actor,
    source: meta.source,
    reason: meta.reason ?? reasonInData,
    correlationId: meta.correlationId,
  };
};

/** The effective date of a domain event before it is recorded (for its `metadata.effectiveAt`). */
export const effectiveOnOf = <E extends AnyEvent>(contracts: EventContracts<E>, event: E): IsoDate | null =>
  contractOf(contracts, event).effectiveOn(event.data);

/**
 * What a domain event adds to the metadata it is recorded with: its effective date (from its
 * contract) and the reason its data gives, when it has them. Writers hand it to `metadataFor`.
 */
export const metadataExtrasOf = <E extends AnyEvent>(contracts: EventContracts<E>, event: E): { effectiveAt?: string; reason?: string } => {
  const effectiveAt = effectiveOnOf(contracts, event);
  const data: unknown = event.data;
  const reason = typeof data === 'object' && data !== null && 'reason' in data && typeof data.reason === 'string' ? data.reason : undefined;
  return { ...(effectiveAt ? { effectiveAt } : {}), ...(reason ? { reason } : {}) };
};

/** What an event concerns (optionally only the things of one kind), in the order its contract lists them. */
export const concernsOf = <E extends AnyEvent>(contracts: EventContracts<E>, event: E, kind?: EntityKind): EntityRef[] => {
  const all = contractOf(contracts, event).concerns(event.data);
  return kind ? all.filter((ref) => ref.kind === kind) : all;
};

/** The ids of the things of one kind an event concerns. */
export const idsConcerned = <E extends AnyEvent>(contracts: EventContracts<E>, event: E, kind: EntityKind): string[] =>
  concernsOf(contracts, event, kind).map((ref) => ref.id);

/** How a history describes the event. */
export const describeEvent = <E extends AnyEvent>(contracts: EventContracts<E>, event: E): LocalText =>
  contractOf(contracts, event).describe(event.data);

/** The schema version a type is written at today. */
export const schemaVersionOf = (contract: EventContract<AnyEvent>): number => contract.version ?? 1;
