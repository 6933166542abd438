import { Document, FindQuery, ReadStore } from './read-store.port';

/**
 * How far beyond the page asked for a list still counts. Counting every match would read the
 * whole index on every page; counting to here keeps a page's cost independent of the size of
 * the collection, and still tells a reader how many pages lie ahead when there are few.
 */
export const COUNT_AHEAD = 500;

export interface ReadPage<D> {
  items: D[];
  /** The number of matches, exact when `totalExact`; otherwise there are at least this many. */
  total: number;
  totalExact: boolean;
  offset: number;
  limit: number;
}

/** One page of a list and its (bounded) count, read together. */
export const readPage = async <D extends Document = Document>(
  store: ReadStore,
  collection: string,
  query: FindQuery & { offset: number; limit: number },
): Promise<ReadPage<D>> => {
  const upTo = Math.min(Number.MAX_SAFE_INTEGER, query.offset + query.limit + COUNT_AHEAD);
  const [items, total] = await Promise.all([store.find(collection, query), store.count(collection, query.where, { upTo })]);
  return { items: items as D[], total, totalExact: total < upTo, offset: query.offset, limit: query.limit };
};
