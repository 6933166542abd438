import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { IsCalendarDate, IsNotBlank } from '@app/platform/http';
import type { RenameNetworkInput } from './rename-network.command';

export class RenameNetworkDto implements RenameNetworkInput {
  @ApiProperty({ example: 'Освітній округ № 2' }) @IsString() @IsNotBlank() @MaxLength(300) name: string;
  @ApiProperty({ example: '2020-09-01', description: 'The date the new name takes effect' }) @IsCalendarDate() renamedOn: string;
}
