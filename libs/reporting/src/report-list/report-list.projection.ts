import { Actor, RecordedEvent, reportingPeriodLabel } from '@app/kernel';
import { defineProjection } from '@app/read-store';
import { ReportRequestEvent, ReportRecord, evolveReport, reportEvents } from '../report/report.decider';

/**
 * One report as its readers see it: what was asked (kind, format, parameters, position), its
 * status and the progress of the attempt under way, the artifact once generated or the reason
 * it failed, who asked and when. Folded by the decider's own `evolveReport`. One document per
 * report, its id the report's.
 */
export interface ReportView extends ReportRecord {
  id: string;
  /** What lists filter by: the network, the period (`2020/2021`, `2021`). */
  networkId: string;
  periodLabel: string;
  requestedAt: string;
  requestedBy: Actor;
  /** When the attempt under way (or the last one) started. */
  startedAt: string | null;
  generatedAt: string | null;
  failedAt: string | null;
  updatedAt: string;
  /** Revision of the report's stream last applied: replays change nothing. */
  streamRevision: number;
  [field: string]: unknown;
}

export const REPORT_LIST = 'report-list';

const recordOf = (doc: ReportView): ReportRecord => {
  const { status, reportId, department, report, format, parameters, position, attempts, progress, stage, artifact, templateVersion, reason } = doc;
  return { status, reportId, department, report, format, parameters, position, attempts, progress, stage, artifact, templateVersion, reason };
};

export const evolveReportView = (doc: ReportView | null, event: RecordedEvent<ReportRequestEvent>): ReportView | null => {
  if (!doc && event.type !== 'ReportRequested') return null;
  // Already applied (a replay): the document is left as it is.
  if (doc && doc.streamRevision >= event.revision) return doc;
  const at = event.metadata.recordedAt;
  const next = evolveReport(doc ? recordOf(doc) : { status: 'none' }, event);
  if (next.status === 'none') return null;
  return {
    ...next,
    id: next.reportId,
    networkId: next.parameters.networkId,
    periodLabel: reportingPeriodLabel(next.parameters.period),
    requestedAt: doc?.requestedAt ?? at,
    requestedBy: doc?.requestedBy ?? event.metadata.actor,
    startedAt: event.type === 'ReportGenerationStarted' ? at : (doc?.startedAt ?? null),
    generatedAt: event.type === 'ReportGenerated' ? at : (doc?.generatedAt ?? null),
    failedAt: event.type === 'ReportFailed' ? at : (doc?.failedAt ?? null),
    updatedAt: at,
    streamRevision: event.revision,
  };
};

/** The department's reports: one document per report, newest first in every list. */
export const reportListProjection = defineProjection<ReportView, ReportRequestEvent>({
  name: 'report-list',
  collection: REPORT_LIST,
  events: reportEvents,
  // The department's reports newest first, by status, network, period, kind and format; the unfinished ones of every department (a restart's recovery).
  indexes: [
    { name: 'by-requested', fields: ['department', 'requestedAt', 'id'] },
    { name: 'by-status', fields: ['department', 'status', 'requestedAt', 'id'] },
    { name: 'by-network', fields: ['department', 'networkId', 'requestedAt', 'id'] },
    { name: 'by-period', fields: ['department', 'periodLabel', 'requestedAt', 'id'] },
    { name: 'by-kind', fields: ['department', 'report', 'requestedAt', 'id'] },
    { name: 'by-format', fields: ['department', 'format', 'requestedAt', 'id'] },
    { name: 'unfinished', fields: ['status', 'requestedAt', 'id'] },
  ],
  documentId: (event) => event.data.reportId,
  evolve: evolveReportView,
});
