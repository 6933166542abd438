import { ApiProperty } from '@nestjs/swagger';
import { IsString, IsUUID, MaxLength } from 'class-validator';
import { IsCalendarDate, IsNotBlank } from '@app/platform/http';

export class MergeNetworksDto {
  @ApiProperty({ format: 'uuid', description: 'The network that takes the members' }) @IsUUID() intoNetworkId: string;
  @ApiProperty({ example: '2022-09-01' }) @IsCalendarDate() on: string;
  @ApiProperty({ example: 'Реструктуризация сети округов' }) @IsString() @IsNotBlank() @MaxLength(1000) reason: string;
}
