import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { IsCalendarDate, IsText } from '@app/platform/http';
import type { MergeNetworksInput } from './merge-networks.command';

export class MergeNetworksDto implements MergeNetworksInput {
  @ApiProperty({ format: 'uuid', description: 'The network that takes the members' }) @IsUUID() intoNetworkId: string;
  @ApiProperty({ example: '2022-09-01' }) @IsCalendarDate() on: string;
  @ApiProperty({ example: 'Реструктуризация сети округов' }) @IsText(1000) reason: string;
}
