import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { INSTITUTION_KINDS, InstitutionKind } from '../institution/institution.decider';
import { MEMBER_ROLES, MemberRole, NETWORK_KINDS, NetworkKind } from '../network-map/network-map.decider';
import { LISTED_REJECTIONS, LISTED_ROWS } from './import-plan';
import type { EntityCounts, ImportCounts, ImportEntity, ImportOutcome, ImportRowOutcome, ImportSummary } from './import-plan';

/** `?dryRun=true`: validate and report only. */
export class ImportQueryDto {
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  dryRun?: boolean;
}

// ---- the JSON body (documentation: it is checked by the import itself, row by row) -----------

export class ImportInstitutionDto {
  @ApiProperty({ example: 'Муниципальное бюджетное общеобразовательное учреждение Мурыгинская средняя школа' }) fullName: string;
  @ApiProperty({ example: 'МБОУ Мурыгинская СШ' }) shortName: string;
  @ApiProperty({ enum: INSTITUTION_KINDS, example: 'general-school' }) kind: InstitutionKind;
  @ApiProperty({ example: 'пгт Мурыгино' }) settlement: string;
  @ApiPropertyOptional({ description: 'A code from a state register; unique in the department. Matches a registered institution first.', example: '4329005370' })
  externalCode?: string;
  @ApiPropertyOptional({ example: 'https://murygino-school.example' }) website?: string;
}

export class ImportMemberDto {
  @ApiProperty({ description: 'The institution: its externalCode or shortName, in the file or already registered', example: 'МБОУ Лосненская СШ' })
  institution: string;
  @ApiProperty({ enum: MEMBER_ROLES }) role: MemberRole;
  @ApiProperty({ example: '2020-09-01' }) from: string;
}

export class ImportNetworkDto {
  @ApiProperty({ example: 'Школьный округ № 3' }) name: string;
  @ApiProperty({ enum: NETWORK_KINDS, example: 'educational-district' }) kind: NetworkKind;
  @ApiPropertyOptional({ example: '3' }) number?: string;
  @ApiPropertyOptional() description?: string;
  @ApiPropertyOptional() website?: string;
  @ApiPropertyOptional({ description: 'The anchor institution (a member; externalCode or shortName); anchor from its membership date', example: 'МБОУ Мурыгинская СШ' })
  anchor?: string;
  @ApiProperty({ type: [ImportMemberDto] }) members: ImportMemberDto[];
}

export class ImportRequestDto {
  @ApiPropertyOptional({ type: [ImportInstitutionDto] }) institutions?: ImportInstitutionDto[];
  @ApiPropertyOptional({ type: [ImportNetworkDto] }) networks?: ImportNetworkDto[];
}

// ---- the summary -----------------------------------------------------------------------------

export class EntityCountsDto implements EntityCounts {
  @ApiProperty() institutions: number;
  @ApiProperty() networks: number;
  @ApiProperty() memberships: number;
  @ApiProperty() anchors: number;
}

export class ImportCountsDto implements ImportCounts {
  @ApiProperty({ type: EntityCountsDto }) created: EntityCountsDto;
  @ApiProperty({ type: EntityCountsDto }) unchanged: EntityCountsDto;
  @ApiProperty({ description: 'Rows (entities) rejected, all of them' }) rejected: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    description: 'Rows rejected by each rule',
    example: { 'invalid-value': 14998, 'duplicate-row': 2 },
  })
  rejectedByRule: Record<string, number>;
}

export class ImportRowDto implements ImportRowOutcome {
  @ApiProperty({ oneOf: [{ type: 'integer' }, { type: 'string' }], description: '1-based CSV data row, or a JSON path', example: 'networks[0].members[2]' })
  row: number | string;
  @ApiProperty({ enum: ['institution', 'network', 'membership', 'anchor'] }) entity: ImportEntity;
  @ApiProperty({ example: 'МБОУ Лосненская СШ, с. Лосное' }) key: string;
  @ApiProperty({ enum: ['created', 'unchanged', 'rejected'] }) outcome: ImportOutcome;
  @ApiPropertyOptional({ description: 'The institution or network (for memberships and anchors, the network)' }) id?: string;
  @ApiPropertyOptional({ description: 'Why the row is rejected' }) reason?: string;
  @ApiPropertyOptional({ description: 'The field a rejected row is wrong in', example: 'kind' }) field?: string;
  @ApiPropertyOptional({ description: 'The rule that rejects it: a domain rule, invalid-value, duplicate-row, unresolved-reference, …', example: 'one-network-per-kind' })
  rule?: string;
}

export class ImportSummaryDto implements ImportSummary {
  @ApiProperty() dryRun: boolean;
  @ApiProperty({ description: 'The import was carried out: not a dry run and no row rejected' }) applied: boolean;
  @ApiProperty({ type: ImportCountsDto }) counts: ImportCountsDto;
  @ApiProperty({
    type: [ImportRowDto],
    description: `Outcomes in file order: at most ${LISTED_ROWS}, always with the first ${LISTED_REJECTIONS} rejected rows; the counts cover every row`,
  })
  rows: ImportRowDto[];
  @ApiProperty({ description: 'How many rows are not listed in rows', example: 0 }) omittedRows: number;
  @ApiPropertyOptional({ description: 'Global position of the last event written; pass it as consistentWith', example: 42 }) position?: number;
}
