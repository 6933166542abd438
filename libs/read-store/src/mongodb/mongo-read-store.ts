import {
  AnyBulkWriteOperation,
  Collection,
  Db,
  Filter,
  MongoBulkWriteError,
  MongoClient,
  MongoServerError,
  Sort,
  Document as MongoDocument,
} from 'mongodb';
import {
  Checkpoint,
  CollectionIndex,
  CountOptions,
  Document,
  DocumentWrite,
  FindQuery,
  ReadStore,
  StoredDocument,
  Where,
} from '../read-store.port';
import {
  assertGeneration,
  assertIndexable,
  assertPosition,
  checkIndexes,
  classifyFilter,
  collapseWrites,
  fieldPath,
  indexedFields,
  valueAt,
  wordsOf,
} from '../read-model-support';

/** A read-model document as stored: the document plus its key, position and deletion mark. */
interface StoredShape extends MongoDocument {
  _id: string;
  _position: number;
  _deleted?: true;
}

/** What a copy was prepared with (`okrug_indexes`, one per copy). */
interface IndexesShape {
  _id: string;
  indexes: CollectionIndex[];
}

interface Declared {
  scalar: string[];
  words: string[];
}

/** How long a process trusts what it read of a copy's indexes (another may prepare it meanwhile). */
const DECLARED_TTL_MS = 5_000;

interface CheckpointShape {
  _id: string;
  projection: string;
  generation: number;
  position: number;
}

/** One per projection: its active generation and the collections that generation serves. */
interface AliasShape {
  _id: string;
  generation: number;
  collections: string[];
}

/** One document's new version for a copy: what to store under `_id`, stamped with its position. */
interface VersionWrite {
  _id: string;
  replacement: MongoDocument & { _position: number; _deleted?: true };
}

/** How many times a commit reads back and retries versions that other writers raced with. */
const VERIFY_ROUNDS = 20;

const DUPLICATE_KEY = 11000;
const NAMESPACE_NOT_FOUND = 26;

const INTERNAL_FIELDS = { _id: 0, _position: 0, _deleted: 0, _words: 0 } as const;

export const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The read store in MongoDB. Each generation's copy of a collection is its own collection
 * `<collection>__g<generation>`; documents keep `_id` = id and `_position`, the position of
 * the write that made them. A delete leaves a tombstone (`_deleted`) that remembers its
 * position, so an older write replayed later cannot bring the document back. Checkpoints live
 * in `okrug_checkpoints` and only move forward; the active generation of each projection and
 * the collections it serves are one document in `okrug_aliases`, so activation swaps atomically.
 *
 * A commit is not one transaction (that would need a replica set): the documents are written
 * first, each guarded by its position, and the checkpoint after them, so a commit cut short is
 * completed by replaying its batch.
 *
 * Indexes are created on each copy when it is prepared; what a copy was prepared with is kept in
 * `okrug_indexes`. A words index keeps the words of the field in the internal `_words.<field>`
 * array of each document, indexed (multikey) and searched by anchored prefixes, which FerretDB
 * serves as well ($text is avoided for that reason).
 */
export class MongoReadStore implements ReadStore {
  private closed = false;
  private readonly declaredCache = new Map<string, { declared: Declared; at: number }>();

  private constructor(
    private readonly client: MongoClient,
    private readonly db: Db,
  ) {}

  /** Connects to `url`; the database is `dbName`, else the one the url names. */
  static async connect(url: string, dbName?: string): Promise<MongoReadStore> {
    const client = await MongoClient.connect(url);
    try {
      const db = client.db(dbName);
      await db.collection<AliasShape>('okrug_aliases').createIndex({ collections: 1 });
      return new MongoReadStore(client, db);
    } catch (error) {
      await client.close();
      throw error;
    }
  }

  static copyName(collection: string, generation: number): string {
    return `${collection}__g${generation}`;
  }

  async get(collection: string, id: string): Promise<Document | null> {
    const copy = await this.activeCopy(collection);
    if (!copy) return null;
    const found = await this.db
      .collection<StoredShape>(copy)
      .findOne({ _id: id, _deleted: { $exists: false } }, { projection: INTERNAL_FIELDS });
    return (found as Document | null) ?? null;
  }

  async find(collection: string, query: FindQuery = {}): Promise<Document[]> {
    const sort: Record<string, 1 | -1> = {};
    for (const key of query.sort ?? []) {
      if (key.direction !== 'asc' && key.direction !== 'desc') throw new RangeError(`bad sort direction ${key.direction}`);
      sort[mongoPath(key.field)] = key.direction === 'desc' ? -1 : 1;
    }
    if (!('_id' in sort)) sort._id = 1;
    const offset = query.offset ?? 0;
    if (!Number.isSafeInteger(offset) || offset < 0) throw new RangeError(`bad offset ${offset}`);
    if (query.limit !== undefined && (!Number.isSafeInteger(query.limit) || query.limit < 0)) {
      throw new RangeError(`bad limit ${query.limit}`);
    }
    mongoFilter(query.where);
    if (query.limit === 0) return [];
    const copy = await this.activeCopy(collection);
    if (!copy) return [];
    const filter = mongoFilter(query.where, await this.declared(copy));
    let cursor = this.db
      .collection<StoredShape>(copy)
      // The projection leaves the document as its projection wrote it (its `id` among its fields).
      .find<Document>(filter, { projection: INTERNAL_FIELDS })
      .sort(sort as Sort)
      .skip(offset);
    if (query.limit !== undefined) cursor = cursor.limit(query.limit);
    return cursor.toArray();
  }

  async count(collection: string, where?: Where, options: CountOptions = {}): Promise<number> {
    if (options.upTo !== undefined && (!Number.isSafeInteger(options.upTo) || options.upTo < 0)) throw new RangeError(`bad count limit ${options.upTo}`);
    mongoFilter(where);
    if (options.upTo === 0) return 0;
    const copy = await this.activeCopy(collection);
    if (!copy) return 0;
    const filter = mongoFilter(where, await this.declared(copy));
    return this.db.collection<StoredShape>(copy).countDocuments(filter, options.upTo === undefined ? {} : { limit: options.upTo });
  }

  async prepare(collection: string, generation: number, indexes: readonly CollectionIndex[]): Promise<void> {
    assertGeneration(generation);
    const wanted = checkIndexes(collection, indexes);
    const copy = MongoReadStore.copyName(collection, generation);
    const target = this.db.collection<StoredShape>(copy);
    const before = new Map(((await this.indexDeclarations().findOne({ _id: copy }))?.indexes ?? []).map((index) => [index.name, JSON.stringify(index)]));
    for (const [name, spec] of before) {
      if (wanted.some((index) => index.name === name && JSON.stringify(index) === spec)) continue;
      try {
        await target.dropIndex(name);
      } catch (error) {
        if (!(error instanceof MongoServerError)) throw error;
      }
      const old = JSON.parse(spec) as CollectionIndex;
      if ('words' in old) await target.updateMany({}, { $unset: { [`_words.${mongoPath(old.words)}`]: '' } });
    }
    for (const index of wanted) {
      if (before.get(index.name) === JSON.stringify(index)) continue;
      if ('fields' in index) {
        const bad = await target.findOne({
          _deleted: { $exists: false },
          $or: index.fields.filter((f) => f !== 'id').map((f) => ({ [mongoPath(f)]: { $type: ['array', 'object'] } })),
        } as Filter<StoredShape>);
        if (bad) throw new Error(`${copy}/${bad._id}: a field of index ${index.name} holds a list or an object`);
        const keys: Record<string, 1> = {};
        for (const field of index.fields) keys[mongoPath(field)] = 1;
        await target.createIndex(keys, { name: index.name });
      } else {
        const path = mongoPath(index.words);
        await target.createIndex({ [`_words.${path}`]: 1 }, { name: index.name });
        // Fill the words of the documents already there.
        const operations: AnyBulkWriteOperation<StoredShape>[] = [];
        for await (const row of target.find({ _deleted: { $exists: false } })) {
          operations.push({ updateOne: { filter: { _id: row._id }, update: { $set: { [`_words.${path}`]: wordsOf(valueAt(row, fieldPath(index.words))) } } } });
          if (operations.length >= 1000) await target.bulkWrite(operations.splice(0), { ordered: false });
        }
        if (operations.length) await target.bulkWrite(operations, { ordered: false });
      }
    }
    await upserting(() => this.indexDeclarations().replaceOne({ _id: copy }, { indexes: wanted }, { upsert: true }));
    this.declaredCache.delete(copy);
  }

  async loadDocuments(collection: string, generation: number, ids: readonly string[]): Promise<Map<string, StoredDocument>> {
    assertGeneration(generation);
    const found = new Map<string, StoredDocument>();
    const unique = [...new Set(ids)];
    if (!unique.length) return found;
    const rows = await this.db
      .collection<StoredShape>(MongoReadStore.copyName(collection, generation))
      .find({ _id: { $in: unique } })
      .toArray();
    for (const row of rows) {
      const { _id, _position, _deleted, ...doc } = row;
      found.set(_id, { doc: _deleted ? null : (doc as Document), position: _position });
    }
    return found;
  }

  async checkpoint(projection: string, generation?: number): Promise<Checkpoint | null> {
    const wanted = generation ?? (await this.activeGeneration(projection));
    if (wanted === null) return null;
    const row = await this.checkpoints().findOne({ _id: checkpointId(projection, wanted) });
    return row ? { projection, generation: wanted, position: row.position } : null;
  }

  async activeGeneration(projection: string): Promise<number | null> {
    const alias = await this.aliases().findOne({ _id: projection });
    return alias ? alias.generation : null;
  }

  async commit(projection: string, generation: number, position: number, writes: DocumentWrite[]): Promise<void> {
    assertGeneration(generation);
    assertPosition(position);
    const collapsed = collapseWrites(writes);
    const current = await this.checkpoints().findOne({ _id: checkpointId(projection, generation) });
    // A batch at or behind the checkpoint was applied already: replaying it changes nothing.
    if (current && current.position >= position) return;

    const byCopy = new Map<string, VersionWrite[]>();
    const declaredByCopy = new Map<string, Declared>();
    for (const write of collapsed) {
      const copy = MongoReadStore.copyName(write.collection, generation);
      if (!declaredByCopy.has(copy)) declaredByCopy.set(copy, await this.declared(copy));
    }
    for (const write of collapsed) {
      const copy = MongoReadStore.copyName(write.collection, generation);
      const declared = declaredByCopy.get(copy)!;
      const id = write.op === 'put' ? write.doc.id : write.id;
      if (write.op === 'put') assertIndexable(write.collection, write.doc, declared.scalar);
      const replacement: VersionWrite['replacement'] =
        write.op === 'put'
          ? { ...withoutInternalFields(write.doc), ...wordsOfDocument(write.doc, declared.words), _position: write.position }
          : { _position: write.position, _deleted: true };
      const versions = byCopy.get(copy) ?? [];
      versions.push({ _id: id, replacement });
      byCopy.set(copy, versions);
    }
    for (const [copy, versions] of byCopy) await this.writeVersions(copy, versions);

    await upserting(() =>
      this.checkpoints().updateOne(
        { _id: checkpointId(projection, generation) },
        { $max: { position }, $setOnInsert: { projection, generation } },
        { upsert: true },
      ),
    );
  }

  async activate(projection: string, generation: number, collections: string[]): Promise<void> {
    assertGeneration(generation);
    // One document per projection: reads of all its collections move together.
    await upserting(() =>
      this.aliases().updateOne({ _id: projection }, { $set: { generation, collections: [...new Set(collections)] } }, { upsert: true }),
    );
  }

  async dropGeneration(projection: string, generation: number, collections: string[]): Promise<void> {
    assertGeneration(generation);
    if ((await this.activeGeneration(projection)) === generation) {
      throw new Error(`generation ${generation} of ${projection} is active; activate another before dropping it`);
    }
    for (const collection of collections) {
      try {
        await this.db.collection(MongoReadStore.copyName(collection, generation)).drop();
      } catch (error) {
        if (!(error instanceof MongoServerError && error.code === NAMESPACE_NOT_FOUND)) throw error;
      }
    }
    await this.checkpoints().deleteOne({ _id: checkpointId(projection, generation) });
  }

  async ping(): Promise<{ kind: string }> {
    await this.db.command({ ping: 1 });
    return { kind: 'mongodb' };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.client.close();
  }

  /**
   * Stores each version unless the copy holds it or a newer one already. One read of the stored
   * positions sorts the versions into new documents (inserted) and older ones (replaced, guarded by
   * position, so a newer version written meanwhile is never overwritten); both go in one unordered
   * bulk write each. Neither an upsert nor a filter beyond `_id` is needed, so every server serves
   * this from its `_id` index alone (FerretDB scans a collection for each upsert that inserts).
   *
   * A bulk write's result is trusted only when it accounts for every operation: a server may stop an
   * unordered bulk write at its first error and drop the counts of what it did (FerretDB does), and
   * another process projecting the same log may have written some of the documents meanwhile. On a
   * short account the positions are read again and what is still missing or older is written again,
   * until every document holds this version or a newer one.
   */
  private async writeVersions(copy: string, versions: VersionWrite[]): Promise<void> {
    const target = this.db.collection<StoredShape>(copy);
    let pending = versions;
    for (let round = 0; pending.length > 0; round++) {
      if (round === VERIFY_ROUNDS) {
        throw new Error(`${copy}: ${pending.length} documents still not at their versions after ${VERIFY_ROUNDS} rounds (first: ${pending[0]._id})`);
      }
      const stored = new Map<string, number>();
      const rows = target.find({ _id: { $in: pending.map((v) => v._id) } }, { projection: { _position: 1 } });
      for await (const row of rows) stored.set(row._id, row._position);
      // Already there, or superseded by a newer version: nothing to do.
      pending = pending.filter((v) => !(stored.get(v._id)! >= v.replacement._position));
      if (round > 0 && pending.length === 0) return;
      const inserts = pending.filter((v) => !stored.has(v._id));
      const replaces = pending.filter((v) => stored.has(v._id));
      const accountedFor =
        (await this.bulkCount(target, inserts.map((v) => ({ insertOne: { document: { ...v.replacement, _id: v._id } } })), 'insertedCount')) === inserts.length &&
        (await this.bulkCount(
          target,
          replaces.map((v) => ({ replaceOne: { filter: { _id: v._id, _position: { $lt: v.replacement._position } }, replacement: v.replacement } })),
          'matchedCount',
        )) === replaces.length;
      if (accountedFor) return;
    }
  }

  /**
   * Runs an unordered bulk write and answers its count of `kind` (-1 when it failed on duplicate
   * keys, which means other writers were there first: the caller reads back what it has to).
   */
  private async bulkCount(
    target: Collection<StoredShape>,
    operations: AnyBulkWriteOperation<StoredShape>[],
    kind: 'insertedCount' | 'matchedCount',
  ): Promise<number> {
    if (operations.length === 0) return 0;
    try {
      return (await target.bulkWrite(operations, { ordered: false }))[kind];
    } catch (error) {
      if (onlyDuplicateKeys(error)) return -1;
      throw error;
    }
  }

  private indexDeclarations() {
    return this.db.collection<IndexesShape>('okrug_indexes');
  }

  /** What a copy was prepared with, read again after a few seconds. */
  private async declared(copy: string): Promise<Declared> {
    const cached = this.declaredCache.get(copy);
    if (cached && Date.now() - cached.at < DECLARED_TTL_MS) return cached.declared;
    const indexes = (await this.indexDeclarations().findOne({ _id: copy }))?.indexes ?? [];
    const declared = { scalar: indexedFields(indexes), words: indexes.flatMap((index) => ('words' in index ? [index.words] : [])) };
    this.declaredCache.set(copy, { declared, at: Date.now() });
    return declared;
  }

  private checkpoints() {
    return this.db.collection<CheckpointShape>('okrug_checkpoints');
  }

  private aliases() {
    return this.db.collection<AliasShape>('okrug_aliases');
  }

  private async activeCopy(collection: string): Promise<string | null> {
    const alias = await this.aliases().findOne({ collections: collection });
    return alias ? MongoReadStore.copyName(collection, alias.generation) : null;
  }
}

const checkpointId = (projection: string, generation: number): string => `${projection}#${generation}`;

/**
 * Runs an upsert by `_id`, once more when it failed on a duplicate key: two processes upserting
 * the same new document at once may both try the insert, and the second then finds the document
 * (MongoDB documents this for concurrent upserts; FerretDB does it too).
 */
const upserting = async <T>(upsert: () => Promise<T>): Promise<T> => {
  try {
    return await upsert();
  } catch (error) {
    if (!(error instanceof MongoServerError && error.code === DUPLICATE_KEY)) throw error;
    return upsert();
  }
};

const withoutInternalFields = (doc: Document): MongoDocument => {
  const { _id, _position, _deleted, _words, ...rest } = doc as Document & { _id?: unknown; _position?: unknown; _deleted?: unknown; _words?: unknown };
  return rest;
};

/** `_words` for a document: the words of each word-indexed field, nested like the field. */
const wordsOfDocument = (doc: Document, fields: readonly string[]): { _words?: MongoDocument } => {
  if (fields.length === 0) return {};
  const words: MongoDocument = {};
  for (const field of fields) {
    const segments = fieldPath(field);
    let at = words;
    for (const segment of segments.slice(0, -1)) at = (at[segment] ??= {}) as MongoDocument;
    at[segments[segments.length - 1]] = wordsOf(valueAt(doc, segments));
  }
  return { _words: words };
};

/** A field's path in a stored document: a document's id is its `_id`. */
const mongoPath = (field: string): string => (field === 'id' ? '_id' : fieldPath(field).join('.'));

const writeErrorsOf = (error: MongoBulkWriteError) => (Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors]);

/** True when a write failed only on duplicate keys (newer versions of some documents exist). */
const onlyDuplicateKeys = (error: unknown): error is MongoBulkWriteError | MongoServerError => {
  if (error instanceof MongoBulkWriteError) {
    const errors = writeErrorsOf(error);
    return errors.length > 0 && errors.every((e) => e.code === DUPLICATE_KEY) && !error.err;
  }
  return error instanceof MongoServerError && error.code === DUPLICATE_KEY;
};

/**
 * Translates filters into a MongoDB query; tombstones never match. Equality also matches an
 * array element and equality with null a missing field, as in the embedded store. `words` on a
 * word-indexed field are anchored prefixes of `_words.<field>` (served by its index); on
 * another field, a case-insensitive match at the start of a word.
 */
export const mongoFilter = (where: Where | undefined, declared: Pick<Declared, 'words'> = { words: [] }): Filter<StoredShape> => {
  const filter: MongoDocument = { _deleted: { $exists: false } };
  const and: MongoDocument[] = [];
  for (const [field, condition] of Object.entries(where ?? {})) {
    const path = mongoPath(field);
    const classified = classifyFilter(field, condition);
    switch (classified.kind) {
      case 'eq':
        and.push({ [path]: classified.value });
        break;
      case 'in':
        and.push({ [path]: { $in: classified.values } });
        break;
      case 'contains':
        and.push({ [path]: { $regex: escapeRegex(classified.text), $options: 'i' } });
        break;
      case 'words':
        for (const word of classified.words) {
          if (declared.words.includes(field)) and.push({ [`_words.${path}`]: { $regex: `^${escapeRegex(word)}` } });
          else and.push({ [path]: { $regex: `(?:^|[^\\p{L}\\p{N}])${escapeRegex(word)}`, $options: 'i' } });
        }
        break;
      case 'range': {
        const range: MongoDocument = {};
        for (const bound of classified.bounds) range[`$${bound.op}`] = bound.value;
        if (Object.keys(range).length) and.push({ [path]: range });
        break;
      }
    }
  }
  if (and.length) filter.$and = and;
  return filter as Filter<StoredShape>;
};
