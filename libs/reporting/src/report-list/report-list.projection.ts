import { Actor, RecordedEvent, ReportingPeriodKind } from '@app/kernel';
import { defineProjection } from '@app/read-store';
import { ReportRequestEvent, ReportRecord, evolveReport, reportEvents, reportInstitutionOf, reportNetworkOf, reportSpecOf, reportYearsOf } from '../report/report.decider';

/**
 * One report as its readers see it: what was asked (kind, format, parameters, position), its
 * status and the progress of the attempt under way, the artifact once generated or the reason
 * it failed, who asked and when. Folded by the decider's own `evolveReport`. One document per
 * report, its id the report's.
 */
export interface ReportView extends ReportRecord {
  id: string;
  /** What lists filter by: the network (an annual analysis, a network's monitoring table; null otherwise), the institution (a profile). */
  networkId: string | null;
  institutionId: string | null;
  /** The years it covers (`2020/2021`, `2021`, `2019/2020–2022/2023`); null for a profile. */
  periodLabel: string | null;
  /** Their kind and the first and last year's start (2020 for 2020/2021), for the lists' `academicYear` and `year`. */
  periodKind: ReportingPeriodKind | null;
  periodFirst: number | null;
  periodLast: number | null;
  /** The batch it is part of (`GET /reports?batch=`); null when asked for on its own. Absent from the documents written before batches. */
  batchId?: string | null;
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
  const spec = reportSpecOf(next);
  const years = reportYearsOf(spec);
  return {
    ...next,
    id: next.reportId,
    networkId: reportNetworkOf(spec),
    institutionId: reportInstitutionOf(spec),
    periodLabel: years?.label ?? null,
    periodKind: years?.kind ?? null,
    periodFirst: years?.first ?? null,
    periodLast: years?.last ?? null,
    batchId: event.type === 'ReportRequested' ? (event.data.batchId ?? null) : (doc?.batchId ?? null),
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
  // The department's reports newest first, by status, network, institution, kind of year, kind, format and batch; the unfinished ones of every department (a restart's recovery).
  // A year filter is the kind of year by the index, then the range of years the report covers (a department's reports are few enough to compare).
  indexes: [
    { name: 'by-requested', fields: ['department', 'requestedAt', 'id'] },
    { name: 'by-status', fields: ['department', 'status', 'requestedAt', 'id'] },
    { name: 'by-network', fields: ['department', 'networkId', 'requestedAt', 'id'] },
    { name: 'by-institution', fields: ['department', 'institutionId', 'requestedAt', 'id'] },
    { name: 'by-period', fields: ['department', 'periodKind', 'requestedAt', 'id'] },
    { name: 'by-kind', fields: ['department', 'report', 'requestedAt', 'id'] },
    { name: 'by-format', fields: ['department', 'format', 'requestedAt', 'id'] },
    { name: 'by-batch', fields: ['department', 'batchId', 'requestedAt', 'id'] },
    { name: 'unfinished', fields: ['status', 'requestedAt', 'id'] },
  ],
  documentId: (event) => event.data.reportId,
  evolve: evolveReportView,
});
