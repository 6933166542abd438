import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsObject, IsOptional, IsUUID, ValidateBy, ValidateNested, buildMessage } from 'class-validator';
import { REPORTING_PERIOD_KINDS, ReportingPeriod, isIsoDate } from '@app/kernel';
import { REPORT_FORMATS, REPORT_KINDS, REPORT_LANGUAGES, ReportFormat, ReportKind, ReportLanguage } from '../report/report.events';
import type { ReportParametersInput, RequestReportInput } from './request-report.command';

/** A day written YYYY-MM-DD, or a log position (a whole number from 0). */
const IsDayOrPosition = (): PropertyDecorator =>
  ValidateBy({
    name: 'isDayOrPosition',
    validator: {
      validate: (value) => isIsoDate(value) || (Number.isSafeInteger(value) && (value as number) >= 0),
      defaultMessage: buildMessage(() => 'asOf must be a day written YYYY-MM-DD or a log position (a whole number from 0)'),
    },
  });

/** A reporting period as the request takes it, checked as a whole by the kernel (`parameters.period.kind`, `.academicYear`, `.year`). */
export class ReportPeriodDto {
  @ApiProperty({ enum: REPORTING_PERIOD_KINDS, example: 'academic-year' }) kind: 'academic-year' | 'calendar-year';
  @ApiPropertyOptional({ description: 'For kind academic-year', example: '2020/2021' }) academicYear?: string;
  @ApiPropertyOptional({ description: 'For kind calendar-year', example: 2021 }) year?: number;
}

export class ReportParametersDto implements ReportParametersInput {
  @ApiProperty({ format: 'uuid', description: 'The network the analysis is of' }) @IsUUID() networkId: string;
  @ApiProperty({ type: ReportPeriodDto, description: 'The period: an academic year, or a calendar year for a network that reports so' }) @IsObject() period: ReportingPeriod;
  @ApiProperty({ enum: REPORT_LANGUAGES, example: 'uk', description: 'The language it is written in' }) @IsIn(REPORT_LANGUAGES) language: ReportLanguage;
  @ApiPropertyOptional({
    oneOf: [{ type: 'string', format: 'date', example: '2021-06-30' }, { type: 'integer', minimum: 0, example: 1200 }],
    nullable: true,
    description: 'The records as they stood by the end of a day (up to today), or at a log position (a write’s `position`); left out: as recorded when requested',
  })
  @IsOptional()
  @IsDayOrPosition()
  asOf?: string | number | null;
}

export class RequestReportDto implements RequestReportInput {
  @ApiProperty({ enum: REPORT_KINDS, example: 'annual-analysis' }) @IsIn(REPORT_KINDS) report: ReportKind;
  @ApiPropertyOptional({ enum: REPORT_FORMATS, default: 'docx', description: 'The document’s format; which ones this installation generates: a request for another is refused (422 report-format-unavailable)' })
  @IsOptional()
  @IsIn(REPORT_FORMATS)
  format?: ReportFormat;
  @ApiProperty({ type: ReportParametersDto }) @IsObject() @ValidateNested() @Type(() => ReportParametersDto) parameters: ReportParametersDto;
}
