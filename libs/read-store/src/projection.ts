import { RecordedEvent } from '@app/kernel';
import { CollectionIndex, Document } from './read-store.port';

/**
 * A projection: which events it reads, which document each event touches, and a pure
 * function that evolves that document. Returning null deletes the document.
 */
export interface Projection<D extends Document = Document> {
  /** Stable name; the checkpoint is kept under it. */
  name: string;
  /** The one collection this projection writes. */
  collection: string;
  /**
   * The indexes its readers' queries need on the collection (every filter and sort a list
   * endpoint offers); the runner has the read store create them for each generation.
   */
  indexes?: readonly CollectionIndex[];
  /** Event types it handles; the runner skips all others. */
  handles: readonly string[];
  /** Id of the document the event touches (several when it concerns several), or null to ignore it. */
  documentId: (event: RecordedEvent) => string | readonly string[] | null;
  /** The next state of document `id` after the event; `id` tells which one when an event touches several. */
  evolve: (doc: D | null, event: RecordedEvent, id: string) => D | null;
}

/**
 * Declares a projection with its document type checked, and hands it to the runner as a
 * plain projection (the runner treats every document alike).
 */
export const defineProjection = <D extends Document>(projection: Projection<D>): Projection =>
  projection as unknown as Projection;
