import { Collection, Db, MongoClient, MongoServerError } from 'mongodb';
import { ConcurrencyConflict } from '@app/kernel';
import { ErasedPerson, PersonLookup, PersonRecord, PersonalDataVault } from '../personal-data-vault.port';
import {
  checkedErasure,
  checkedLookup,
  checkedRecord,
  personErased,
  personNotFound,
  personOfAnotherDepartment,
} from '../vault-input';

/** A name the person had before, with who replaced it and when. */
interface HistoryEntry {
  fullName: string;
  recordedAt: string;
  recordedBy: string;
  replacedAt: string;
  replacedBy: string;
}

/** One per person: the current name, the older ones, and a version that guards replacements. */
interface PersonShape {
  _id: string;
  department: string;
  fullName: string;
  recordedAt: string;
  recordedBy: string;
  history: HistoryEntry[];
  version: number;
}

interface ErasureShape {
  _id: string;
  department: string;
  erasedAt: string;
  erasedBy: string;
  reason: string;
}

export const PERSONAL_DATA_COLLECTION = 'okrug_personal_data';
export const ERASURES_COLLECTION = 'okrug_personal_data_erasures';

const DUPLICATE_KEY = 11000;
const MAX_ATTEMPTS = 10;

/** Resolves only once a majority has the write in its journal. */
const DURABLE = { writeConcern: { w: 'majority' as const, journal: true } };

const isDuplicateKey = (error: unknown): boolean => error instanceof MongoServerError && error.code === DUPLICATE_KEY;

const toErased = (row: ErasureShape): ErasedPerson => ({
  personId: row._id,
  department: row.department,
  erasedAt: row.erasedAt,
  erasedBy: row.erasedBy,
  reason: row.reason,
});

/**
 * The vault in MongoDB: a document per person in `okrug_personal_data` (`_id` = person id, the
 * current name, the older names in an embedded `history` array), tombstones in
 * `okrug_personal_data_erasures`.
 *
 * Without transactions (they would need a replica set) an erasure and a concurrent recording
 * are ordered by hand: an erasure writes the tombstone first and removes the document after
 * it; a recording checks for a tombstone again after its write and, finding one, removes the
 * document it wrote. So whatever the interleaving, no name survives an erasure, and an erasure
 * cut short between its two writes reads as erased and is finished by erasing again.
 */
export class MongoPersonalDataVault implements PersonalDataVault {
  private closed = false;

  private constructor(
    private readonly client: MongoClient,
    private readonly db: Db,
  ) {}

  /** Connects to `url`; the database is `dbName`, else the one the url names. */
  static async connect(url: string, dbName?: string): Promise<MongoPersonalDataVault> {
    const client = await MongoClient.connect(url);
    try {
      const db = client.db(dbName);
      await db.command({ ping: 1 });
      return new MongoPersonalDataVault(client, db);
    } catch (error) {
      await client.close();
      throw error;
    }
  }

  async record(person: PersonRecord): Promise<void> {
    const next = checkedRecord(person);
    const _id = next.personId;
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      if (await this.erasures().findOne({ _id })) throw personErased(_id);
      const current = await this.people().findOne({ _id });
      if (!current) {
        try {
          await this.people().insertOne({
            _id,
            department: next.department,
            fullName: next.fullName,
            recordedAt: next.recordedAt,
            recordedBy: next.recordedBy,
            history: [],
            version: 1,
          });
        } catch (error) {
          if (isDuplicateKey(error)) continue; // recorded meanwhile: look again
          throw error;
        }
      } else {
        if (current.department !== next.department) throw personOfAnotherDepartment(_id);
        if (current.fullName === next.fullName) return;
        const replaced = await this.people().updateOne(
          { _id, version: current.version },
          {
            $set: { fullName: next.fullName, recordedAt: next.recordedAt, recordedBy: next.recordedBy },
            $inc: { version: 1 },
            $push: {
              history: {
                fullName: current.fullName,
                recordedAt: current.recordedAt,
                recordedBy: current.recordedBy,
                replacedAt: next.recordedAt,
                replacedBy: next.recordedBy,
              },
            },
          },
        );
        if (replaced.matchedCount === 0) continue; // changed or erased meanwhile: look again
      }
      // An erasure that ran between the first check and the write has written its tombstone
      // before removing the document, so this second look sees it.
      if (await this.erasures().findOne({ _id })) {
        await this.people().deleteOne({ _id });
        throw personErased(_id);
      }
      return;
    }
    throw new ConcurrencyConflict(`person ${_id} kept changing while its name was being recorded; try again`);
  }

  async lookup(department: string, personIds: string[]): Promise<Map<string, PersonLookup>> {
    const ids = checkedLookup(department, personIds);
    const found = new Map<string, PersonLookup>();
    if (!ids.length) return found;
    for (const personId of ids) found.set(personId, { personId, status: 'unknown' });
    // Two plain finds, people first and tombstones second, one after the other (never in
    // parallel): the order is what makes the answer right while an erasure runs. An erasure
    // writes its tombstone before it removes the document, and a tombstone is never removed.
    // So a document the first find saw either has a tombstone the second find sees (the
    // person reads as erased), or it had none when the first find ran and the name was
    // current then; and a document the first find missed was either never recorded or
    // removed after its tombstone was written, which the second find then sees. So a lookup
    // begun after an erasure resolved reads the person as erased, and one that overlaps it
    // reads them as present (as before it) or erased, never as unknown. The other order
    // could miss both: tombstones read before the erasure wrote its own, the document read
    // after it was removed. The argument holds person by person, so it needs no snapshot
    // across the find's batches. (Both reads go to the primary, the driver's default;
    // reading from secondaries would void it.)
    const people = await this.people()
      .find({ _id: { $in: ids }, department }, { projection: { fullName: 1 } })
      .toArray();
    const tombstones = await this.erasures()
      .find({ _id: { $in: ids }, department }, { projection: { erasedAt: 1 } })
      .toArray();
    for (const row of people) found.set(row._id, { personId: row._id, status: 'present', fullName: row.fullName });
    // A tombstone wins over a document left by an erasure cut short (or caught mid-way).
    for (const row of tombstones) found.set(row._id, { personId: row._id, status: 'erased', erasedAt: row.erasedAt });
    return found;
  }

  async erase(department: string, personId: string, by: { actorId: string; reason: string; at: string }): Promise<ErasedPerson> {
    const erasure = checkedErasure(department, personId, by);
    const _id = personId;
    let tombstone = await this.erasures().findOne({ _id });
    if (!tombstone) {
      const current = await this.people().findOne({ _id }, { projection: { department: 1 } });
      // Gone since the tombstone was looked for: a concurrent erasure wrote its tombstone and
      // removed the document in between, and its tombstone is the answer.
      if (!current) tombstone = await this.erasures().findOne({ _id });
      if (!current && !tombstone) throw personNotFound(personId);
      if (current && current.department !== department) throw personNotFound(personId);
    }
    if (!tombstone) {
      try {
        tombstone = await this.erasures().findOneAndUpdate(
          { _id },
          { $setOnInsert: { department, erasedAt: erasure.at, erasedBy: erasure.actorId, reason: erasure.reason } },
          { upsert: true, returnDocument: 'after' },
        );
      } catch (error) {
        // Two erasures at once: the other one's tombstone stands.
        if (!isDuplicateKey(error)) throw error;
      }
      tombstone ??= await this.erasures().findOne({ _id });
      if (!tombstone) throw new Error(`the tombstone of person ${personId} could not be written`);
    }
    if (tombstone.department !== department) throw personNotFound(personId);
    // After the tombstone, never before it; also finishes an erasure that was cut short.
    await this.people().deleteOne({ _id });
    return toErased(tombstone);
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

  private people(): Collection<PersonShape> {
    return this.db.collection<PersonShape>(PERSONAL_DATA_COLLECTION, DURABLE);
  }

  private erasures(): Collection<ErasureShape> {
    return this.db.collection<ErasureShape>(ERASURES_COLLECTION, DURABLE);
  }
}
