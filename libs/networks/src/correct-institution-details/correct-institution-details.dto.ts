import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUrl, MaxLength, ValidateIf } from 'class-validator';
import { INSTITUTION_KINDS, InstitutionKind } from '../institution/institution.decider';

/** Fields to correct (only those given change) and why. */
export class CorrectInstitutionDetailsDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(500) fullName?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) shortName?: string;
  @ApiPropertyOptional({ enum: INSTITUTION_KINDS }) @IsOptional() @IsIn(INSTITUTION_KINDS) kind?: InstitutionKind;
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) settlement?: string;

  @ApiPropertyOptional({ nullable: true, description: 'null removes the code' })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  externalCode?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'null removes the website' })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(300)
  website?: string | null;

  @ApiProperty({ description: 'Why the record was wrong; required', example: 'Typo in the register' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason: string;
}
