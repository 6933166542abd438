import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, MaxLength } from 'class-validator';
import { IsClearable, IsOmittable, IsText, IsWebsite } from '@app/platform/http';
import { INSTITUTION_KINDS, InstitutionKind } from '../institution/institution.decider';
import type { CorrectInstitutionDetailsInput } from './correct-institution-details.command';

const KEEP = 'Leave it out to keep the current value. Required: it may be corrected to another value, never cleared (null is refused).';
const CLEAR = 'Leave it out to keep the current value; null clears it.';

/** Fields to correct (only those given change) and why. */
export class CorrectInstitutionDetailsDto implements CorrectInstitutionDetailsInput {
  @ApiPropertyOptional({ description: KEEP, maxLength: 500 }) @IsOmittable() @IsText(500) fullName?: string;
  @ApiPropertyOptional({ description: KEEP, maxLength: 200 }) @IsOmittable() @IsText(200) shortName?: string;
  @ApiPropertyOptional({ enum: INSTITUTION_KINDS, description: KEEP }) @IsOmittable() @IsIn(INSTITUTION_KINDS) kind?: InstitutionKind;
  @ApiPropertyOptional({ description: KEEP, maxLength: 200 }) @IsOmittable() @IsText(200) settlement?: string;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 64, description: `${CLEAR} Unique in the department.` })
  @IsClearable() @IsText(64) externalCode?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 300, description: CLEAR }) @IsClearable() @IsWebsite() @MaxLength(300) website?: string | null;
  @ApiProperty({ description: 'Why the record was wrong; required', example: 'Typo in the register', maxLength: 1000 }) @IsText(1000) reason: string;
}
