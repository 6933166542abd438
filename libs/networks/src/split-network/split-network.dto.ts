import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsString, IsUUID, IsUrl, MaxLength } from 'class-validator';
import { IsCalendarDate, IsNotBlank } from '@app/platform/http';
import type { SplitNetworkInput } from './split-network.command';

export class SplitNetworkDto implements SplitNetworkInput {
  @ApiProperty({ type: [String], description: 'Members that move to the new network' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @IsUUID(undefined, { each: true })
  institutionIds: string[];
  @ApiProperty({ example: '2022-09-01' }) @IsCalendarDate() on: string;
  @ApiProperty({ example: 'Реструктуризация: выделение Подгорненского округа' }) @IsString() @IsNotBlank() @MaxLength(1000) reason: string;
  @ApiProperty({ description: 'Name of the new network', example: 'Подгорненский образовательный округ' }) @IsString() @IsNotBlank() @MaxLength(300) name: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotBlank() @MaxLength(20) number?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) description?: string;
  @ApiPropertyOptional() @IsOptional() @IsUrl({ protocols: ['http', 'https'], require_protocol: true }) website?: string;
}
