import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsObject, IsOptional, ValidateNested } from 'class-validator';
import type { ReportingPeriod } from '@app/kernel';
import { REPORT_FORMATS, REPORT_LANGUAGES, ReportFormat, ReportLanguage } from '../report/report.events';
import { ReportPeriodDto } from '../request-report/request-report.dto';
import type { RequestReportBatchInput } from './request-report-batch.command';

/*
 * What `POST /report-batches` takes: the kind (the annual analysis, the one a batch is made of),
 * its format and the period and language every network's report is for. A period is checked by
 * the kernel in the handler, field by field (`parameters.period.academicYear`…). A schedule's
 * slot is a schedule's run's, never the API's: the field is refused here as unknown.
 */

export class ReportBatchParametersDto {
  @ApiProperty({ type: ReportPeriodDto, description: 'The period: an academic or a calendar year; the networks that report by that kind of year get a report' }) @IsObject() period: ReportingPeriod;
  @ApiPropertyOptional({
    enum: REPORT_LANGUAGES,
    example: 'uk',
    nullable: true,
    description: 'The language the reports are written in; left out: the department’s (PUT /department/report-language), recorded with the batch',
  })
  @IsOptional()
  @IsIn(REPORT_LANGUAGES)
  language?: ReportLanguage | null;
}

export class RequestReportBatchDto implements RequestReportBatchInput {
  @ApiProperty({ enum: ['annual-analysis'], example: 'annual-analysis', description: 'The kind of report: every network’s annual analysis' }) @IsIn(['annual-analysis']) report: 'annual-analysis';
  @ApiPropertyOptional({
    enum: REPORT_FORMATS,
    default: 'docx',
    description: 'The reports’ format (DOCX by default); one this installation generates the annual analysis in, or 422 report-format-unavailable',
  })
  @IsOptional()
  @IsIn(REPORT_FORMATS)
  format?: ReportFormat;
  @ApiProperty({ type: ReportBatchParametersDto }) @IsObject() @ValidateNested() @Type(() => ReportBatchParametersDto) parameters: ReportBatchParametersDto;
}
