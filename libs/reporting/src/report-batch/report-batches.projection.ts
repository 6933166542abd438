import { Actor, RecordedEvent, reportingPeriodLabel } from '@app/kernel';
import { defineProjection } from '@app/read-store';
import { BatchReport, BatchSchedule, BatchSkip, ReportBatchEvent, ReportBatchParameters, ReportFormat, reportBatchEvents } from './report-batch.events';

/**
 * One batch as its readers see it: what was asked (kind, format, period, language, position),
 * the networks it covers with their reports' ids and those it skips, the schedule's slot it
 * ran for, who asked and when. How far its reports have come is theirs (`report-list`), joined
 * at query time (`GetReportBatchQuery`): a report's progress is recorded on its own stream,
 * which names its batch only in its request.
 */
export interface ReportBatchView {
  id: string;
  batchId: string;
  department: string;
  report: 'annual-analysis';
  format: ReportFormat;
  parameters: ReportBatchParameters;
  /** `2020/2021`, `2021`. */
  periodLabel: string;
  position: number;
  reports: BatchReport[];
  skipped: BatchSkip[];
  schedule: BatchSchedule | null;
  requestedAt: string;
  requestedBy: Actor;
  [field: string]: unknown;
}

export const REPORT_BATCHES = 'report-batches';

export const evolveReportBatchView = (doc: ReportBatchView | null, event: RecordedEvent<ReportBatchEvent>): ReportBatchView | null => {
  // One event a batch: a replay finds its document there already.
  if (doc) return doc;
  const { batchId, department, report, format, parameters, position, reports, skipped, schedule } = event.data;
  return {
    id: batchId,
    batchId,
    department,
    report,
    format,
    parameters,
    periodLabel: reportingPeriodLabel(parameters.period),
    position,
    reports,
    skipped,
    schedule,
    requestedAt: event.metadata.recordedAt,
    requestedBy: event.metadata.actor,
  };
};

/** The department's batches, newest first. */
export const reportBatchesProjection = defineProjection<ReportBatchView, ReportBatchEvent>({
  name: 'report-batches',
  collection: REPORT_BATCHES,
  events: reportBatchEvents,
  indexes: [{ name: 'by-requested', fields: ['department', 'requestedAt', 'id'] }],
  documentId: (event) => event.data.batchId,
  evolve: evolveReportBatchView,
});
