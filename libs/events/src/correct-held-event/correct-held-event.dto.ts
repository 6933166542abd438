import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsObject, IsString, MaxLength, ValidateNested } from 'class-validator';
import { IsClearable, IsOmittable, IsText } from '@app/platform/http';
import { CLEAR, KEEP, EventDetailsCorrectionDto } from '../event-writer/event-correction.dto';
import { LinkDto, ParticipationDto, WhenDto } from '../event-writer/event-input.dto';
import type { CorrectHeldEventInput } from './correct-held-event.command';

/** After holding: any details or anything holding recorded, always with a reason; a field left out stays. */
export class CorrectHeldEventDto extends EventDetailsCorrectionDto implements CorrectHeldEventInput {
  @ApiPropertyOptional({ type: WhenDto, description: `${KEEP} Known at least to the academic year, not in the future.` })
  @IsOmittable() @IsObject() @ValidateNested() @Type(() => WhenDto) when?: WhenDto;
  @ApiPropertyOptional({ type: ParticipationDto, description: `${KEEP} The whole participation (counts and institutions).` })
  @IsOmittable() @IsObject() @ValidateNested() @Type(() => ParticipationDto) participation?: ParticipationDto;
  @ApiPropertyOptional({ type: String, nullable: true, description: CLEAR }) @IsClearable() @IsString() @MaxLength(10000) outcome?: string | null;
  @ApiPropertyOptional({ type: [LinkDto], description: `${KEEP} The whole list.` })
  @IsOmittable() @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => LinkDto) materials?: LinkDto[];
  @ApiPropertyOptional({ type: [LinkDto], description: `${KEEP} The whole list.` })
  @IsOmittable() @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => LinkDto) publications?: LinkDto[];
  @ApiProperty({ description: 'Why the record was wrong; required', example: 'Уточнено число участников по журналу регистрации', maxLength: 1000 }) @IsText(1000) reason: string;
}
