import { ApiProperty } from '@nestjs/swagger';
import { IsCalendarDate, IsText } from '@app/platform/http';
import type { DissolveNetworkInput } from './dissolve-network.command';

export class DissolveNetworkDto implements DissolveNetworkInput {
  @ApiProperty({ example: '2022-08-31' }) @IsCalendarDate() on: string;
  @ApiProperty({ example: 'Реструктуризация' }) @IsText(1000) reason: string;
}
