import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { IsCalendarDate } from '@app/platform/http';

export class SetAnchorDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() institutionId: string;
  @ApiProperty({ example: '2019-09-01' }) @IsCalendarDate() from: string;
}
