import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { IsCalendarDate, IsNotBlank } from '@app/platform/http';
import type { RecordMemberLeavingInput } from './record-member-leaving.command';

export class RecordMemberLeavingDto implements RecordMemberLeavingInput {
  @ApiProperty({ example: '2019-08-31' }) @IsCalendarDate() on: string;
  @ApiProperty({ example: 'Перерозподіл учасників округів' }) @IsString() @IsNotBlank() @MaxLength(1000) reason: string;
}
