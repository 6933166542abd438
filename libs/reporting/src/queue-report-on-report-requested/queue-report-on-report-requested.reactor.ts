import { asEventOf, eventsOf, fold } from '@app/kernel';
import type { Reactor } from '@app/read-store';
import { isFinished, reportDecider } from '../report/report.decider';
import { reportEvents, reportStream } from '../report/report.events';
import { REPORT_JOB_OPTIONS, REPORT_QUEUE, ReportJobPayload } from '../report-job/report-queue';

export const QUEUE_REPORT_ON_REPORT_REQUESTED = 'QueueReportOnReportRequested';

/**
 * A report requested is a job on the report queue (`report-generation`): the job generates the
 * document and records the outcome (docs/reporting.md, "Requests, jobs and artifacts"). The
 * job's id is derived from this reactor and the request's event, so reacting to the request
 * again (at-least-once delivery: a restart before the checkpoint moved) adds no second job. A
 * report that already has its outcome (a reactor new to an installation reads the whole log)
 * gets none.
 */
export const queueReportOnReportRequested: Reactor = {
  name: QUEUE_REPORT_ON_REPORT_REQUESTED,
  handles: ['ReportRequested'],
  react: async (event, reaction) => {
    const requested = asEventOf(reportEvents, event);
    if (requested.type !== 'ReportRequested') return;
    const { reportId, department } = requested.data;
    const stream = await reaction.eventStore.readStream(reportStream(reportId));
    if (isFinished(fold(reportDecider, eventsOf(reportEvents, stream)))) return;
    await reaction.addJob<ReportJobPayload>(REPORT_QUEUE, { reportId, department }, REPORT_JOB_OPTIONS);
  },
};
