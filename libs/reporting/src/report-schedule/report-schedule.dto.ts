import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, ValidateBy, buildMessage } from 'class-validator';
import { REPORTING_PERIOD_KINDS, ReportingPeriodKind } from '@app/kernel';
import { cronProblem, isTimeZone } from '@app/jobs';
import { REPORT_LANGUAGES, ReportFormat, ReportLanguage } from '../report/report.events';
import { MAX_SCHEDULE_NAME } from './report-schedule.decider';
import { SCHEDULED_REPORTS, SCHEDULE_FORMATS, ScheduledReport } from './report-schedule.events';
import type { ReportScheduleInput } from './report-schedule.commands';

const IsCron = (): PropertyDecorator =>
  ValidateBy({
    name: 'isCron',
    validator: {
      validate: (value) => typeof value === 'string' && cronProblem(value.trim()) === undefined,
      defaultMessage: buildMessage((_, args) => `cron must be a cron expression of five fields (minute hour day month weekday) or six (seconds first), like 0 6 25 10 *: ${typeof args?.value === 'string' ? cronProblem(args.value.trim()) : 'not a text'}`),
    },
  });

const IsTimeZone = (): PropertyDecorator =>
  ValidateBy({
    name: 'isTimeZone',
    validator: {
      validate: (value) => typeof value === 'string' && isTimeZone(value.trim()),
      defaultMessage: buildMessage(() => 'timeZone must be an IANA time zone, like Europe/Kyiv'),
    },
  });

/** A schedule as a whole: when it runs (a cron in a time zone) and what each run asks for (every network's annual analysis for the period its slot covers). */
export class ReportScheduleDto implements ReportScheduleInput {
  @ApiPropertyOptional({ maxLength: MAX_SCHEDULE_NAME, example: 'Аналізи за навчальний рік', description: 'What the department calls it' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_SCHEDULE_NAME)
  name?: string | null;

  @ApiProperty({ example: '0 6 25 10 *', description: 'When it runs: five fields (minute hour day-of-month month day-of-week), or six with seconds first; read in timeZone' })
  @IsCron()
  cron: string;

  @ApiProperty({ example: 'Europe/Kyiv', description: 'The IANA time zone the cron is read in, and each slot’s day is taken in' }) @IsTimeZone() timeZone: string;

  @ApiProperty({ enum: SCHEDULED_REPORTS, description: 'What each run asks for: a batch of every network’s annual analysis' }) @IsIn(SCHEDULED_REPORTS) report: ScheduledReport;

  @ApiProperty({
    enum: REPORTING_PERIOD_KINDS,
    description: 'Which networks and which period: those reporting by academic year and the last academic year ended by the slot’s day (in timeZone; from the department’s academic-year start), or by calendar year and the last calendar year',
  })
  @IsIn(REPORTING_PERIOD_KINDS)
  periodKind: ReportingPeriodKind;

  @ApiPropertyOptional({
    enum: REPORT_LANGUAGES,
    example: 'uk',
    nullable: true,
    description: 'The language its batches are written in; left out (or null): the department’s at each slot (PUT /department/report-language), which must then be set',
  })
  @IsOptional()
  @IsIn(REPORT_LANGUAGES)
  language?: ReportLanguage | null;

  @ApiPropertyOptional({ enum: SCHEDULE_FORMATS, default: 'docx' }) @IsOptional() @IsIn(SCHEDULE_FORMATS) format?: ReportFormat;
}

export class ReportScheduleRunDto {
  @ApiProperty({ format: 'uuid' }) batchId: string;
  @ApiProperty({ format: 'date-time', description: 'The slot it ran for' }) slot: string;
}

export class ReportScheduleAnswerDto {
  @ApiProperty({ format: 'uuid' }) scheduleId: string;
  @ApiProperty({ nullable: true, type: String }) name: string | null;
  @ApiProperty() cron: string;
  @ApiProperty() timeZone: string;
  @ApiProperty({ enum: SCHEDULED_REPORTS }) report: ScheduledReport;
  @ApiProperty({ enum: REPORTING_PERIOD_KINDS }) periodKind: ReportingPeriodKind;
  @ApiProperty({ enum: REPORT_LANGUAGES, nullable: true, type: String, description: 'null: each run in the department’s language at its slot' }) language: ReportLanguage | null;
  @ApiProperty({ enum: SCHEDULE_FORMATS }) format: ReportFormat;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiPropertyOptional({ type: [String], description: 'One schedule: its next slots (ISO instants), soonest first' }) nextSlots?: string[];
  @ApiPropertyOptional({ type: [ReportScheduleRunDto], description: 'One schedule: the batches its slots asked for, newest slot first (the last 100)' }) runs?: ReportScheduleRunDto[];
}

export class ReportSchedulePageDto {
  @ApiProperty({ type: [ReportScheduleAnswerDto] }) items: ReportScheduleAnswerDto[];
  @ApiProperty() total: number;
}
