import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PagingQueryDto } from '@app/platform/http';
import { INSTITUTION_KINDS, InstitutionKind } from '../institution/institution.decider';
import { institutionListProjection } from './institution-list.projection';

export class ListInstitutionsQueryDto extends PagingQueryDto {
  @ApiPropertyOptional({ enum: INSTITUTION_KINDS }) @IsOptional() @IsIn(INSTITUTION_KINDS) kind?: InstitutionKind;
  @ApiPropertyOptional({ enum: ['open', 'closed'] }) @IsOptional() @IsIn(['open', 'closed']) status?: 'open' | 'closed';
  @ApiPropertyOptional({ description: 'Words of the full or short name: each word given must begin one of them, in any case', example: 'ліц 7' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
  @ApiPropertyOptional({ example: 'Бахмут' }) @IsOptional() @IsString() @MaxLength(200) settlement?: string;
}

export class ListInstitutionsQuery {
  static readonly reads = [institutionListProjection];
  constructor(
    readonly department: string,
    readonly filter: ListInstitutionsQueryDto,
  ) {}
}

export class GetInstitutionQuery {
  static readonly reads = [institutionListProjection];
  constructor(
    readonly department: string,
    readonly institutionId: string,
    readonly consistentWith?: number,
  ) {}
}
