import { Actor, RecordedEvent } from '@app/kernel';
import { defineProjection } from '@app/read-store';
import { ReportBatchEvent, reportBatchEvents } from '../report-batch/report-batch.events';
import { ReportScheduleEvent, ReportScheduleSpec, reportScheduleEvents } from './report-schedule.events';

/** The runs a schedule's document keeps: its newest ones. */
export const KEPT_RUNS = 100;

/** A run of a schedule: the batch a slot asked for. */
export interface ReportScheduleRun {
  batchId: string;
  slot: string;
  requestedAt: string;
}

/**
 * A schedule as its readers and the schedulers see it: the whole schedule as last set, who made
 * it and when, when it was last changed. A removed schedule's document stays, marked removed (so
 * a replay of its older events cannot bring it back), and no list shows it. One document per
 * schedule, its id the schedule's.
 */
export interface ReportScheduleView extends ReportScheduleSpec {
  id: string;
  scheduleId: string;
  department: string;
  status: 'active' | 'removed';
  createdAt: string;
  createdBy: Actor;
  updatedAt: string;
  /** The batches its slots asked for, newest slot first (at most {@link KEPT_RUNS}). */
  runs: ReportScheduleRun[];
  /** Revision of the schedule's stream last applied: replays change nothing. */
  streamRevision: number;
  [field: string]: unknown;
}

export const REPORT_SCHEDULES = 'report-schedules';

export const evolveReportScheduleView = (doc: ReportScheduleView | null, event: RecordedEvent<ReportScheduleEvent | ReportBatchEvent>): ReportScheduleView | null => {
  if (event.type === 'ReportBatchRequested') {
    // A batch one of its slots asked for; a batch's stream is written once, so one seen already is the same one.
    const { batchId, schedule } = event.data;
    if (!doc || doc.status === 'removed' || !schedule || doc.runs.some((run) => run.batchId === batchId)) return doc;
    const runs = [...doc.runs, { batchId, slot: new Date(schedule.slot).toISOString(), requestedAt: event.metadata.recordedAt }]
      .sort((a, b) => b.slot.localeCompare(a.slot) || a.batchId.localeCompare(b.batchId))
      .slice(0, KEPT_RUNS);
    return { ...doc, runs };
  }
  if (doc && doc.streamRevision >= event.revision) return doc;
  if (event.type === 'ReportScheduleRemoved') return doc && { ...doc, status: 'removed', updatedAt: event.metadata.recordedAt, streamRevision: event.revision };
  const { scheduleId, department, name, cron, timeZone, report, periodKind, language, format } = event.data;
  const at = event.metadata.recordedAt;
  return {
    id: scheduleId,
    scheduleId,
    department,
    status: 'active',
    name,
    cron,
    timeZone,
    report,
    periodKind,
    language,
    format,
    createdAt: doc?.createdAt ?? at,
    createdBy: doc?.createdBy ?? event.metadata.actor,
    updatedAt: at,
    runs: doc?.runs ?? [],
    streamRevision: event.revision,
  };
};

/** The departments' report schedules (the schedulers read every department's), each with the batches its slots asked for. */
export const reportSchedulesProjection = defineProjection<ReportScheduleView, ReportScheduleEvent | ReportBatchEvent>({
  name: REPORT_SCHEDULES,
  collection: REPORT_SCHEDULES,
  events: { ...reportScheduleEvents, ...reportBatchEvents },
  indexes: [
    { name: 'by-department', fields: ['department', 'status', 'createdAt', 'id'] },
    { name: 'by-status', fields: ['status', 'createdAt', 'id'] },
  ],
  documentId: (event) => (event.type === 'ReportBatchRequested' ? (event.data.schedule?.scheduleId ?? null) : event.data.scheduleId),
  evolve: evolveReportScheduleView,
});
