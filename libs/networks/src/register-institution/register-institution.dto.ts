import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUrl, MaxLength } from 'class-validator';
import { IsNotBlank } from '@app/platform/http';
import { INSTITUTION_KINDS, InstitutionKind } from '../institution/institution.decider';
import type { RegisterInstitutionInput } from './register-institution.command';

export class RegisterInstitutionDto implements RegisterInstitutionInput {
  @ApiProperty({ example: 'Муниципальное бюджетное общеобразовательное учреждение Мурыгинская средняя школа' })
  @IsString()
  @IsNotBlank()
  @MaxLength(500)
  fullName: string;

  @ApiProperty({ example: 'МБОУ Мурыгинская СШ' })
  @IsString()
  @IsNotBlank()
  @MaxLength(200)
  shortName: string;

  @ApiProperty({ enum: INSTITUTION_KINDS, example: 'general-school' })
  @IsIn(INSTITUTION_KINDS)
  kind: InstitutionKind;

  @ApiProperty({ example: 'с. Мурыгино' })
  @IsString()
  @IsNotBlank()
  @MaxLength(200)
  settlement: string;

  @ApiPropertyOptional({ description: 'A code from a state register (EDEBO, KPP/INN …); unique in the department', example: '6732012345' })
  @IsOptional()
  @IsString()
  @IsNotBlank()
  @MaxLength(64)
  externalCode?: string;

  @ApiPropertyOptional({ example: 'https://murygino-school.example' })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(300)
  website?: string;
}
