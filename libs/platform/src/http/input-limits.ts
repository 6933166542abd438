import { FieldError } from '@app/kernel';

/**
 * Bounds on every request's input, checked before the DTOs see it: the validation and
 * transformation libraries recurse into whatever they are given, so a body nested a few
 * thousand levels deep overflowed the stack, and a huge key count made a huge answer.
 * The DTOs' own limits (lengths, ranges, kinds) are stricter and apply afterwards.
 */
export const INPUT_LIMITS = {
  /** Objects and arrays inside each other; the deepest body the API takes is 4 levels. */
  depth: 32,
  /** Characters of any one string value. */
  stringLength: 10_000,
  /** Items of any one array. */
  arrayLength: 10_000,
  /** Fields of any one object. */
  keys: 100,
  /** Characters of a field name. */
  keyLength: 100,
  /** Characters of the whole request target (path and query). */
  urlLength: 4_096,
  /** At most this many field errors are listed in one answer. */
  fieldErrors: 50,
} as const;

/** Names that reach object prototypes when copied onto an instance; never a field of ours. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Whether a JSON text nests objects and arrays deeper than `limit`. A linear scan of the
 * text, so that a deep body is refused before anything is built from it.
 */
export const jsonNestingExceeds = (text: string, limit: number): boolean => {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
};

const fieldOf = (path: string): string => path || '(body)';
const join = (path: string, key: string): string => (path ? `${path}.${key}` : key);

/**
 * Checks a parsed value against the limits and lists what is wrong, field by field (paths
 * as the validation answers write them: `members.0.role`; the whole body is `(body)`).
 */
export const checkInputLimits = (value: unknown, root = ''): FieldError[] => {
  const errors: FieldError[] = [];
  const add = (field: string, message: string) => {
    if (errors.length < INPUT_LIMITS.fieldErrors) errors.push({ field, messages: [message] });
  };
  const visit = (node: unknown, path: string, depth: number): void => {
    if (errors.length >= INPUT_LIMITS.fieldErrors) return;
    if (typeof node === 'string') {
      if (node.length > INPUT_LIMITS.stringLength) add(fieldOf(path), `${fieldOf(path)} must be at most ${INPUT_LIMITS.stringLength} characters`);
    } else if (typeof node === 'number') {
      if (!Number.isFinite(node) || Math.abs(node) > Number.MAX_SAFE_INTEGER) {
        add(fieldOf(path), `${fieldOf(path)} must be a number from -${Number.MAX_SAFE_INTEGER} to ${Number.MAX_SAFE_INTEGER}`);
      }
    } else if (node !== null && typeof node === 'object') {
      if (depth >= INPUT_LIMITS.depth) {
        add(fieldOf(path), `${fieldOf(path)} is nested deeper than ${INPUT_LIMITS.depth} levels`);
        return;
      }
      if (Array.isArray(node)) {
        if (node.length > INPUT_LIMITS.arrayLength) {
          add(fieldOf(path), `${fieldOf(path)} must have at most ${INPUT_LIMITS.arrayLength} items`);
          return;
        }
        node.forEach((item, index) => visit(item, join(path, String(index)), depth + 1));
        return;
      }
      const keys = Object.keys(node);
      if (keys.length > INPUT_LIMITS.keys) {
        add(fieldOf(path), `${fieldOf(path)} must have at most ${INPUT_LIMITS.keys} fields`);
        return;
      }
      for (const key of keys) {
        if (key.length > INPUT_LIMITS.keyLength) add(fieldOf(path), `${fieldOf(path)} has a field name longer than ${INPUT_LIMITS.keyLength} characters`);
        else if (FORBIDDEN_KEYS.has(key)) add(join(path, key), `property ${key} should not exist`);
        else visit((node as Record<string, unknown>)[key], join(path, key), depth + 1);
      }
    }
  };
  visit(value, root, 0);
  return errors;
};
