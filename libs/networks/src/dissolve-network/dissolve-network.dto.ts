import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { IsCalendarDate, IsNotBlank } from '@app/platform/http';
import type { DissolveNetworkInput } from './dissolve-network.command';

export class DissolveNetworkDto implements DissolveNetworkInput {
  @ApiProperty({ example: '2022-08-31' }) @IsCalendarDate() on: string;
  @ApiProperty({ example: 'Реструктуризация' }) @IsString() @IsNotBlank() @MaxLength(1000) reason: string;
}
