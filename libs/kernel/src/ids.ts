import { randomUUID } from 'node:crypto';

/** A new random identifier (UUID v4) for aggregates, events, commands and correlations. */
export const newId = (): string => randomUUID();

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True when the value is a UUID in canonical text form. */
export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);
