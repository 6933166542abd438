import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsObject, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { LinkDto, ParticipationDto, WhenDto } from '../event-writer/event-input.dto';
import type { RecordEventHeldInput } from './record-event-held.command';

export class RecordEventHeldDto implements RecordEventHeldInput {
  @ApiProperty({ type: WhenDto, description: 'When it took place: known at least to the academic year, and not in the future' })
  @IsObject() @ValidateNested() @Type(() => WhenDto) when: WhenDto;
  @ApiProperty({ type: ParticipationDto }) @IsObject() @ValidateNested() @Type(() => ParticipationDto) participation: ParticipationDto;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'What came of it, in words' }) @IsOptional() @IsString() @MaxLength(10000) outcome?: string | null;
  @ApiPropertyOptional({ type: [LinkDto] }) @IsOptional() @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => LinkDto) materials?: LinkDto[];
  @ApiPropertyOptional({ type: [LinkDto], description: 'Where it was published ("on the school’s website")' })
  @IsOptional() @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => LinkDto) publications?: LinkDto[];
}
