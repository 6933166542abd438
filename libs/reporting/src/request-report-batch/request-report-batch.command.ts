import { ReportingPeriod } from '@app/kernel';
import { DepartmentCommand } from '@app/platform/commands';
import type { ReportFormat, ReportLanguage } from '../report/report.events';

/**
 * A batch: every network's annual analysis for a period (docs/reporting.md, "Batches"). The
 * networks are those of the department that report by the period's kind and existed during it;
 * each gets a report of its own (`ReportRequested` with the batch's id), followed per network.
 */
export interface RequestReportBatchInput {
  report: 'annual-analysis';
  /** DOCX when left out. */
  format?: ReportFormat;
  /** `language` left out (or null): the department's, recorded with the batch. */
  parameters: { period: ReportingPeriod; language?: ReportLanguage | null };
  /** Set by a schedule's run, never by the API: the schedule and the slot (an ISO instant) the batch is for. */
  schedule?: { scheduleId: string; slot: string };
}

/**
 * Asks for a batch of the caller's department (202, then `GET /report-batches/{id}`). Its id is
 * new, or derived from the department and the context's `idempotencyKey`
 * (`deterministicId(department, 'report-batch', key)`): a repeat with the same key records
 * nothing and answers the first, which is how a schedule's slot runs once however many
 * processes fire it.
 */
export class RequestReportBatchCommand extends DepartmentCommand<RequestReportBatchInput> {}
