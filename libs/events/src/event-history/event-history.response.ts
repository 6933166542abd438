import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EVENT_EVENT_TYPES } from '../event/event.events';
import { LocalTextDto } from '../event-calendar/event.response';

export class EventActorDto {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'network-head' }) role: string;
}

export class EventFieldChangeDto {
  @ApiProperty({ example: 'topic' }) field: string;
  @ApiProperty({ nullable: true, description: 'The value before (a correction’s recorded previous value)' }) from: unknown;
  @ApiProperty({ nullable: true }) to: unknown;
}

export class EventHistoryEntryDto {
  @ApiProperty({ description: 'The domain event’s id' }) eventId: string;
  @ApiProperty({ enum: EVENT_EVENT_TYPES }) type: string;
  @ApiProperty() revision: number;
  @ApiProperty() position: number;
  @ApiProperty({ description: 'When it was recorded' }) recordedAt: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'When it takes effect (the day an event was held)' }) effectiveAt: string | null;
  @ApiProperty({ type: EventActorDto }) actor: EventActorDto;
  @ApiProperty({ enum: ['api', 'import', 'system'] }) source: string;
  @ApiPropertyOptional({ nullable: true, type: String }) reason: string | null;
  @ApiProperty() correlationId: string;
  @ApiProperty({ type: LocalTextDto, description: 'What happened, in a few words (never a person’s name)' }) description: LocalTextDto;
  @ApiProperty({ type: [EventFieldChangeDto] }) changes: EventFieldChangeDto[];
}

export class EventHistoryDto {
  @ApiProperty() eventId: string;
  @ApiProperty({ type: [EventHistoryEntryDto], description: 'Oldest first' }) entries: EventHistoryEntryDto[];
}
