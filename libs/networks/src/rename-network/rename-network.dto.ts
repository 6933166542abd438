import { ApiProperty } from '@nestjs/swagger';
import { IsCalendarDate, IsText } from '@app/platform/http';
import type { RenameNetworkInput } from './rename-network.command';

export class RenameNetworkDto implements RenameNetworkInput {
  @ApiProperty({ example: 'Освітній округ № 2' }) @IsText(300) name: string;
  @ApiProperty({ example: '2020-09-01', description: 'The date the new name takes effect' }) @IsCalendarDate() renamedOn: string;
}
