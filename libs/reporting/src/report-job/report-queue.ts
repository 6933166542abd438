import type { AddJobOptions } from '@app/jobs';

/** The queue the reports' jobs are on. */
export const REPORT_QUEUE = 'report-generation';

/** What a report's job carries: which report (the rest is in its stream). */
export interface ReportJobPayload {
  reportId: string;
  department: string;
}

/** Tries of a report's job before it records the report failed; the wait doubles from 2 s. */
export const REPORT_JOB_OPTIONS: Required<AddJobOptions> = { attempts: 3, backoffMs: 2000 };
