import { EntityRef, EventContracts, ReportingPeriod, reportingPeriodLabel, streamName } from '@app/kernel';
import type { ReportFormat, ReportLanguage, ReportTemplateRef } from '../report/report.events';

export type { ReportFormat, ReportLanguage, ReportTemplateRef };

/*
 * A batch of reports a department asked for (docs/reporting.md, "Batches"): every network's
 * annual analysis for a period. One aggregate per batch, its stream `ReportBatch-<batch id>`,
 * holding one event, the request: which networks it covers (each with the id of its report,
 * derived from the batch and the network) and which it skips, and why. Each report is then a
 * report of its own (`Report-<report id>`, its `ReportRequested` naming the batch), recorded by
 * the reactor `RequestReportsOnReportBatchRequested`; the batch's progress is its reports'.
 */

/** Stream of one batch (`ReportBatch-<batch id>`). */
export const reportBatchStream = (batchId: string): string => streamName('ReportBatch', batchId);

/** Why a network of the department has no report in a batch. */
export const BATCH_SKIP_REASONS = ['reports-by-academic-year', 'reports-by-calendar-year', 'dissolved-before-period'] as const;
export type BatchSkipReason = (typeof BATCH_SKIP_REASONS)[number];

/** A network the batch covers, its name when the batch was asked for, and the id of its report (`reportIdOfBatch`). */
export interface BatchReport {
  networkId: string;
  name: string;
  reportId: string;
}

/** A network of the department the batch leaves out, its name then, and why. */
export interface BatchSkip {
  networkId: string;
  name: string;
  reason: BatchSkipReason;
}

/** The schedule and the slot (an ISO instant) a batch was run for; null when asked for through the API. */
export interface BatchSchedule {
  scheduleId: string;
  slot: string;
}

/** What a batch's reports are: the annual analysis for a period, in a language. */
export interface ReportBatchParameters {
  period: ReportingPeriod;
  language: ReportLanguage;
}

/**
 * A batch asked for. `position` is the head of the log when it was requested: every report of
 * the batch is built at it. `reports` in the order they are requested (the networks' list
 * order), `skipped` the department's other networks. Who asked and when is the envelope's.
 */
export type ReportBatchRequested = {
  type: 'ReportBatchRequested';
  data: {
    batchId: string;
    department: string;
    report: 'annual-analysis';
    format: ReportFormat;
    parameters: ReportBatchParameters;
    position: number;
    reports: BatchReport[];
    skipped: BatchSkip[];
    schedule: BatchSchedule | null;
    /** The department's annual-analysis template in force when the batch was asked for (DOCX and PDF), which each of its reports is rendered with; absent or null: the built-in one. */
    template?: ReportTemplateRef | null;
  };
};

/** Every event of a batch's stream. */
export type ReportBatchEvent = ReportBatchRequested;

/** What the platform knows of each batch event. */
export const reportBatchEvents: EventContracts<ReportBatchEvent> = {
  ReportBatchRequested: {
    effectiveOn: () => null,
    concerns: (d) => {
      const refs: EntityRef[] = [
        { kind: 'report-batch', id: d.batchId },
        { kind: 'department', id: d.department },
      ];
      for (const r of d.reports) refs.push({ kind: 'report', id: r.reportId });
      return refs;
    },
    describe: (d) => {
      const period = reportingPeriodLabel(d.parameters.period);
      const n = d.reports.length;
      return {
        uk: `Замовлено аналізи роботи всіх мереж за ${period}: звітів — ${n} (${d.format.toUpperCase()})`,
        ru: `Заказаны анализы работы всех сетей за ${period}: отчетов — ${n} (${d.format.toUpperCase()})`,
        en: `Annual analyses of every network for ${period} requested: ${n} reports (${d.format.toUpperCase()})`,
      };
    },
  },
};
