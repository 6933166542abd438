import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import {
  AUDIENCE_CATEGORIES,
  EVENT_FORMATS,
  EVENT_KINDS,
  EVENT_LEVELS,
  EVENT_ROLES,
  EVENT_STATUSES,
  PARTICIPANT_CATEGORIES,
} from '../event/event-vocabulary';
import { WHEN_PRECISIONS } from '../event/when';

export class LocalTextDto {
  @ApiProperty({ example: 'у березні 2021 р.' }) uk: string;
  @ApiProperty({ example: 'в марте 2021 г.' }) ru: string;
  @ApiProperty({ example: 'in March 2021' }) en: string;
}

export class WhenDto {
  @ApiProperty({ enum: WHEN_PRECISIONS }) precision: string;
  @ApiPropertyOptional({ description: 'date: the (first) day', example: '2021-03-15' }) from?: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'date: the last day of a range, null for one day' }) to?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, example: '10:00' }) startTime?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, example: '12:00' }) endTime?: string | null;
  @ApiPropertyOptional({ description: 'month', example: '2021-03' }) month?: string;
  @ApiPropertyOptional({ description: 'year', example: 2021 }) year?: number;
  @ApiPropertyOptional({ description: 'academic-year', example: '2020/2021' }) academicYear?: string;
}

export class EventFormatDto {
  @ApiProperty({ enum: EVENT_FORMATS }) mode: string;
  @ApiPropertyOptional({ nullable: true, type: String, example: 'ZOOM' }) platform: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) link: string | null;
}

export class EventPersonDto {
  @ApiProperty() personId: string;
  @ApiProperty({ enum: EVENT_ROLES }) role: string;
}

export class EventPersonNamedDto extends EventPersonDto {
  @ApiPropertyOptional({ nullable: true, type: String, description: 'From the personal-data vault; null when erased or unknown' }) fullName: string | null;
  @ApiProperty({ description: 'True when the name was erased on request' }) erased: boolean;
  @ApiPropertyOptional() erasedAt?: string;
}

export class EventLinkDto {
  @ApiProperty() url: string;
  @ApiPropertyOptional({ nullable: true, type: String }) title: string | null;
}

export class ParticipationDto {
  @ApiProperty({
    description: `Participants per category (${PARTICIPANT_CATEGORIES.join(', ')}); a category not counted is absent`,
    type: 'object',
    additionalProperties: { type: 'integer', minimum: 0 },
    example: { teachers: 14, heads: 3 },
  })
  counts: Record<string, number>;
  @ApiProperty({ type: [String], description: 'The institutions that took part' }) institutionIds: string[];
}

export class HeldDto {
  @ApiProperty({ type: ParticipationDto }) participation: ParticipationDto;
  @ApiProperty({ description: 'The counts added up' }) participantTotal: number;
  @ApiProperty({ type: [String], description: 'Participating institutions that were members of none of its networks on its date' }) outsideInstitutionIds: string[];
  @ApiPropertyOptional({ nullable: true, type: String }) outcome: string | null;
  @ApiProperty({ type: [EventLinkDto] }) materials: EventLinkDto[];
  @ApiProperty({ type: [EventLinkDto] }) publications: EventLinkDto[];
  @ApiProperty({ description: 'When holding was recorded' }) recordedAt: string;
  @ApiPropertyOptional({ description: 'The log position holding was recorded at (absent in a calendar built before it was kept)' }) position?: number;
}

export class PostponementDto {
  @ApiProperty({ type: WhenDto }) from: WhenDto;
  @ApiProperty({ type: WhenDto }) to: WhenDto;
  @ApiProperty() reason: string;
  @ApiProperty() recordedAt: string;
}

export class CancellationDto {
  @ApiProperty() reason: string;
  @ApiProperty() recordedAt: string;
}

export class EventDto {
  @ApiProperty() id: string;
  @ApiProperty() department: string;
  @ApiProperty({ enum: EVENT_KINDS }) kind: string;
  @ApiProperty() topic: string;
  @ApiPropertyOptional({ nullable: true, type: String }) description: string | null;
  @ApiProperty({ type: [String] }) networkIds: string[];
  @ApiProperty({ type: [String] }) audienceNetworkIds: string[];
  @ApiProperty({ type: [String] }) hostIds: string[];
  @ApiProperty({ type: [String], description: 'Hosts that were members of none of its networks on its date' }) outsideHostIds: string[];
  @ApiProperty({ type: WhenDto, description: 'When it takes place; once held, when it took place' }) when: WhenDto;
  @ApiProperty({ type: LocalTextDto, description: 'The same in words, no more precise than it is known' }) whenText: LocalTextDto;
  @ApiPropertyOptional({ nullable: true, type: String }) seriesId: string | null;
  @ApiProperty({ type: EventFormatDto }) format: EventFormatDto;
  @ApiProperty({ enum: EVENT_LEVELS }) level: string;
  @ApiProperty({ enum: AUDIENCE_CATEGORIES, isArray: true }) audience: string[];
  @ApiProperty({ type: [EventPersonDto] }) people: EventPersonDto[];
  @ApiProperty({ type: [String] }) planItemIds: string[];
  @ApiProperty({ enum: EVENT_STATUSES }) status: string;
  @ApiProperty({ type: [PostponementDto] }) postponements: PostponementDto[];
  @ApiPropertyOptional({ nullable: true, type: CancellationDto }) cancellation: CancellationDto | null;
  @ApiPropertyOptional({ nullable: true, type: HeldDto }) held: HeldDto | null;
  @ApiProperty({ description: 'When it was planned (recorded time)' }) plannedAt: string;
  @ApiProperty({ description: 'When it last changed (recorded time)' }) updatedAt: string;
  @ApiProperty({ description: 'Current revision; also sent as the ETag' }) revision: number;
}

export class EventDetailsDto extends OmitType(EventDto, ['people'] as const) {
  @ApiProperty({ type: [EventPersonNamedDto] }) people: EventPersonNamedDto[];
}

export class PeriodDto {
  @ApiProperty({ example: '2020/2021' }) label: string;
  @ApiProperty({ example: '2020-09-01' }) from: string;
  @ApiProperty({ example: '2021-08-31' }) to: string;
}

export class EventPageDto {
  @ApiPropertyOptional({ nullable: true, type: PeriodDto, description: 'The period asked for; null for every date' }) period: PeriodDto | null;
  @ApiProperty({ type: [EventDto], description: 'In date order (see docs/events.md)' }) items: EventDto[];
  @ApiProperty() total: number;
  @ApiProperty() totalExact: boolean;
  @ApiProperty() offset: number;
  @ApiProperty() limit: number;
}
