import { Query } from '@nestjs/cqrs';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import type { Actor } from '@app/kernel';
import { ConsistencyQueryDto, IsQueryWholeNumber, PagingQueryDto } from '@app/platform/http';
import { REPORT_STATUSES, ReportStatus } from '../report/report.decider';
import { REPORT_FORMATS, REPORT_KINDS, ReportFormat, ReportKind, ReportParameters } from '../report/report.events';
import { reportListProjection } from './report-list.projection';

export class ListReportsQueryDto extends PagingQueryDto {
  @ApiPropertyOptional({ enum: REPORT_KINDS, description: 'Reports of one kind' }) @IsOptional() @IsIn(REPORT_KINDS) report?: ReportKind;
  @ApiPropertyOptional({ format: 'uuid', description: 'Reports of one network (its annual analyses and monitoring tables)' }) @IsOptional() @IsUUID() network?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Reports of one institution (its profiles)' }) @IsOptional() @IsUUID() institution?: string;
  @ApiPropertyOptional({ description: 'Reports that cover an academic year (a monitoring table: one of its years)', example: '2020/2021' })
  @IsOptional()
  @Matches(/^\d{4}\/\d{4}$/, { message: 'academicYear must be an academic year written like 2020/2021' })
  academicYear?: string;
  @ApiPropertyOptional({ description: 'Reports that cover a calendar year', example: 2021 }) @IsOptional() @IsQueryWholeNumber({ min: 1900, max: 2999 }) year?: number;
  @ApiPropertyOptional({ enum: REPORT_STATUSES }) @IsOptional() @IsIn(REPORT_STATUSES) status?: ReportStatus;
  @ApiPropertyOptional({ enum: REPORT_FORMATS }) @IsOptional() @IsIn(REPORT_FORMATS) format?: ReportFormat;
  @ApiPropertyOptional({ format: 'uuid', description: 'The reports of one batch (GET /report-batches/{id})' }) @IsOptional() @IsUUID() batch?: string;
}

/** The generated document as a report's answer shows it (where it is stored is the server's). */
export interface ReportArtifactAnswer {
  hash: string;
  size: number;
  contentType: string;
  fileName: string;
}

/** A report as the queries answer it: what was asked, its status with progress, and its document once generated. */
export interface ReportAnswer {
  reportId: string;
  report: ReportKind;
  format: ReportFormat;
  parameters: ReportParameters;
  /** The log position it is built at. */
  position: number;
  status: ReportStatus;
  /** Of the attempt under way, 0 to 1; 1 once generated. */
  progress: number;
  stage: string | null;
  attempts: number;
  artifact: ReportArtifactAnswer | null;
  templateVersion: string | null;
  /** Why it failed, once failed. */
  failure: string | null;
  /** The batch it is part of; null when asked for on its own. */
  batchId: string | null;
  requestedAt: string;
  requestedBy: Actor;
  startedAt: string | null;
  generatedAt: string | null;
  failedAt: string | null;
  updatedAt: string;
  /** Where to download it, once generated. */
  contentUrl: string | null;
}

export interface ReportPage {
  items: ReportAnswer[];
  total: number;
  totalExact: boolean;
  offset: number;
  limit: number;
}

/** A report's document, to download. */
export interface ReportContent {
  bytes: Buffer;
  contentType: string;
  fileName: string;
  hash: string;
}

/** The department's reports, newest first, by kind, network, institution, year, status and format, a page at a time. */
export class ListReportsQuery extends Query<ReportPage> {
  static readonly reads = [reportListProjection];
  constructor(
    readonly department: string,
    readonly filter: ListReportsQueryDto,
  ) {
    super();
  }
}

/** One report with its status and progress; 404 for an unknown one or another department's. */
export class GetReportQuery extends Query<ReportAnswer> {
  static readonly reads = [reportListProjection];
  constructor(
    readonly department: string,
    readonly reportId: string,
    readonly consistentWith?: number,
  ) {
    super();
  }
}

/** How a document is sent: as a download (the default), or `inline`, a preview the browser shows (an HTML report, a PDF). */
export class ReportContentQueryDto extends ConsistencyQueryDto {
  @ApiPropertyOptional({ enum: ['attachment', 'inline'], default: 'attachment', description: 'attachment: a download; inline: shown by the browser (a preview of an HTML or PDF report)' })
  @IsOptional()
  @IsIn(['attachment', 'inline'])
  disposition?: 'attachment' | 'inline';
}

/** A generated report's document (from the artifact store, checked against its hash); 404 for an unknown one or another department's, 422 before it is generated. */
export class GetReportContentQuery extends Query<ReportContent> {
  static readonly reads = [reportListProjection];
  constructor(
    readonly department: string,
    readonly reportId: string,
    readonly consistentWith?: number,
  ) {
    super();
  }
}

/** The reports of every department that are requested or generating: what a restart looks at again (not an endpoint). */
export class ListUnfinishedReportsQuery extends Query<{ reportId: string; department: string }[]> {
  static readonly reads = [reportListProjection];
}
