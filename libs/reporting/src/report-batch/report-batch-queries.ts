import { Query } from '@nestjs/cqrs';
import type { Actor } from '@app/kernel';
import { PagingQueryDto } from '@app/platform/http';
import type { ReportStatus } from '../report/report.decider';
import { reportListProjection } from '../report-list/report-list.projection';
import type { ReportArtifactAnswer } from '../report-list/report-queries';
import type { BatchCounts, ReportBatchStatus } from './report-batch-progress';
import type { BatchSchedule, BatchSkipReason, ReportBatchParameters, ReportFormat } from './report-batch.events';
import { reportBatchesProjection } from './report-batches.projection';

/** One network's report in a batch, as far as it has come. */
export interface BatchReportAnswer {
  networkId: string;
  /** The network's name when the batch was asked for. */
  name: string;
  reportId: string;
  status: ReportStatus;
  /** Of the attempt under way, 0 to 1; 1 once generated. */
  progress: number;
  stage: string | null;
  attempts: number;
  artifact: ReportArtifactAnswer | null;
  /** Why it failed, once failed. */
  failure: string | null;
  generatedAt: string | null;
  failedAt: string | null;
  /** The report (`GET /reports/{id}`). */
  url: string;
  /** Where to download it, once generated. */
  contentUrl: string | null;
}

/** A network of the department the batch leaves out, and why. */
export interface BatchSkipAnswer {
  networkId: string;
  name: string;
  reason: BatchSkipReason;
}

/** A batch as the list answers it: what was asked, its status, counts and progress. */
export interface ReportBatchSummary {
  batchId: string;
  report: 'annual-analysis';
  format: ReportFormat;
  parameters: ReportBatchParameters;
  periodLabel: string;
  /** The log position every report of it is built at. */
  position: number;
  status: ReportBatchStatus;
  counts: BatchCounts & { skipped: number };
  /** 0 to 1 over its reports. */
  progress: number;
  /** The schedule and slot it ran for; null when asked for through the API. */
  schedule: BatchSchedule | null;
  requestedAt: string;
  requestedBy: Actor;
  /** When its last report got its outcome, once every one has. */
  finishedAt: string | null;
}

/** One batch with each network's report and the networks it skips. */
export interface ReportBatchAnswer extends ReportBatchSummary {
  reports: BatchReportAnswer[];
  skipped: BatchSkipAnswer[];
}

export interface ReportBatchPage {
  items: ReportBatchSummary[];
  total: number;
  totalExact: boolean;
  offset: number;
  limit: number;
}

/** The department's batches, newest first, a page at a time. */
export class ListReportBatchesQuery extends Query<ReportBatchPage> {
  static readonly reads = [reportBatchesProjection, reportListProjection];
  constructor(
    readonly department: string,
    readonly filter: PagingQueryDto,
  ) {
    super();
  }
}

/** One batch with its reports' progress; 404 for an unknown one or another department's. */
export class GetReportBatchQuery extends Query<ReportBatchAnswer> {
  static readonly reads = [reportBatchesProjection, reportListProjection];
  constructor(
    readonly department: string,
    readonly batchId: string,
    readonly consistentWith?: number,
  ) {
    super();
  }
}
