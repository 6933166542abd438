import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, IsUrl, MaxLength, ValidateBy, ValidateIf, ValidationOptions, buildMessage } from 'class-validator';
import { isIsoDate } from '@app/kernel';

/** A real calendar date written YYYY-MM-DD. */
export const IsCalendarDate = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy(
    {
      name: 'isCalendarDate',
      validator: {
        validate: (value) => isIsoDate(value),
        defaultMessage: buildMessage((each) => `${each}$property must be a date written YYYY-MM-DD`, options),
      },
    },
    options,
  );

/**
 * A text with something in it: a string that is not empty and not only whitespace. Handlers
 * trim what they store, so `"   "` would otherwise be stored as `""` (imports refuse the same
 * values: they trim first and call the field missing).
 */
export const IsNotBlank = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy(
    {
      name: 'isNotBlank',
      validator: {
        validate: (value) => typeof value === 'string' && value.trim().length > 0,
        defaultMessage: buildMessage((each) => `${each}$property must be a text that is not empty or only whitespace`, options),
      },
    },
    options,
  );

/**
 * A field that may be left out (nothing changes) but never sent as `null`: a required detail
 * can be corrected to another value, never to nothing. Use it instead of `@IsOptional()`, which
 * lets `null` through. The other validators of the field then run on any value but `undefined`.
 */
export const IsOmittable = (options?: ValidationOptions): PropertyDecorator => {
  const present = ValidateIf((_object, value) => value !== undefined, options);
  const notNull = ValidateBy(
    {
      name: 'isNotNull',
      validator: {
        validate: (value) => value !== null,
        defaultMessage: buildMessage((each) => `${each}$property is required and cannot be cleared; leave it out to keep the current value`, options),
      },
    },
    options,
  );
  return (target, key) => {
    present(target, key);
    notNull(target, key);
  };
};

/**
 * A text of at most `max` characters with something in it: `@IsString() @IsNotBlank() @MaxLength(max)`
 * in one, its rules applied in the order those three give them (so the messages of a refusal keep theirs).
 */
export const IsText = (max: number): PropertyDecorator => (target, key) => {
  MaxLength(max)(target, key);
  IsNotBlank()(target, key);
  IsString()(target, key);
};

/** A web address: an absolute http or https URL. */
export const IsWebsite = (): PropertyDecorator => IsUrl({ protocols: ['http', 'https'], require_protocol: true });

/** A field that may be left out (nothing changes) or sent as `null` (it is cleared). */
export const IsClearable = (options?: ValidationOptions): PropertyDecorator => ValidateIf((_object, value) => value !== undefined && value !== null, options);

/** The answer to every accepted write. */
export class WriteResultDto {
  @ApiProperty({ description: 'Id of the changed resource' }) id: string;
  @ApiProperty({ description: 'Revision of the resource after the change; send it back as If-Match', example: 3 }) revision: number;
  @ApiProperty({ description: 'Global position of the change; pass it as consistentWith to read your write', example: 42 }) position: number;
}

/**
 * A whole number in the query, written in digits, from `min` to `max` (at most the largest
 * exact integer): `1e21`, `0x10`, `1.5`, ` 7` are refused, not rounded. Converted to a
 * number only then.
 */
export const IsQueryWholeNumber = (range: { min?: number; max?: number } = {}, options?: ValidationOptions): PropertyDecorator => {
  const min = range.min ?? 0;
  const max = range.max ?? Number.MAX_SAFE_INTEGER;
  const toNumber = Transform(({ value }) => (typeof value === 'string' && /^\d{1,16}$/.test(value) && Number.isSafeInteger(Number(value)) ? Number(value) : value));
  const check = ValidateBy(
    {
      name: 'isQueryWholeNumber',
      constraints: [min, max],
      validator: {
        validate: (value) => Number.isSafeInteger(value) && (value as number) >= min && (value as number) <= max,
        defaultMessage: buildMessage((each) => `${each}$property must be a whole number from ${min} to ${max}, written in digits`, options),
      },
    },
    options,
  );
  return (target, key) => {
    toNumber(target, key);
    check(target, key);
  };
};

/** `?consistentWith=<position>`: wait until the read model has applied that write. */
export class ConsistencyQueryDto {
  @ApiProperty({ required: false, description: 'A position from a write response; the answer waits (bounded) until it is reflected', example: 42 })
  @IsOptional()
  @IsQueryWholeNumber()
  consistentWith?: number;
}

export class PagingQueryDto extends ConsistencyQueryDto {
  @ApiProperty({ required: false, default: 0, minimum: 0 })
  @IsOptional()
  @IsQueryWholeNumber()
  offset?: number;

  @ApiProperty({ required: false, default: 50, minimum: 1, maximum: 500 })
  @IsOptional()
  @IsQueryWholeNumber({ min: 1, max: 500 })
  limit?: number;
}
