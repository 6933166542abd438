import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { IsCalendarDate } from '@app/platform/http';

export class RecordMemberLeavingDto {
  @ApiProperty({ example: '2019-08-31' }) @IsCalendarDate() on: string;
  @ApiProperty({ example: 'Перерозподіл учасників округів' }) @IsString() @IsNotEmpty() @MaxLength(1000) reason: string;
}
