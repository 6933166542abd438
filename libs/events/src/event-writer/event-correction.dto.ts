import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsObject, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { IsClearable, IsOmittable, IsText } from '@app/platform/http';
import { AUDIENCE_CATEGORIES, AudienceCategory, EVENT_KINDS, EVENT_LEVELS, EventKind, EventLevel } from '../event/event-vocabulary';
import type { EventDetailsInput } from './event-input';
import { FormatDto, IdList, PersonDto } from './event-input.dto';

export const KEEP = 'Leave it out to keep the current value; it may be corrected, never cleared (null is refused).';
export const CLEAR = 'Leave it out to keep the current value; null clears it.';

/** The details a correction may change, before or after holding: only those given change. */
export class EventDetailsCorrectionDto implements Partial<EventDetailsInput> {
  @ApiPropertyOptional({ enum: EVENT_KINDS, description: KEEP }) @IsOmittable() @IsIn(EVENT_KINDS) kind?: EventKind;
  @ApiPropertyOptional({ description: KEEP, maxLength: 1000 }) @IsOmittable() @IsText(1000) topic?: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: CLEAR }) @IsClearable() @IsString() @MaxLength(5000) description?: string | null;
  @ApiPropertyOptional({ type: [String], description: `${KEEP} At least one.` }) @IsOmittable() @ArrayMinSize(1) @IdList(50) networkIds?: string[];
  @ApiPropertyOptional({ type: [String], description: `${KEEP} [] for none.` }) @IsOmittable() @IdList(50) audienceNetworkIds?: string[];
  @ApiPropertyOptional({ type: [String], description: `${KEEP} [] for none.` }) @IsOmittable() @IdList(50) hostIds?: string[];
  @ApiPropertyOptional({ type: FormatDto, description: KEEP }) @IsOmittable() @IsObject() @ValidateNested() @Type(() => FormatDto) format?: FormatDto;
  @ApiPropertyOptional({ enum: EVENT_LEVELS, description: KEEP }) @IsOmittable() @IsIn(EVENT_LEVELS) level?: EventLevel;
  @ApiPropertyOptional({ enum: AUDIENCE_CATEGORIES, isArray: true, description: KEEP })
  @IsOmittable() @IsArray() @ArrayMaxSize(20) @IsIn(AUDIENCE_CATEGORIES, { each: true }) audience?: AudienceCategory[];
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: CLEAR }) @IsClearable() @IsUUID() seriesId?: string | null;
  @ApiPropertyOptional({ type: [PersonDto], description: `${KEEP} The whole new list: the event's people by personId, new ones by fullName (to the vault).` })
  @IsOmittable() @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => PersonDto) people?: PersonDto[];
}
