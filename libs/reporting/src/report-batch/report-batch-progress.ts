import type { ReportStatus } from '../report/report.decider';

/*
 * A batch's status and progress, from its reports' (pure; `report-batch-progress.spec.ts`).
 * A report the reactor has not recorded yet counts as requested.
 */

export const REPORT_BATCH_STATUSES = ['requested', 'generating', 'generated', 'partly-failed', 'failed'] as const;
export type ReportBatchStatus = (typeof REPORT_BATCH_STATUSES)[number];

/** What the batch's status is made of: each report's status and the progress of its attempt under way. */
export interface BatchReportProgress {
  status: ReportStatus;
  progress: number;
  /** When it was generated or failed, once it was. */
  finishedAt: string | null;
}

export interface BatchCounts {
  /** Its reports, one per network it covers. */
  total: number;
  requested: number;
  generating: number;
  generated: number;
  failed: number;
}

export interface BatchProgress {
  /**
   * `requested` while none of its reports has started, `generating` while some are under way or
   * waiting and others started or finished, and once every one has its outcome: `generated` when
   * all were, `failed` when all failed, `partly-failed` when some did.
   */
  status: ReportBatchStatus;
  counts: BatchCounts;
  /** 0 to 1: each report finished counts 1, one under way its attempt's progress. */
  progress: number;
  /** The last outcome, once every report has its own; null before. */
  finishedAt: string | null;
}

export const batchProgressOf = (reports: readonly BatchReportProgress[]): BatchProgress => {
  const counts: BatchCounts = { total: reports.length, requested: 0, generating: 0, generated: 0, failed: 0 };
  let done = 0;
  for (const report of reports) {
    counts[report.status]++;
    done += report.status === 'generated' || report.status === 'failed' ? 1 : Math.min(Math.max(report.progress, 0), 1);
  }
  const finished = counts.generated + counts.failed;
  const status: ReportBatchStatus =
    finished === counts.total
      ? counts.failed === 0
        ? 'generated'
        : counts.generated === 0
          ? 'failed'
          : 'partly-failed'
      : counts.requested === counts.total
        ? 'requested'
        : 'generating';
  const finishedAt = finished === counts.total ? reports.reduce<string | null>((last, r) => (r.finishedAt && (!last || r.finishedAt > last) ? r.finishedAt : last), null) : null;
  return { status, counts, progress: counts.total ? Math.round((done / counts.total) * 1000) / 1000 : 1, finishedAt };
};
