import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { INSTITUTION_KINDS } from '../institution/institution.decider';

export class InstitutionDto {
  @ApiProperty() id: string;
  @ApiProperty() department: string;
  @ApiProperty() fullName: string;
  @ApiProperty() shortName: string;
  @ApiProperty({ enum: INSTITUTION_KINDS }) kind: string;
  @ApiProperty() settlement: string;
  @ApiPropertyOptional({ nullable: true, type: String }) externalCode: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) website: string | null;
  @ApiProperty({ enum: ['open', 'closed'] }) status: string;
  @ApiPropertyOptional({ nullable: true, type: String, example: '2021-06-30' }) closedOn: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) closureReason: string | null;
  @ApiProperty({ description: 'When it was registered (recorded time)' }) registeredAt: string;
  @ApiProperty({ description: 'When it last changed (recorded time)' }) updatedAt: string;
  @ApiProperty({ description: 'Current revision; also sent as the ETag' }) revision: number;
}

export class InstitutionPageDto {
  @ApiProperty({ type: [InstitutionDto] }) items: InstitutionDto[];
  @ApiProperty({ description: 'How many match; counting stops 500 beyond this page, so when totalExact is false there are at least this many' })
  total: number;
  @ApiProperty({ description: 'False when counting stopped before the end: total is then a lower bound' }) totalExact: boolean;
  @ApiProperty() offset: number;
  @ApiProperty() limit: number;
}
