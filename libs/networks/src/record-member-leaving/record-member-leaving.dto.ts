import { ApiProperty } from '@nestjs/swagger';
import { IsCalendarDate, IsText } from '@app/platform/http';
import type { RecordMemberLeavingInput } from './record-member-leaving.command';

export class RecordMemberLeavingDto implements RecordMemberLeavingInput {
  @ApiProperty({ example: '2019-08-31' }) @IsCalendarDate() on: string;
  @ApiProperty({ example: 'Перерозподіл учасників округів' }) @IsText(1000) reason: string;
}
