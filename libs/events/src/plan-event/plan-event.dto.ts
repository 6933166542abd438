import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsObject, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { IsText } from '@app/platform/http';
import { AUDIENCE_CATEGORIES, AudienceCategory, EVENT_KINDS, EVENT_LEVELS, EventKind, EventLevel } from '../event/event-vocabulary';
import { FormatDto, IdList, NewPersonDto, WhenDto } from '../event-writer/event-input.dto';
import type { PlanEventInput } from './plan-event.command';

export class PlanEventDto implements PlanEventInput {
  @ApiProperty({ enum: EVENT_KINDS, example: 'seminar' }) @IsIn(EVENT_KINDS) kind: EventKind;
  @ApiProperty({ description: 'As the department writes it', example: 'Гражданско-патриотическое воспитание на основе краеведческого материала' }) @IsText(1000) topic: string;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsString() @MaxLength(5000) description?: string | null;
  @ApiProperty({ type: [String], description: 'The networks that hold it: one, or several for a joint event' })
  @ArrayMinSize(1) @IdList(50) networkIds: string[];
  @ApiPropertyOptional({ type: [String], description: 'Networks it is held for, besides its own' }) @IsOptional() @IdList(50) audienceNetworkIds?: string[];
  @ApiPropertyOptional({ type: [String], description: 'The institutions it is held at or by: registered in the department, members or not (an outside host is recorded as such)' })
  @IsOptional() @IdList(50) hostIds?: string[];
  @ApiProperty({ type: WhenDto, description: 'When it takes place, as precisely as known' }) @IsObject() @ValidateNested() @Type(() => WhenDto) when: WhenDto;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'The series it is one of: of its kind, sharing one of its networks' })
  @IsOptional() @IsUUID() seriesId?: string | null;
  @ApiProperty({ type: FormatDto }) @IsObject() @ValidateNested() @Type(() => FormatDto) format: FormatDto;
  @ApiProperty({ enum: EVENT_LEVELS, example: 'network' }) @IsIn(EVENT_LEVELS) level: EventLevel;
  @ApiPropertyOptional({ enum: AUDIENCE_CATEGORIES, isArray: true }) @IsOptional() @IsArray() @ArrayMaxSize(20) @IsIn(AUDIENCE_CATEGORIES, { each: true }) audience?: AudienceCategory[];
  @ApiPropertyOptional({ type: [NewPersonDto], description: 'The people involved; their names go to the personal-data vault, the event keeps their ids' })
  @IsOptional() @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => NewPersonDto) people?: NewPersonDto[];
  @ApiPropertyOptional({ type: [String], description: 'The plan items it realises (the planning module’s ids)' }) @IsOptional() @IdList(50) planItemIds?: string[];
}
