import { getMetadataStorage } from 'class-validator';

/** The part of class-validator's stored rule read here. */
interface ValidationMetadata {
  name?: string;
  propertyName: string;
  constraints?: unknown[];
  each?: boolean;
}

/** Where the OpenAPI generator keeps what `@ApiProperty` says about a property. */
const API_MODEL_PROPERTIES = 'swagger/apiModelProperties';

type Schema = Record<string, unknown>;

const isStringType = (schema: Schema): boolean => schema.type === String || schema.type === 'string';

/** What each validation rule says in OpenAPI terms; a value the property's own decorator gives wins. */
const RULES: Record<string, (constraints: unknown[], schema: Schema) => Schema> = {
  maxLength: ([n]) => ({ maxLength: n }),
  minLength: ([n]) => ({ minLength: n }),
  isNotEmpty: (_, schema) => (isStringType(schema) ? { minLength: 1 } : {}),
  // A text that is more than white space.
  isNotBlank: (_, schema) => (isStringType(schema) ? { minLength: 1, pattern: '\\S' } : {}),
  arrayMaxSize: ([n]) => ({ maxItems: n }),
  arrayMinSize: ([n]) => ({ minItems: n }),
  arrayNotEmpty: () => ({ minItems: 1 }),
  isIn: ([values]) => ({ enum: values }),
  isEnum: ([values]) => ({ enum: Object.values(values as object) }),
  min: ([n]) => ({ minimum: n }),
  max: ([n]) => ({ maximum: n }),
  isInt: () => ({ type: 'integer' }),
  isQueryWholeNumber: ([min, max]) => ({ type: 'integer', minimum: min, maximum: max }),
  isUuid: () => ({ format: 'uuid' }),
  isUrl: () => ({ format: 'uri' }),
  isCalendarDate: () => ({ format: 'date' }),
  matches: ([pattern]) => ({ pattern: pattern instanceof RegExp ? pattern.source : String(pattern) }),
};

/**
 * Writes the DTOs' validation rules (lengths, item counts, ranges, closed lists, formats,
 * patterns) into what the OpenAPI document is generated from, so the document states the
 * limits the API enforces without every DTO repeating them in `@ApiProperty`. Only
 * properties the document already lists are touched. Call it before the document is made.
 */
export const documentValidationRules = (): void => {
  // class-validator keeps its rules in a field its types do not publish.
  const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<Function, ValidationMetadata[]> };
  for (const [target, rules] of storage.validationMetadatas) {
    if (typeof target !== 'function') continue;
    for (const rule of rules) {
      const toSchema = rule.name ? RULES[rule.name] : undefined;
      if (!toSchema || rule.each) continue;
      const schema = Reflect.getMetadata(API_MODEL_PROPERTIES, target.prototype, rule.propertyName) as Schema | undefined;
      if (!schema) continue;
      const additions = toSchema(rule.constraints ?? [], schema);
      // Keep what the decorator states; an explicit `type: 'integer'` replaces the Number constructor.
      const merged: Schema = { ...schema };
      for (const [key, value] of Object.entries(additions)) {
        if (key === 'type' ? schema.type === Number : merged[key] === undefined) merged[key] = value;
      }
      Reflect.defineMetadata(API_MODEL_PROPERTIES, merged, target.prototype, rule.propertyName);
    }
  }
};
