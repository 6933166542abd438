/**
 * A validator for the part of JSON Schema (draft 2020-12) that the reporting module's schemas
 * use, for their specs: `type` (one or a list), `properties`, `required`,
 * `additionalProperties: false`, `items`, `enum`, `const`, `minimum`, `pattern`, `anyOf`, and
 * `$ref` to the document's own `$defs`; `$schema`, `$id`, `title` and `description` are
 * annotations. Any other keyword is refused, so a schema cannot quietly rely on one this does
 * not check.
 */
export type JsonSchema = { [keyword: string]: unknown };

export interface SchemaError {
  /** Where in the value, as a JSON pointer ("/eventsHeld/0/when"). */
  path: string;
  message: string;
}

const KNOWN = new Set(['$schema', '$id', '$defs', 'title', 'description', 'type', 'properties', 'required', 'additionalProperties', 'items', 'enum', 'const', 'minimum', 'pattern', 'anyOf', '$ref']);

const typeOf = (value: unknown): string => {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
};
const isType = (value: unknown, type: string): boolean => {
  const actual = typeOf(value);
  return actual === type || (type === 'number' && actual === 'integer');
};

/** Every error of the value against the schema (the root schema holds the `$defs` its `$ref`s name); empty when it is valid. */
export const validate = (root: JsonSchema, value: unknown): SchemaError[] => {
  const errors: SchemaError[] = [];
  const resolve = (ref: string): JsonSchema => {
    const match = /^#\/\$defs\/([^/]+)$/.exec(ref);
    const found = match ? (root.$defs as Record<string, JsonSchema> | undefined)?.[match[1]] : undefined;
    if (!found) throw new Error(`unsupported or unknown $ref ${ref}`);
    return found;
  };
  const check = (schema: JsonSchema, v: unknown, path: string, into: SchemaError[]): void => {
    for (const keyword of Object.keys(schema)) if (!KNOWN.has(keyword)) throw new Error(`unsupported keyword ${keyword} at ${path || '/'}`);
    if (schema.$ref !== undefined) check(resolve(schema.$ref as string), v, path, into);
    if (schema.anyOf !== undefined) {
      const branches = (schema.anyOf as JsonSchema[]).map((branch) => {
        const found: SchemaError[] = [];
        check(branch, v, path, found);
        return found;
      });
      if (!branches.some((b) => b.length === 0)) into.push({ path, message: `matches none of anyOf: ${branches.map((b) => b[0]?.message).join(' | ')}` });
    }
    if (schema.type !== undefined) {
      const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
      if (!types.some((t) => isType(v, t))) {
        into.push({ path, message: `is ${typeOf(v)}, not ${types.join(' or ')}` });
        return;
      }
    }
    if (schema.const !== undefined && v !== schema.const) into.push({ path, message: `is not ${JSON.stringify(schema.const)}` });
    if (schema.enum !== undefined && !(schema.enum as unknown[]).includes(v)) into.push({ path, message: `${JSON.stringify(v)} is not one of ${JSON.stringify(schema.enum)}` });
    if (schema.minimum !== undefined && typeof v === 'number' && v < (schema.minimum as number)) into.push({ path, message: `is below ${schema.minimum}` });
    if (schema.pattern !== undefined && typeof v === 'string' && !new RegExp(schema.pattern as string, 'u').test(v)) into.push({ path, message: `${JSON.stringify(v)} does not match ${schema.pattern}` });
    if (typeOf(v) === 'object') {
      const object = v as Record<string, unknown>;
      const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
      for (const name of (schema.required ?? []) as string[]) if (!(name in object)) into.push({ path: `${path}/${name}`, message: 'is required' });
      for (const [name, child] of Object.entries(object)) {
        if (properties[name]) check(properties[name], child, `${path}/${name}`, into);
        else if (schema.additionalProperties === false) into.push({ path: `${path}/${name}`, message: 'is not a property of the schema' });
      }
    }
    if (Array.isArray(v) && schema.items !== undefined) v.forEach((item, i) => check(schema.items as JsonSchema, item, `${path}/${i}`, into));
  };
  check(root, value, '', errors);
  return errors;
};
