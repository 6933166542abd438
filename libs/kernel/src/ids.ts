import { createHash, randomFillSync } from 'node:crypto';

/** Random bytes drawn in bulk: one system call serves 256 ids. */
const pool = Buffer.alloc(16 * 256);
let pooled = pool.length;
const randomBytes16 = (): Buffer => {
  if (pooled >= pool.length) {
    randomFillSync(pool);
    pooled = 0;
  }
  pooled += 16;
  return pool.subarray(pooled - 16, pooled);
};

/** The millisecond of the last id made, and the count within it (12 bits). */
let lastMs = 0;
let counter = 0;

/**
 * A new identifier for aggregates, events, commands and correlations: a UUID v7 (RFC 9562), the
 * Unix time in milliseconds, then 74 random bits; within one millisecond a counter keeps the ids
 * of a process in the order they were made.
 *
 * Time-ordered, because ids are keys of B-tree indexes (events by id, streams, read models and
 * their indexes and words): a new random (v4) id lands on a random page of each of them, so a
 * commit of a few hundred documents rewrote thousands of pages; a new v7 id lands next to the
 * last one. Still unguessable (74 random bits); the instant it reveals is recorded anyway.
 */
export const newId = (): string => {
  const bytes = randomBytes16();
  const now = Date.now();
  if (now > lastMs) {
    lastMs = now;
    // A random start within the lower half leaves room to count up.
    counter = ((bytes[6] << 8) | bytes[7]) & 0x7ff;
  } else if (++counter > 0xfff) {
    // More than the counter holds in one millisecond (or the clock went back): borrow the next.
    lastMs++;
    counter = 0;
  }
  const hex = lastMs.toString(16).padStart(12, '0');
  bytes[6] = 0x70 | (counter >> 8);
  bytes[7] = counter & 0xff;
  bytes[8] = 0x80 | (bytes[8] & 0x3f);
  const tail = bytes.toString('hex', 6, 16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${tail.slice(0, 4)}-${tail.slice(4, 8)}-${tail.slice(8, 20)}`;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True when the value is a UUID in canonical text form. */
export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

/**
 * A UUID derived from its parts (name-based, SHA-256, version nibble 5): the same parts give
 * the same id. Used where a retried request must hit the same stream and events.
 */
export const deterministicId = (...parts: string[]): string => {
  const hex = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};
