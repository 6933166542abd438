import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import type { RevokeApiKeyInput } from './revoke-api-key.command';

export class RevokeApiKeyDto implements RevokeApiKeyInput {
  @ApiProperty({ description: 'Why the key is revoked', example: 'Оператор звільнився', maxLength: 1000 }) @IsString() @IsNotEmpty() @MaxLength(1000) reason: string;
}
