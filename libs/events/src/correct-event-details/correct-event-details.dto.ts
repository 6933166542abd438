import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, IsOptional, ValidateNested } from 'class-validator';
import { IsOmittable, IsText } from '@app/platform/http';
import { KEEP, EventDetailsCorrectionDto } from '../event-writer/event-correction.dto';
import { WhenDto } from '../event-writer/event-input.dto';
import type { CorrectEventDetailsInput } from './correct-event-details.command';

/** Before holding: any details or the date; a field left out stays. */
export class CorrectEventDetailsDto extends EventDetailsCorrectionDto implements CorrectEventDetailsInput {
  @ApiPropertyOptional({ type: WhenDto, description: `${KEEP} A new date because the event moved is a postponement (with a reason) instead.` })
  @IsOmittable() @IsObject() @ValidateNested() @Type(() => WhenDto) when?: WhenDto;
  @ApiPropertyOptional({ description: 'Why (optional before holding: a mistyped topic needs none)', maxLength: 1000 }) @IsOptional() @IsText(1000) reason?: string;
}
