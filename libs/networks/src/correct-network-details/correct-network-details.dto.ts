import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, IsUrl, MaxLength, ValidateIf } from 'class-validator';

export class CorrectNetworkDetailsDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(300) name?: string;
  @ApiPropertyOptional({ nullable: true, type: String }) @ValidateIf((_, v) => v !== null && v !== undefined) @IsString() @MaxLength(20) number?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) @ValidateIf((_, v) => v !== null && v !== undefined) @IsString() @MaxLength(2000) description?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) @ValidateIf((_, v) => v !== null && v !== undefined) @IsUrl({ protocols: ['http', 'https'], require_protocol: true }) website?: string | null;
  @ApiProperty({ example: 'Номер округу в наказі був інший' }) @IsString() @IsNotEmpty() @MaxLength(1000) reason: string;
}
