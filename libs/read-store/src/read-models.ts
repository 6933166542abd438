import { CountOptions, Document, FindQuery, ReadStore, Where } from './read-store.port';
import { ReadPage, readPage } from './read-page';

/**
 * A read model as a query names it: the projection that keeps it (whose checkpoint a
 * `consistentWith` waits for) and the collection it fills. Every projection is one.
 */
export interface ReadModel {
  readonly name: string;
  readonly collection: string;
}

/**
 * What a query class declares, once, beside its fields: the read models its handler reads.
 * `consistentWith` waits for exactly these, and the reader the handler gets refuses any other,
 * so what a query waits for and what it reads cannot drift apart.
 *
 * ```ts
 * export class GetNetworkQuery {
 *   static readonly reads = [networkListProjection, networkMembershipsProjection];
 *   constructor(readonly department: string, readonly networkId: string, readonly consistentWith?: number) {}
 * }
 * ```
 */
export interface ReadsReadModels {
  readonly reads: readonly ReadModel[];
}

/** A handler read a read model its query does not declare: a programming error, not a request's. */
export class UndeclaredReadModel extends Error {
  constructor(
    readonly reader: string,
    readonly readModel: string,
  ) {
    super(`${reader} reads the read model ${readModel} without declaring it: add it to ${reader}.reads, so that consistentWith waits for it`);
    this.name = 'UndeclaredReadModel';
  }
}

/** The read models a query's class declares; throws when it declares none. */
export const readsOf = (query: object): readonly ReadModel[] => {
  const declaring = query.constructor as Partial<ReadsReadModels> & { name: string };
  const reads = declaring.reads;
  if (!Array.isArray(reads)) throw new Error(`${declaring.name} does not declare the read models it reads (static reads = [...])`);
  return reads;
};

/**
 * The read store as one query may see it: only the read models it declared. Every read names
 * the read model, not a collection, so a read of anything else fails at once (in the tests of
 * the endpoint) instead of answering from a read model nobody waited for.
 */
export class ReadModelReader {
  private readonly declared: ReadonlyMap<string, ReadModel>;

  constructor(
    private readonly store: ReadStore,
    readonly reads: readonly ReadModel[],
    /** Who reads (the query's name), for the error that names a missing declaration. */
    readonly reader: string,
  ) {
    this.declared = new Map(reads.map((model) => [model.name, model]));
  }

  get<D extends Document = Document>(model: ReadModel, id: string): Promise<D | null> {
    return this.store.get(this.collectionOf(model), id) as Promise<D | null>;
  }

  find<D extends Document = Document>(model: ReadModel, query?: FindQuery): Promise<D[]> {
    return this.store.find(this.collectionOf(model), query) as Promise<D[]>;
  }

  count(model: ReadModel, where?: Where, options?: CountOptions): Promise<number> {
    return this.store.count(this.collectionOf(model), where, options);
  }

  /** One page of a list and its bounded count (see {@link readPage}). */
  page<D extends Document = Document>(model: ReadModel, query: FindQuery & { offset: number; limit: number }): Promise<ReadPage<D>> {
    return readPage<D>(this.store, this.collectionOf(model), query);
  }

  private collectionOf(model: ReadModel): string {
    const declared = this.declared.get(model.name);
    if (!declared || declared.collection !== model.collection) throw new UndeclaredReadModel(this.reader, model.name);
    return declared.collection;
  }
}

/**
 * Waits until the query's declared read models have reached `consistentWith` (when given),
 * then hands out a reader of those read models only. `waitFor` is the projections' own wait
 * (NotYetConsistent when it runs out of time).
 */
export const readModelsFor = async (
  store: ReadStore,
  waitFor: (position: number, projections: string[]) => Promise<void>,
  query: object,
  consistentWith: number | undefined,
): Promise<ReadModelReader> => {
  const reads = readsOf(query);
  if (consistentWith !== undefined) await waitFor(consistentWith, [...new Set(reads.map((model) => model.name))]);
  return new ReadModelReader(store, reads, query.constructor.name);
};
