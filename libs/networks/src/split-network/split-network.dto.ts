import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsCalendarDate, IsText, IsWebsite } from '@app/platform/http';
import type { SplitNetworkInput } from './split-network.command';

export class SplitNetworkDto implements SplitNetworkInput {
  @ApiProperty({ type: [String], description: 'Members that move to the new network' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(500) @IsUUID(undefined, { each: true }) institutionIds: string[];
  @ApiProperty({ example: '2022-09-01' }) @IsCalendarDate() on: string;
  @ApiProperty({ example: 'Реструктуризация: выделение Подгорненского округа' }) @IsText(1000) reason: string;
  @ApiProperty({ description: 'Name of the new network', example: 'Подгорненский образовательный округ' }) @IsText(300) name: string;
  @ApiPropertyOptional() @IsOptional() @IsText(20) number?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) description?: string;
  @ApiPropertyOptional() @IsOptional() @IsWebsite() website?: string;
}
