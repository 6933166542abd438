import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, MaxLength } from 'class-validator';
import { IsText, IsWebsite } from '@app/platform/http';
import { INSTITUTION_KINDS, InstitutionKind } from '../institution/institution.decider';
import type { RegisterInstitutionInput } from './register-institution.command';

export class RegisterInstitutionDto implements RegisterInstitutionInput {
  @ApiProperty({ example: 'Муниципальное бюджетное общеобразовательное учреждение Мурыгинская средняя школа' }) @IsText(500) fullName: string;
  @ApiProperty({ example: 'МБОУ Мурыгинская СШ' }) @IsText(200) shortName: string;
  @ApiProperty({ enum: INSTITUTION_KINDS, example: 'general-school' }) @IsIn(INSTITUTION_KINDS) kind: InstitutionKind;
  @ApiProperty({ example: 'с. Мурыгино' }) @IsText(200) settlement: string;
  @ApiPropertyOptional({ description: 'A code from a state register (EDEBO, KPP/INN …); unique in the department', example: '6732012345' })
  @IsOptional() @IsText(64) externalCode?: string;
  @ApiPropertyOptional({ example: 'https://murygino-school.example' }) @IsOptional() @IsWebsite() @MaxLength(300) website?: string;
}
