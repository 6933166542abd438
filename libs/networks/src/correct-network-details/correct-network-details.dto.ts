import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { IsClearable, IsOmittable, IsText, IsWebsite } from '@app/platform/http';
import type { CorrectNetworkDetailsInput } from './correct-network-details.command';

const KEEP = 'Leave it out to keep the current name. Required: it may be corrected to another name, never cleared (null is refused).';
const CLEAR = 'Leave it out to keep the current value; null clears it.';

export class CorrectNetworkDetailsDto implements CorrectNetworkDetailsInput {
  @ApiPropertyOptional({ maxLength: 300, description: KEEP }) @IsOmittable() @IsText(300) name?: string;
  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 20, description: CLEAR }) @IsClearable() @IsText(20) number?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 2000, description: CLEAR }) @IsClearable() @IsString() @MaxLength(2000) description?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: CLEAR }) @IsClearable() @IsWebsite() website?: string | null;
  @ApiProperty({ example: 'Номер округу в наказі був інший', maxLength: 1000 }) @IsText(1000) reason: string;
}
