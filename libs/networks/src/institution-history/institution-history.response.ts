import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ActorDto {
  @ApiProperty() id: string;
  @ApiProperty() role: string;
}

export class FieldChangeDto {
  @ApiProperty({ example: 'shortName' }) field: string;
  @ApiProperty({ nullable: true, example: 'ЗОШ № 7' }) from: unknown;
  @ApiProperty({ nullable: true, example: 'Ліцей № 7' }) to: unknown;
}

export class HistoryEntryDto {
  @ApiProperty() eventId: string;
  @ApiProperty({ example: 'InstitutionRenamed' }) type: string;
  @ApiProperty() revision: number;
  @ApiProperty() position: number;
  @ApiProperty({ description: 'When it was recorded' }) recordedAt: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'When it takes effect' }) effectiveAt: string | null;
  @ApiProperty({ type: ActorDto }) actor: ActorDto;
  @ApiProperty({ enum: ['api', 'import', 'system'] }) source: string;
  @ApiPropertyOptional({ nullable: true, type: String }) reason: string | null;
  @ApiProperty() correlationId: string;
  @ApiProperty({ type: [FieldChangeDto] }) changes: FieldChangeDto[];
}

export class InstitutionHistoryDto {
  @ApiProperty() institutionId: string;
  @ApiProperty({ type: [HistoryEntryDto], description: 'Oldest first' }) entries: HistoryEntryDto[];
}
