import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NETWORK_MAP_EVENT_TYPES } from '../network-map/network-map.decider';
import { ActorDto, HeadDto } from '../network-list/network.responses';

class TimelineEntryDto {
  @ApiProperty() eventId: string;
  @ApiProperty({ enum: NETWORK_MAP_EVENT_TYPES }) type: string;
  @ApiProperty() position: number;
  @ApiProperty() revision: number;
  @ApiProperty() recordedAt: string;
  @ApiPropertyOptional({ nullable: true, type: String }) effectiveAt: string | null;
  @ApiProperty({ type: ActorDto }) actor: ActorDto;
  @ApiProperty({ enum: ['api', 'import', 'system'] }) source: string;
  @ApiPropertyOptional({ nullable: true, type: String }) reason: string | null;
  @ApiProperty() correlationId: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The recorded fact (never a person’s name)' }) data: Record<string, unknown>;
  @ApiPropertyOptional({ type: HeadDto, description: 'For HeadAppointed: the person, or that they were erased' }) person?: HeadDto;
}

export class TimelineDto {
  @ApiProperty() networkId: string;
  @ApiProperty({ type: [TimelineEntryDto] }) entries: TimelineEntryDto[];
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'Pass as `after` for the next page; null on the last page' }) next: number | null;
}
