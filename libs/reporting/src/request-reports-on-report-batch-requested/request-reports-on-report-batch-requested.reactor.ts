import { asEventOf } from '@app/kernel';
import type { Reactor } from '@app/read-store';
import { reportBatchEvents } from '../report-batch/report-batch.events';
import { ReportRequested, reportStream } from '../report/report.events';

export const REQUEST_REPORTS_ON_REPORT_BATCH_REQUESTED = 'RequestReportsOnReportBatchRequested';

/**
 * A batch asked for is one report per network it covers: this reactor records each network's
 * `ReportRequested` (its annual analysis for the batch's period, in its language and format, at
 * the batch's position, naming the batch) on the report's own stream, and
 * `QueueReportOnReportRequested` then queues each one's job as it does a single request's
 * (docs/reporting.md, "Batches"). The reports' ids are the batch's (derived from the batch and
 * the network), and the events appended get ids derived from this reactor, the batch's event
 * and their order in the batch, so reacting again (a restart before the checkpoint moved, a
 * retry after some of them were recorded) records nothing twice: the event store takes a
 * repeated append of the same ids as done. The requests are appended at once, so a batch of
 * fifty networks goes in a few commits and its first report's job starts at once.
 */
export const requestReportsOnReportBatchRequested: Reactor = {
  name: REQUEST_REPORTS_ON_REPORT_BATCH_REQUESTED,
  handles: ['ReportBatchRequested'],
  react: async (event, reaction) => {
    const batch = asEventOf(reportBatchEvents, event);
    if (batch.type !== 'ReportBatchRequested') return;
    const { batchId, department, format, parameters, position, reports, template } = batch.data;
    // Called in the batch's order: each append takes the next of the reaction's event ids. All
    // are let finish before a failure is told, so a retry never races an append still under way.
    const outcomes = await Promise.allSettled(
      reports.map(({ networkId, reportId }) => {
        const requested: ReportRequested = {
          type: 'ReportRequested',
          data: {
            reportId,
            department,
            report: 'annual-analysis',
            parameters: { networkId, period: parameters.period, language: parameters.language, asOf: null },
            format,
            position,
            batchId,
            // The template the batch recorded, so every report of it is rendered with the same version.
            ...(template ? { template } : {}),
          },
        };
        return reaction.append(reportStream(reportId), [requested], { expectedRevision: 'no_stream' });
      }),
    );
    const failure = outcomes.find((outcome) => outcome.status === 'rejected');
    if (failure) throw failure.reason;
  },
};
