/**
 * Typed errors of the domain and its ports. One exception filter maps them to RFC 7807
 * problem responses: invalid 400, unauthorised 401, forbidden 403, not found 404,
 * conflict 409 (a concurrent writer, a reused idempotency key), stale 412, rule broken 422, unavailable 503.
 */
export abstract class DomainError extends Error {
  /** A stable, machine-readable code, used as the problem `type` suffix. */
  abstract readonly code: string;
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export interface FieldError {
  field: string;
  messages: string[];
}

/** The input is malformed: wrong types, missing or unknown fields. Nothing was changed. */
export class InvalidInput extends DomainError {
  readonly code = 'invalid-input';
  constructor(message: string, readonly errors: FieldError[] = []) {
    super(message);
  }
}

/** A business rule refuses the command (e.g. closing a closed institution). */
export class RuleViolated extends DomainError {
  readonly code: string;
  constructor(rule: string, message: string) {
    super(message);
    this.code = rule;
  }
}

export class NotFound extends DomainError {
  readonly code = 'not-found';
  constructor(readonly what: string, readonly id: string) {
    super(`${what} ${id} was not found`);
  }
}

/** Another writer changed the stream between our read and our append. Retry may succeed. */
export class ConcurrencyConflict extends DomainError {
  readonly code = 'concurrency-conflict';
}

/**
 * The request's Idempotency-Key was used before and its first answer cannot be given again
 * (it held a secret, shown once): the repeat changes nothing. `first` names what the first
 * request made (`{ keyId }`), carried into the problem document.
 */
export class IdempotencyKeyReused extends DomainError {
  readonly code = 'idempotency-key-reused';
  constructor(message: string, readonly first: Record<string, string>) {
    super(message);
  }
}

/** The client's If-Match revision is not the current one. */
export class StaleRevision extends DomainError {
  readonly code = 'stale-revision';
  constructor(readonly expected: number, readonly actual: number) {
    super(`expected revision ${expected}, but the current revision is ${actual}`);
  }
}

export class Unauthenticated extends DomainError {
  readonly code = 'unauthenticated';
}

export class Forbidden extends DomainError {
  readonly code = 'forbidden';
}

/** A wait for a read model (consistentWith) or a dependency ran out of time. */
export class NotYetConsistent extends DomainError {
  readonly code = 'not-yet-consistent';
  constructor(readonly wanted: number, readonly reached: number, readonly projection: string) {
    super(`projection ${projection} reached position ${reached}, not yet ${wanted}; try again shortly`);
  }
}
