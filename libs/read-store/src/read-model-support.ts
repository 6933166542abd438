import { InvalidInput } from '@app/kernel';
import { DocumentWrite, FieldFilter, Scalar } from './read-store.port';

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
