import { Query } from '@nestjs/cqrs';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PagingQueryDto } from '@app/platform/http';
import type { ReadPage } from '@app/read-store';
import { INSTITUTION_KINDS, InstitutionKind } from '../institution/institution.decider';
import { InstitutionFields, institutionListProjection } from './institution-list.projection';

/** An institution as the register's queries answer it: its details and state, without the document's search words. */
export type Institution = InstitutionFields;

/** A page of institutions. */
export type InstitutionPage = ReadPage<Institution>;

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

/** A page of the department's institutions, filtered, in short-name order. */
export class ListInstitutionsQuery extends Query<InstitutionPage> {
  static readonly reads = [institutionListProjection];
  constructor(
    readonly department: string,
    readonly filter: ListInstitutionsQueryDto,
  ) {
    super();
  }
}

/** One institution of the department; 404 for an unknown one or another department's. */
export class GetInstitutionQuery extends Query<Institution> {
  static readonly reads = [institutionListProjection];
  constructor(
    readonly department: string,
    readonly institutionId: string,
    readonly consistentWith?: number,
  ) {
    super();
  }
}
