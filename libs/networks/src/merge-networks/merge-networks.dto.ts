import { ApiProperty } from '@nestjs/swagger';
import { IsString, IsUUID, MaxLength } from 'class-validator';
import { IsCalendarDate, IsNotBlank } from '@app/platform/http';
import type { MergeNetworksInput } from './merge-networks.command';

export class MergeNetworksDto implements MergeNetworksInput {
  @ApiProperty({ format: 'uuid', description: 'The network that takes the members' }) @IsUUID() intoNetworkId: string;
  @ApiProperty({ example: '2022-09-01' }) @IsCalendarDate() on: string;
  @ApiProperty({ example: 'Реструктуризация сети округов' }) @IsString() @IsNotBlank() @MaxLength(1000) reason: string;
}
