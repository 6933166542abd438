import { AnyEvent, EventContracts, RecordedEvent, eventTypes } from '@app/kernel';
import { CollectionIndex, Document } from './read-store.port';

/**
 * A projection: which events it reads, which document each event touches, and a pure
 * function that evolves that document. Returning null deletes the document.
 *
 * `Projection<D, E>` is typed by its document and the events it reads; `Projection` (any
 * document, any event) is what the runner holds. `documentId` and `evolve` are methods, so a
 * typed projection is a `Projection` as it is: the runner hands a projection only the events
 * whose type it `handles`, which are events of `E` (upcast to today's shape on the way out of
 * the store), so the narrowing that this allows is the one the runner guarantees.
 */
export interface Projection<D extends Document = Document, E extends AnyEvent = AnyEvent> {
  /** Stable name; the checkpoint is kept under it. */
  readonly name: string;
  /** The one collection this projection writes. */
  readonly collection: string;
  /**
   * The indexes its readers' queries need on the collection (every filter and sort a list
   * endpoint offers); the runner has the read store create them for each generation.
   */
  readonly indexes?: readonly CollectionIndex[];
  /** Event types it handles (the types of its contracts); the runner skips all others. */
  readonly handles: readonly E['type'][];
  /** Id of the document the event touches (several when it concerns several), or null to ignore it. */
  documentId(event: RecordedEvent<E>): string | readonly string[] | null;
  /** The next state of document `id` after the event; `id` tells which one when an event touches several. */
  evolve(doc: D | null, event: RecordedEvent<E>, id: string): D | null;
}

/** A projection as it is declared: the contracts of the events it reads instead of a list of types. */
export interface ProjectionDefinition<D extends Document, E extends AnyEvent> extends Omit<Projection<D, E>, 'handles'> {
  /**
   * The contracts of the events it reads: a module's table (`networkMapEvents`), or several
   * spread together. Its types are what the projection handles; the table is complete by type,
   * so an event type added to the union is handled, or the table (and the build) breaks.
   */
  readonly events: EventContracts<E>;
}

/** The document type of a projection, for the readers of its collection. */
export type DocumentOf<P> = P extends Projection<infer D, AnyEvent> ? D : never;

/**
 * Declares a projection with its document and event types checked; `handles` is derived from
 * its contracts, never listed by hand. The result keeps both types for callers and is a plain
 * `Projection` for the runner.
 */
export const defineProjection = <D extends Document, E extends AnyEvent>({ events, ...projection }: ProjectionDefinition<D, E>): Projection<D, E> => ({
  ...projection,
  handles: eventTypes(events),
});
