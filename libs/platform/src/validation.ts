import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError, InvalidInput } from '@app/kernel';
import { INPUT_LIMITS, checkInputLimits } from './http/input-limits';

const flatten = (errors: ValidationError[], prefix = ''): FieldError[] =>
  errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own: FieldError[] = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });

/** The answer lists the first problems in full; the detail says how many more there were. */
const invalid = (errors: FieldError[]): InvalidInput => {
  const more = errors.length - INPUT_LIMITS.fieldErrors;
  return new InvalidInput(
    more > 0 ? `the request has invalid fields (${more} more not listed)` : 'the request has invalid fields',
    errors.slice(0, INPUT_LIMITS.fieldErrors),
  );
};

const positionOf = (raw: unknown): number | undefined =>
  typeof raw === 'string' && /^\d{1,16}$/.test(raw) ? Number(raw) : typeof raw === 'number' ? raw : undefined;

export interface ValidationPipeOptions {
  /**
   * Position of the newest event in the log. With it, a `consistentWith` beyond the head is a
   * field error: a write never answered such a position, and waiting for it would only time out.
   */
  headPosition?: () => Promise<number>;
}

/**
 * Validates every body and query against its DTO: unknown fields are refused, types are
 * checked, and the answer lists the problems field by field. The input's size and shape are
 * bounded first (see {@link INPUT_LIMITS}), since the transformation recurses into it.
 */
class RequestValidationPipe extends ValidationPipe {
  constructor(private readonly bounds: ValidationPipeOptions) {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
      transform: true,
      stopAtFirstError: false,
      // The whole list; `transform` cuts it once everything is known.
      exceptionFactory: (errors) => new InvalidInput('the request has invalid fields', flatten(errors)),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // JSON bodies are bounded as they are parsed; the query is bounded here.
    if (metadata.type === 'query' && value !== null && typeof value === 'object') {
      const limits = checkInputLimits({ ...value }, '');
      if (limits.length > 0) throw invalid(limits.map((e) => (e.field === '(body)' ? { ...e, field: '(query)' } : e)));
    }
    let errors: FieldError[] = [];
    let result: unknown;
    try {
      result = await super.transform(value, metadata);
    } catch (error) {
      if (!(error instanceof InvalidInput)) throw error;
      errors = [...error.errors];
    }
    const wanted = metadata.type === 'query' ? positionOf((value as { consistentWith?: unknown } | undefined)?.consistentWith) : undefined;
    if (wanted !== undefined && this.bounds.headPosition && !errors.some((e) => e.field === 'consistentWith')) {
      const head = await this.bounds.headPosition();
      if (wanted > head) errors.push({ field: 'consistentWith', messages: [`consistentWith must be a position a write answered; the log ends at ${head}`] });
    }
    if (errors.length > 0) throw invalid(errors);
    return result;
  }
}

export const validationPipe = (options: ValidationPipeOptions = {}): ValidationPipe => new RequestValidationPipe(options);
