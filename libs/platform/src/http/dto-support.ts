import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min, ValidateBy, ValidationOptions, buildMessage } from 'class-validator';
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

/** `?consistentWith=<position>`: wait until the read model has applied that write. */
export class ConsistencyQueryDto {
  @ApiProperty({ required: false, description: 'A position from a write response; the answer waits (bounded) until it is reflected', example: 42 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  consistentWith?: number;
}

export class PagingQueryDto extends ConsistencyQueryDto {
  @ApiProperty({ required: false, default: 0, minimum: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset?: number;

  @ApiProperty({ required: false, default: 50, minimum: 1, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}
