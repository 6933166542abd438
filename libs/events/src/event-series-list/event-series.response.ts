import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EVENT_KINDS } from '../event/event-vocabulary';
import { EventDto } from '../event-calendar/event.response';

export class SeriesNameDto {
  @ApiProperty() name: string;
  @ApiProperty({ description: 'When it was given (recorded time)' }) recordedAt: string;
}

export class EventSeriesDto {
  @ApiProperty() id: string;
  @ApiProperty() department: string;
  @ApiProperty({ example: 'Єдиний день відкритих дверей' }) name: string;
  @ApiProperty({ enum: EVENT_KINDS }) kind: string;
  @ApiProperty({ type: [String] }) networkIds: string[];
  @ApiProperty({ type: [SeriesNameDto], description: 'Every name it had, oldest first' }) names: SeriesNameDto[];
  @ApiProperty() establishedAt: string;
  @ApiProperty() updatedAt: string;
  @ApiProperty() revision: number;
}

export class EventSeriesPageDto {
  @ApiProperty({ type: [EventSeriesDto] }) items: EventSeriesDto[];
  @ApiProperty() total: number;
  @ApiProperty() totalExact: boolean;
  @ApiProperty() offset: number;
  @ApiProperty() limit: number;
}

export class SeriesEventDto extends EventDto {
  @ApiPropertyOptional({ nullable: true, type: String, description: 'The academic year it falls in as a whole; null when not dated or when it may fall in two' })
  academicYear: string | null;
}

export class SeriesStatusCountsDto {
  @ApiProperty() planned: number;
  @ApiProperty() postponed: number;
  @ApiProperty() held: number;
  @ApiProperty() cancelled: number;
}

export class SeriesYearDto {
  @ApiProperty({ example: '2020/2021' }) academicYear: string;
  @ApiProperty() events: number;
  @ApiProperty({ type: SeriesStatusCountsDto }) byStatus: SeriesStatusCountsDto;
  @ApiProperty({ description: 'Participants counted at its held events' }) participants: number;
}

export class EventSeriesDetailsDto extends EventSeriesDto {
  @ApiProperty({ type: [SeriesEventDto], description: 'Its events in date order' }) events: SeriesEventDto[];
  @ApiProperty({ type: [SeriesYearDto], description: 'One row per academic year: the series × years of a monitoring table' }) years: SeriesYearDto[];
}
