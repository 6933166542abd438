/**
 * Builds requests from the OpenAPI document itself, so that suites which must cover every
 * endpoint (the role matrix, department isolation) cover a new one without being edited.
 */
export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, Schema> };
}

export interface OpenApiOperation {
  parameters?: { name: string; in: string; required?: boolean }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses?: Record<string, unknown>;
}

export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  oneOf?: Schema[];
  allOf?: Schema[];
  minimum?: number;
}

export interface Operation {
  method: string;
  /** As the document writes it: `/networks/{id}/members`. */
  path: string;
  pathParams: string[];
  operation: OpenApiOperation;
}

export const operationsOf = (doc: OpenApiDocument): Operation[] =>
  Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, operation]) => ({
      method,
      path,
      pathParams: [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]),
      operation,
    })),
  );

export const fillPath = (path: string, values: Record<string, string>): string =>
  path.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (!(name in values)) throw new Error(`no value for path parameter ${name} of ${path}`);
    return encodeURIComponent(values[name]);
  });

const resolve = (doc: OpenApiDocument, schema: Schema): Schema => {
  if (schema.$ref) return resolve(doc, doc.components.schemas[schema.$ref.replace('#/components/schemas/', '')]);
  if (schema.oneOf) return resolve(doc, schema.oneOf[0]);
  if (schema.allOf) return resolve(doc, schema.allOf[0]);
  return schema;
};

/**
 * A body that passes validation: each required field with its example, the first value of its
 * enum, or a plain value of its type. Fields that name records (`…Id`, `…Ids`, uuid format)
 * take the value `idFor(field)` gives, so that suites choose whose ids they send.
 */
export const validBody = (doc: OpenApiDocument, operation: OpenApiOperation, idFor: (field: string) => string): unknown => {
  const content = operation.requestBody?.content;
  if (!content) return undefined;
  const json = content['application/json'];
  if (!json) return undefined;
  const build = (schema: Schema, field: string): unknown => {
    const s = resolve(doc, schema);
    if (s.format === 'uuid' || /Id$/.test(field)) return idFor(field);
    if (s.type === 'array') return /Ids$/.test(field) ? [idFor(field)] : [build(s.items ?? { type: 'string' }, field)];
    if (s.example !== undefined) return s.example;
    if (s.enum) return s.enum[0];
    if (s.type === 'object' || s.properties) {
      const out: Record<string, unknown> = {};
      for (const name of s.required ?? []) out[name] = build(s.properties?.[name] ?? { type: 'string' }, name);
      return out;
    }
    if (s.type === 'integer' || s.type === 'number') return s.minimum ?? 1;
    if (s.type === 'boolean') return false;
    return 'Тест';
  };
  return build(json.schema, 'body');
};
