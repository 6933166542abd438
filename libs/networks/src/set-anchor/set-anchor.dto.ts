import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { IsCalendarDate } from '@app/platform/http';
import type { SetAnchorInput } from './set-anchor.command';

export class SetAnchorDto implements SetAnchorInput {
  @ApiProperty({ format: 'uuid' }) @IsUUID() institutionId: string;
  @ApiProperty({ example: '2019-09-01' }) @IsCalendarDate() from: string;
}
