import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { FieldErrorDto } from '@app/platform/http';
import { AUDIENCE_CATEGORIES, EVENT_FORMATS, EVENT_KINDS, EVENT_LEVELS, PARTICIPANT_CATEGORIES } from '../event/event-vocabulary';
import { EVENT_IMPORT_STATUSES, LISTED_REJECTIONS, LISTED_ROWS, WHEN_TEXT_FORMS } from './event-import-plan';
import type { EventImportCounts, EventImportEntity, EventImportEntityCounts, EventImportOutcome, EventImportRowOutcome, EventImportSummary } from './event-import-plan';

/** `?dryRun=true`: check and report only. */
export class EventsImportQueryDto {
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  dryRun?: boolean;
}

// ---- the JSON body (documentation: it is checked by the import itself, row by row) -----------

export class EventImportLinkDto {
  @ApiProperty({ example: 'http://murigino-poch.gov67.ru/leftmenu/setevoe-vzaimodejstvie-1-obrazovatelnyj-okrug-oo-mo-pochinko/' }) url: string;
  @ApiPropertyOptional({ example: 'Сайт базовой школы' }) title?: string;
}

export class EventImportFileRowDto {
  @ApiPropertyOptional({ description: "The department's own key of the event; when given, the event's identity in imports (else its kind, topic, networks and date)", example: '2020-21/1' })
  key?: string;
  @ApiProperty({ enum: EVENT_KINDS, example: 'seminar' }) kind: string;
  @ApiProperty({ example: 'Гражданско-патриотическое воспитание на основе краеведческого материала' }) topic: string;
  @ApiPropertyOptional() description?: string;
  @ApiProperty({ type: [String], description: 'The networks that held it: by name (as the network list has it) or id', example: ['Школьный округ № 3'] }) networks: string[];
  @ApiPropertyOptional({ type: [String], description: 'Networks it was held for, besides its own', example: ['Образовательный округ № 1'] }) audienceNetworks?: string[];
  @ApiPropertyOptional({ type: [String], description: 'Host institutions: by externalCode, shortName or id', example: ['МБОУ Рябцевская ОШ'] }) hosts?: string[];
  @ApiPropertyOptional({ description: `When: ${WHEN_TEXT_FORMS}; or a when object as the event endpoints take it`, example: '2020/2021' }) when?: string;
  @ApiPropertyOptional({ description: 'HH:MM, with a date to the day' }) startTime?: string;
  @ApiPropertyOptional({ description: 'HH:MM, with a date to the day' }) endTime?: string;
  @ApiPropertyOptional({ enum: EVENT_FORMATS, default: 'in-person' }) format?: string;
  @ApiPropertyOptional({ example: 'ZOOM' }) platform?: string;
  @ApiPropertyOptional() link?: string;
  @ApiPropertyOptional({ enum: EVENT_LEVELS, default: 'network' }) level?: string;
  @ApiPropertyOptional({ enum: AUDIENCE_CATEGORIES, isArray: true }) audience?: string[];
  @ApiPropertyOptional({ description: 'The series it is one of, by name; established with this kind and networks when the department has none of that name', example: 'Школьный этап всероссийской олимпиады школьников' })
  series?: string;
  @ApiPropertyOptional({ enum: EVENT_IMPORT_STATUSES, default: 'held' }) status?: string;
  @ApiPropertyOptional({
    type: 'object',
    properties: Object.fromEntries(PARTICIPANT_CATEGORIES.map((c) => [c, { type: 'integer', minimum: 0 }])),
    description: 'Participants counted per category (held events); a category not counted is left out',
    example: { teachers: 12 },
  })
  counts?: Record<string, number>;
  @ApiPropertyOptional({ type: [String], description: 'Institutions that took part (held events), named like hosts' }) participants?: string[];
  @ApiPropertyOptional() outcome?: string;
  @ApiPropertyOptional({ type: [EventImportLinkDto] }) materials?: EventImportLinkDto[];
  @ApiPropertyOptional({ type: [EventImportLinkDto] }) publications?: EventImportLinkDto[];
}

export class EventsImportRequestDto {
  @ApiProperty({ type: [EventImportFileRowDto] }) events: EventImportFileRowDto[];
}

// ---- the summary -----------------------------------------------------------------------------

export class EventImportEntityCountsDto implements EventImportEntityCounts {
  @ApiProperty() events: number;
  @ApiProperty() series: number;
}

export class EventImportCountsDto implements EventImportCounts {
  @ApiProperty({ type: EventImportEntityCountsDto }) created: EventImportEntityCountsDto;
  @ApiProperty({ type: EventImportEntityCountsDto }) unchanged: EventImportEntityCountsDto;
  @ApiProperty({ description: 'Rows rejected, all of them' }) rejected: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, description: 'Rows rejected by each rule', example: { 'invalid-value': 2, 'event-held-in-future': 1 } })
  rejectedByRule: Record<string, number>;
}

export class EventImportRowOutcomeDto implements EventImportRowOutcome {
  @ApiProperty({ oneOf: [{ type: 'integer' }, { type: 'string' }], description: '1-based CSV data row, or a JSON path', example: 'events[2]' }) row: number | string;
  @ApiProperty({ enum: ['event', 'series'] }) entity: EventImportEntity;
  @ApiProperty({ example: '«Гражданско-патриотическое воспитание на основе краеведческого материала», 2020/2021' }) key: string;
  @ApiProperty({ enum: ['created', 'unchanged', 'rejected'] }) outcome: EventImportOutcome;
  @ApiPropertyOptional({ description: "The event's or the series' id" }) id?: string;
  @ApiPropertyOptional({ description: 'Why the row is rejected' }) reason?: string;
  @ApiPropertyOptional({ description: 'The first field a rejected row is wrong in', example: 'when' }) field?: string;
  @ApiPropertyOptional({ type: [FieldErrorDto], description: 'Every field a rejected row is wrong in, named as the file names them' }) errors?: FieldErrorDto[];
  @ApiPropertyOptional({ description: 'The rule that rejects it: a domain rule, invalid-value, duplicate-row, unresolved-reference, …', example: 'event-held-in-future' }) rule?: string;
}

export class EventImportSummaryDto implements EventImportSummary {
  @ApiProperty() dryRun: boolean;
  @ApiProperty({ description: 'The import was carried out: not a dry run and no row rejected' }) applied: boolean;
  @ApiProperty({ type: EventImportCountsDto }) counts: EventImportCountsDto;
  @ApiProperty({ type: [EventImportRowOutcomeDto], description: `Outcomes in file order: at most ${LISTED_ROWS}, always with the first ${LISTED_REJECTIONS} rejected rows` }) rows: EventImportRowOutcomeDto[];
  @ApiProperty({ example: 0 }) omittedRows: number;
  @ApiPropertyOptional({ description: 'Global position of the last event written; pass it as consistentWith', example: 42 }) position?: number;
}
