import { ApiProperty } from '@nestjs/swagger';
import { EVENT_KINDS, PARTICIPANT_CATEGORIES } from '../event/event-vocabulary';
import { LocalTextDto, PeriodDto } from '../event-calendar/event.response';

export class NetworkRefDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
}

export class CategoryCountDto {
  @ApiProperty({ enum: PARTICIPANT_CATEGORIES }) category: string;
  @ApiProperty() count: number;
}

class TotalsDto {
  @ApiProperty({ description: 'Held events counted' }) events: number;
  @ApiProperty({ description: 'Of them, those that recorded no count' }) eventsWithoutCounts: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, description: 'Per category, over the events that counted it', example: { teachers: 44, heads: 15 } })
  counts: Record<string, number>;
  @ApiProperty({ description: 'The counts added up' }) participants: number;
  @ApiProperty({ description: 'Distinct institutions that took part' }) institutions: number;
  @ApiProperty({ description: 'Of them, those not members of the event’s networks' }) outsideInstitutions: number;
}

export class KindTotalsDto extends TotalsDto {
  @ApiProperty({ enum: EVENT_KINDS }) kind: string;
  @ApiProperty({ type: LocalTextDto }) label: LocalTextDto;
}

export class ParticipationTotalsDto extends TotalsDto {
  @ApiProperty({ type: NetworkRefDto }) network: NetworkRefDto;
  @ApiProperty({ type: PeriodDto }) period: PeriodDto;
  @ApiProperty({ type: [CategoryCountDto], description: 'The counts in the categories’ order' }) byCategory: CategoryCountDto[];
  @ApiProperty({ type: [KindTotalsDto], description: 'In the kinds’ order, only kinds held' }) byKind: KindTotalsDto[];
}
