import { ApiProperty } from '@nestjs/swagger';
import { REPORT_STATUSES, ReportStatus } from '../report/report.decider';
import type { ReportingPeriod } from '@app/kernel';
import { REPORT_FORMATS, REPORT_LANGUAGES, ReportLanguage } from '../report/report.events';
import { ReportArtifactDto } from '../report-list/report.response';
import { ReportPeriodDto } from '../request-report/request-report.dto';
import { REPORT_BATCH_STATUSES, ReportBatchStatus } from './report-batch-progress';
import type { BatchReportAnswer, BatchSkipAnswer, ReportBatchAnswer, ReportBatchPage, ReportBatchSummary } from './report-batch-queries';
import { BATCH_SKIP_REASONS, BatchSkipReason, ReportFormat } from './report-batch.events';

/** A batch's parameters as recorded: its language is always there (the department's when the request named none). */
class RecordedBatchParametersDto {
  @ApiProperty({ type: ReportPeriodDto }) period: ReportingPeriod;
  @ApiProperty({ enum: REPORT_LANGUAGES, description: 'The language its reports are written in' }) language: ReportLanguage;
}

class ActorDto {
  @ApiProperty() id: string;
  @ApiProperty() role: string;
}

class BatchScheduleDto {
  @ApiProperty() scheduleId: string;
  @ApiProperty({ description: 'The slot it ran for, an ISO instant', example: '2021-10-25T03:00:00.000Z' }) slot: string;
}

class BatchCountsDto {
  @ApiProperty({ description: 'Its reports: one per network it covers' }) total: number;
  @ApiProperty() requested: number;
  @ApiProperty() generating: number;
  @ApiProperty() generated: number;
  @ApiProperty() failed: number;
  @ApiProperty({ description: 'The department’s networks it leaves out' }) skipped: number;
}

export class BatchReportDto implements BatchReportAnswer {
  @ApiProperty({ format: 'uuid' }) networkId: string;
  @ApiProperty({ description: 'The network’s name when the batch was asked for' }) name: string;
  @ApiProperty({ format: 'uuid' }) reportId: string;
  @ApiProperty({ enum: REPORT_STATUSES }) status: ReportStatus;
  @ApiProperty({ description: 'How far the attempt under way has come, 0 to 1; 1 once generated', example: 0.4 }) progress: number;
  @ApiProperty({ type: String, nullable: true, description: 'The step it is at, as the generator says' }) stage: string | null;
  @ApiProperty() attempts: number;
  @ApiProperty({ type: ReportArtifactDto, nullable: true }) artifact: ReportArtifactDto | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why it failed' }) failure: string | null;
  @ApiProperty({ type: String, nullable: true }) generatedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) failedAt: string | null;
  @ApiProperty({ example: '/reports/0190a1b2-…', description: 'The report' }) url: string;
  @ApiProperty({ type: String, nullable: true, example: '/reports/0190a1b2-…/content', description: 'Where to download it, once generated' }) contentUrl: string | null;
}

export class BatchSkipDto implements BatchSkipAnswer {
  @ApiProperty({ format: 'uuid' }) networkId: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: BATCH_SKIP_REASONS, description: 'It reports by the other kind of year, or was dissolved before the period began' }) reason: BatchSkipReason;
}

export class ReportBatchSummaryDto implements ReportBatchSummary {
  @ApiProperty({ format: 'uuid' }) batchId: string;
  @ApiProperty({ enum: ['annual-analysis'] }) report: 'annual-analysis';
  @ApiProperty({ enum: REPORT_FORMATS }) format: ReportFormat;
  @ApiProperty({ type: RecordedBatchParametersDto }) parameters: RecordedBatchParametersDto;
  @ApiProperty({ example: '2020/2021' }) periodLabel: string;
  @ApiProperty({ description: 'The log position every report of it is built at: the head when it was requested' }) position: number;
  @ApiProperty({
    enum: REPORT_BATCH_STATUSES,
    description: 'requested (none started), generating, and once every report has its outcome: generated (all), partly-failed (some failed), failed (all failed)',
  })
  status: ReportBatchStatus;
  @ApiProperty({ type: BatchCountsDto }) counts: BatchCountsDto;
  @ApiProperty({ description: 'Over its reports, 0 to 1: each finished one counts whole, one under way its progress', example: 0.52 }) progress: number;
  @ApiProperty({ type: BatchScheduleDto, nullable: true, description: 'The schedule and slot it ran for; null when asked for through the API' }) schedule: BatchScheduleDto | null;
  @ApiProperty() requestedAt: string;
  @ApiProperty({ type: ActorDto }) requestedBy: ActorDto;
  @ApiProperty({ type: String, nullable: true, description: 'When its last report got its outcome, once every one has' }) finishedAt: string | null;
}

export class ReportBatchDto extends ReportBatchSummaryDto implements ReportBatchAnswer {
  @ApiProperty({ type: [BatchReportDto], description: 'Each network’s report, in the batch’s order (the networks’ names)' }) reports: BatchReportDto[];
  @ApiProperty({ type: [BatchSkipDto], description: 'The networks it leaves out, and why' }) skipped: BatchSkipDto[];
}

export class ReportBatchPageDto implements ReportBatchPage {
  @ApiProperty({ type: [ReportBatchSummaryDto] }) items: ReportBatchSummaryDto[];
  @ApiProperty() total: number;
  @ApiProperty() totalExact: boolean;
  @ApiProperty() offset: number;
  @ApiProperty() limit: number;
}
