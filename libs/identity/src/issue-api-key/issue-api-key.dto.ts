import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsISO8601, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { ROLES, Role } from '@app/platform/access';

export class IssueApiKeyDto {
  @ApiProperty({ description: 'Who will use the key (a person or a system), recorded on every event it causes', example: 'operator.ivanova', maxLength: 100 })
  @IsString() @IsNotEmpty() @MaxLength(100) actorId: string;
  @ApiProperty({ enum: ROLES, example: 'operator', description: 'What the key may do (docs/roles.md); always within your department' }) @IsIn(ROLES) role: Role;
  @ApiProperty({ description: 'What the key is for', example: 'Operator of the education department', maxLength: 200 })
  @IsString() @IsNotEmpty() @MaxLength(200) label: string;
  @ApiPropertyOptional({ description: 'For role network-head (and only for it): the networks of your department the key is for', type: [String], format: 'uuid' })
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(100) @IsUUID('all', { each: true }) networkIds?: string[];
  @ApiPropertyOptional({ description: 'When the key stops working (ISO 8601 date-time, in the future)', example: '2027-08-31T23:59:59Z' })
  @IsOptional() @IsISO8601({ strict: true }) expiresAt?: string;
}

export class IssuedApiKeyDto {
  @ApiProperty() keyId: string;
  @ApiProperty({ description: 'The secret. Shown only in this response; okrug keeps only a keyed hash of it.' }) secret: string;
  @ApiProperty() actorId: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty() department: string;
  @ApiPropertyOptional({ type: [String] }) networkIds?: string[];
  @ApiPropertyOptional() expiresAt?: string;
  @ApiProperty({ description: 'Global position of the recorded event' }) position: number;
}
