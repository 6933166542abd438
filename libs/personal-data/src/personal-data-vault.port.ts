/**
 * Personal data (today: people's names) lives here and nowhere else. Events, read models and
 * logs carry only a `personId`; a reader that needs the name asks the vault. Erasing a person
 * removes every stored value of the name and leaves a tombstone, so the append-only event log
 * never has to be rewritten and its history stays whole.
 */

/** A person's name as recorded, with who recorded it and when (ISO instant). */
export interface PersonRecord {
  personId: string;
  department: string;
  fullName: string;
  recordedAt: string;
  recordedBy: string;
}

/** The tombstone of an erased person: the fact, time, author and reason of the erasure. */
export interface ErasedPerson {
  personId: string;
  department: string;
  erasedAt: string;
  erasedBy: string;
  reason: string;
}

/** What a reader may show for a person id. */
export type PersonLookup =
  | { personId: string; status: 'present'; fullName: string }
  | { personId: string; status: 'erased'; erasedAt: string }
  | { personId: string; status: 'unknown' };

/**
 * The personal-data vault. Every adapter passes the same contract suite
 * (`personal-data-vault.contract.ts`).
 */
export interface PersonalDataVault {
  /**
   * Stores (or replaces, keeping the older value in the person's history) the name. Durable when
   * it resolves. Recording the name the person already has changes nothing. A person who was
   * erased stays erased: RuleViolated('person-erased'); a person of another department:
   * RuleViolated('person-of-another-department').
   */
  record(person: PersonRecord): Promise<void>;

  /**
   * Names for many ids at once (a fixed number of queries, however many ids), in the department
   * only; other departments' ids read as unknown. A lookup begun after an erasure resolved
   * reads the person as erased; one that overlaps it, as present or erased, never as unknown.
   */
  lookup(department: string, personIds: string[]): Promise<Map<string, PersonLookup>>;

  /**
   * Removes every stored value of the person (current and history), keeps a tombstone.
   * Idempotent: erasing again returns the first tombstone. Unknown id (or another
   * department's) → throws kernel NotFound.
   */
  erase(department: string, personId: string, by: { actorId: string; reason: string; at: string }): Promise<ErasedPerson>;

  /** A short description for health checks; throws when the vault cannot be reached. */
  ping(): Promise<{ kind: string }>;

  close(): Promise<void>;
}

/** DI token for the PersonalDataVault port. */
export const PERSONAL_DATA_VAULT = Symbol('PersonalDataVault');
