/** A read-model document. `id` is unique within its collection. */
export interface Document {
  id: string;
  [field: string]: unknown;
}

export type Scalar = string | number | boolean | null;

/**
 * A condition on one field (dotted paths reach into nested objects):
 * a scalar means equality; `in` any of; `contains` a case-insensitive substring of a string;
 * `words`: every word of the given text begins a word of the field's text, in any case (what a
 * search box means; a `words` index makes it cheap); `gte`/`lte`/`gt`/`lt` ranges (strings
 * compare as text, so ISO dates work).
 */
export type FieldFilter =
  | Scalar
  | { in: Scalar[] }
  | { contains: string }
  | { words: string }
  | { gte?: Scalar; lte?: Scalar; gt?: Scalar; lt?: Scalar };

/** All conditions must hold. */
export type Where = Record<string, FieldFilter>;

export interface SortKey {
  field: string;
  direction: 'asc' | 'desc';
}

/**
 * An index the queries of a projection need on its collection, so that a page costs the same
 * however many documents the collection holds.
 * - `fields`: a compound index, in order: the fields filtered by equality first, then the sort
 *   keys (ascending; a query sorting all of them descending reads it backwards). The fields it
 *   names must hold scalars (text, number, boolean or null) or be missing: a put with a list or
 *   an object there is refused, so that equality can use the index in every store.
 * - `words`: the words of a text field (lower case, letters and digits), for `words` filters.
 * `name` is unique within the collection. A read store creates the indexes of a generation's
 * copy when the copy is prepared (see `ReadStore.prepare`).
 */
export type CollectionIndex =
  | { name: string; fields: readonly string[] }
  | { name: string; words: string };

export interface CountOptions {
  /** Stop counting at this many: the answer is then `upTo`, whatever the true count. */
  upTo?: number;
}

export interface FindQuery {
  where?: Where;
  sort?: SortKey[];
  offset?: number;
  limit?: number;
}

/** One change to a document, made because of the event at `position`. */
export type DocumentWrite =
  | { op: 'put'; collection: string; doc: Document; position: number }
  | { op: 'delete'; collection: string; id: string; position: number };

/**
 * A document as one generation's copy holds it, with the position of the write that last
 * touched it; `doc` is null when that write deleted it.
 */
export interface StoredDocument {
  doc: Document | null;
  position: number;
}

/** How far a projection's copy (generation) has read the global log. */
export interface Checkpoint {
  projection: string;
  generation: number;
  position: number;
}

/**
 * The read store: documents grouped in collections, written only by projections.
 * Collections are named logically (`institutions`); each projection generation writes its own
 * physical copy, and reads go to the copy that is active. Every adapter passes the same
 * contract suite (`read-store.contract.ts`).
 */
export interface ReadStore {
  get(collection: string, id: string): Promise<Document | null>;
  find(collection: string, query?: FindQuery): Promise<Document[]>;
  /** How many documents match; at most `options.upTo`, so a count need not read them all. */
  count(collection: string, where?: Where, options?: CountOptions): Promise<number>;

  /**
   * Makes a generation's copy of a collection ready for queries: creates the indexes it is
   * declared with (those already there are kept, others declared before are dropped) and fills
   * them from the documents it holds. Runners call it before a generation is written or
   * activated, so a rebuild's copy has the same indexes as the one it replaces. Idempotent.
   */
  prepare(collection: string, generation: number, indexes: readonly CollectionIndex[]): Promise<void>;

  /**
   * Documents of one generation's copy of a collection, active or not, by id (ids the copy
   * never held are absent). Projection runners read through this: a rebuild must see its own
   * copy, and the positions let a replay skip events a document already reflects.
   */
  loadDocuments(collection: string, generation: number, ids: readonly string[]): Promise<Map<string, StoredDocument>>;

  /** The checkpoint of a generation; the active generation when none is given. */
  checkpoint(projection: string, generation?: number): Promise<Checkpoint | null>;

  /** The active generation of a projection, or null when it has never been activated. */
  activeGeneration(projection: string): Promise<number | null>;

  /**
   * Applies writes to the generation's copies of their collections and moves its checkpoint
   * to `position`, together: either both are stored or neither is. Replaying a batch that was
   * already applied changes nothing.
   */
  commit(projection: string, generation: number, position: number, writes: DocumentWrite[]): Promise<void>;

  /** Reads of `collections` now go to this generation's copies. */
  activate(projection: string, generation: number, collections: string[]): Promise<void>;

  /** Drops a generation's copies and checkpoint (after a rebuild replaced it). */
  dropGeneration(projection: string, generation: number, collections: string[]): Promise<void>;

  /** A short description for health checks; throws when the store cannot be reached. */
  ping(): Promise<{ kind: string }>;

  close(): Promise<void>;
}

/** DI token for the ReadStore port. */
export const READ_STORE = Symbol('ReadStore');
