import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, ValidateBy, ValidationOptions, buildMessage } from 'class-validator';
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
