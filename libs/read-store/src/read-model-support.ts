import { InvalidInput } from '@app/kernel';
import { CollectionIndex, Document, DocumentWrite, FieldFilter, Scalar } from './read-store.port';

/**
 * Helpers the read-store adapters share: field-path checks, filter classification and the
 * collapsing of a batch's writes to one per document.
 */

const SEGMENT = /^[\p{L}\p{N}_-]+$/u;

/** Splits a dotted field path into its names; refuses names a query language could misread. */
export const fieldPath = (field: string): string[] => {
  const segments = field.split('.');
  if (!segments.every((segment) => SEGMENT.test(segment))) {
    throw new InvalidInput(`not a field path: ${JSON.stringify(field)}`, [
      { field, messages: ['a field path is names of letters, digits, "_" or "-" joined by dots'] },
    ]);
  }
  return segments;
};

export type ClassifiedFilter =
  | { kind: 'eq'; value: Scalar }
  | { kind: 'in'; values: Scalar[] }
  | { kind: 'contains'; text: string }
  | { kind: 'words'; words: string[] }
  | { kind: 'range'; bounds: { op: 'gte' | 'lte' | 'gt' | 'lt'; value: string | number }[] };

const RANGE_OPS = ['gte', 'lte', 'gt', 'lt'] as const;

export const isScalar = (value: unknown): value is Scalar =>
  value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';

const refuse = (field: string, message: string): never => {
  throw new InvalidInput(`bad filter on ${field}: ${message}`, [{ field, messages: [message] }]);
};

/** Tells which kind of condition a filter is, checking its shape. */
export const classifyFilter = (field: string, filter: FieldFilter): ClassifiedFilter => {
  if (isScalar(filter)) return { kind: 'eq', value: filter };
  if (typeof filter !== 'object' || Array.isArray(filter)) return refuse(field, 'not a condition');
  if ('in' in filter) {
    if (!Array.isArray(filter.in) || !filter.in.every(isScalar)) return refuse(field, '"in" takes a list of values');
    return { kind: 'in', values: filter.in };
  }
  if ('contains' in filter) {
    if (typeof filter.contains !== 'string') return refuse(field, '"contains" takes text');
    return { kind: 'contains', text: filter.contains };
  }
  if ('words' in filter) {
    if (typeof filter.words !== 'string') return refuse(field, '"words" takes text');
    return { kind: 'words', words: wordsOf(filter.words) };
  }
  const record = filter as Record<string, unknown>;
  const unknown = Object.keys(record).filter((key) => !(RANGE_OPS as readonly string[]).includes(key));
  if (unknown.length) return refuse(field, `unknown operators ${unknown.join(', ')}`);
  const bounds: { op: (typeof RANGE_OPS)[number]; value: string | number }[] = [];
  for (const op of RANGE_OPS) {
    const value = record[op];
    if (value === undefined) continue;
    if (typeof value !== 'string' && typeof value !== 'number') return refuse(field, `"${op}" takes a number or text`);
    bounds.push({ op, value });
  }
  return { kind: 'range', bounds };
};

/** Case folding for `contains`: Unicode lower case, the same in every adapter. */
export const foldCase = (text: string): string => text.toLowerCase();

/**
 * The words of a text, as `words` filters and indexes compare them: runs of letters and digits,
 * case-folded, each once, in order of appearance. "Ліцей № 7" → ["ліцей", "7"].
 */
export const wordsOf = (text: unknown): string[] => {
  if (typeof text !== 'string') return [];
  return [...new Set(foldCase(text.normalize('NFC')).match(/[\p{L}\p{N}]+/gu) ?? [])];
};

/** True when every query word begins some word of `text` (no query words: always true). */
export const matchesWords = (text: unknown, words: readonly string[]): boolean => {
  if (words.length === 0) return true;
  const own = wordsOf(text);
  return words.every((word) => own.some((candidate) => candidate.startsWith(word)));
};

/** The value at a dotted path of a document, undefined when a step is missing. */
export const valueAt = (doc: Readonly<Record<string, unknown>>, segments: readonly string[]): unknown => {
  let value: unknown = doc;
  for (const segment of segments) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
};

/** Checks index declarations: unique names, field paths, one kind each; returns them frozen in a canonical form. */
export const checkIndexes = (collection: string, indexes: readonly CollectionIndex[]): CollectionIndex[] => {
  const names = new Set<string>();
  return indexes.map((index) => {
    if (typeof index.name !== 'string' || !/^[\w-]{1,60}$/.test(index.name)) throw new RangeError(`bad index name ${JSON.stringify(index.name)} on ${collection}`);
    if (names.has(index.name)) throw new RangeError(`two indexes named ${index.name} on ${collection}`);
    names.add(index.name);
    if ('fields' in index && !('words' in index)) {
      if (!Array.isArray(index.fields) || index.fields.length === 0) throw new RangeError(`index ${index.name} on ${collection} names no fields`);
      index.fields.forEach(fieldPath);
      return { name: index.name, fields: [...index.fields] };
    }
    if ('words' in index && !('fields' in index)) {
      fieldPath(index.words);
      return { name: index.name, words: index.words };
    }
    throw new RangeError(`index ${index.name} on ${collection} must have either fields or words`);
  });
};

/** The fields that key indexes name: they must hold scalars. */
export const indexedFields = (indexes: readonly CollectionIndex[]): string[] => [
  ...new Set(indexes.flatMap((index) => ('fields' in index ? index.fields : []))),
];

/** Refuses a document whose indexed fields hold a list or an object. */
export const assertIndexable = (collection: string, doc: Document, fields: readonly string[]): void => {
  for (const field of fields) {
    const value = valueAt(doc, fieldPath(field));
    if (value !== undefined && !isScalar(value)) {
      throw new InvalidInput(`${collection}/${doc.id}: the indexed field ${field} holds ${Array.isArray(value) ? 'a list' : 'an object'}, not a scalar`);
    }
  }
};

export const writeKey = (collection: string, id: string): string => `${collection}\u0000${id}`;

/**
 * One write per document: the one with the highest position, the later one on ties. Applying
 * the result with per-document position guards gives the same documents as applying the list
 * in order.
 */
export const collapseWrites = (writes: readonly DocumentWrite[]): DocumentWrite[] => {
  const latest = new Map<string, DocumentWrite>();
  for (const write of writes) {
    const id = write.op === 'put' ? write.doc?.id : write.id;
    if (typeof id !== 'string' || id === '') throw new InvalidInput(`a ${write.op} in ${write.collection} has no id`);
    if (!Number.isSafeInteger(write.position) || write.position < 0) {
      throw new InvalidInput(`a ${write.op} of ${write.collection}/${id} has a bad position ${write.position}`);
    }
    const key = writeKey(write.collection, id);
    const known = latest.get(key);
    if (!known || write.position >= known.position) latest.set(key, write);
  }
  return [...latest.values()];
};

export const assertGeneration = (generation: number): void => {
  if (!Number.isSafeInteger(generation) || generation < 1) throw new RangeError(`not a generation: ${generation}`);
};

export const assertPosition = (position: number): void => {
  if (!Number.isSafeInteger(position) || position < 0) throw new RangeError(`not a position: ${position}`);
};
