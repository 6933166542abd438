import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PLAN_EVENT_TYPES } from '../plan/plan.events';

export class PlanLocalTextDto {
  @ApiProperty() uk: string;
  @ApiProperty() ru: string;
  @ApiProperty() en: string;
}

export class PlanHistoryEntryDto {
  @ApiProperty({ description: 'The domain event’s id' }) eventId: string;
  @ApiProperty({ enum: PLAN_EVENT_TYPES }) type: string;
  @ApiProperty() revision: number;
  @ApiProperty() position: number;
  @ApiProperty() recordedAt: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'When it takes effect (an approval’s, a closing’s date)' }) effectiveAt: string | null;
  @ApiProperty({ description: '`{ id, role }`' }) actor: object;
  @ApiProperty({ enum: ['api', 'import', 'system'] }) source: string;
  @ApiPropertyOptional({ nullable: true, type: String }) reason: string | null;
  @ApiProperty() correlationId: string;
  @ApiProperty({ type: PlanLocalTextDto }) description: PlanLocalTextDto;
  @ApiProperty({ description: '`{ field, from, to }` each; an item as `items.<planItemId>`', type: 'array', items: { type: 'object' } }) changes: object[];
}

export class PlanHistoryDto {
  @ApiProperty() planId: string;
  @ApiProperty() networkId: string;
  @ApiProperty({ type: [PlanHistoryEntryDto], description: 'Oldest first' }) entries: PlanHistoryEntryDto[];
}
