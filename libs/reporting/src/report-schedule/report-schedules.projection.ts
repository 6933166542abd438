import { Actor, RecordedEvent } from '@app/kernel';
import { defineProjection } from '@app/read-store';
import { ReportScheduleEvent, ReportScheduleSpec, reportScheduleEvents } from './report-schedule.events';

/**
 * A schedule as its readers and the schedulers see it: the whole schedule as last set, who made
 * it and when, when it was last changed. A removed schedule's document is deleted. One document
 * per schedule, its id the schedule's.
 */
export interface ReportScheduleView extends ReportScheduleSpec {
  id: string;
  scheduleId: string;
  department: string;
  createdAt: string;
  createdBy: Actor;
  updatedAt: string;
  /** Revision of the schedule's stream last applied: replays change nothing. */
  streamRevision: number;
  [field: string]: unknown;
}

export const REPORT_SCHEDULES = 'report-schedules';

export const evolveReportScheduleView = (doc: ReportScheduleView | null, event: RecordedEvent<ReportScheduleEvent>): ReportScheduleView | null => {
  if (doc && doc.streamRevision >= event.revision) return doc;
  if (event.type === 'ReportScheduleRemoved') return null;
  if (event.type !== 'ReportScheduleSet') return doc;
  const { scheduleId, department, name, cron, timeZone, report, periodKind, language, format } = event.data;
  const at = event.metadata.recordedAt;
  return {
    id: scheduleId,
    scheduleId,
    department,
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
    streamRevision: event.revision,
  };
};

/** The departments' report schedules (the schedulers read every department's). */
export const reportSchedulesProjection = defineProjection<ReportScheduleView, ReportScheduleEvent>({
  name: REPORT_SCHEDULES,
  collection: REPORT_SCHEDULES,
  events: reportScheduleEvents,
  indexes: [
    { name: 'by-department', fields: ['department', 'createdAt', 'id'] },
    { name: 'by-created', fields: ['createdAt', 'id'] },
  ],
  documentId: (event) => event.data.scheduleId,
  evolve: evolveReportScheduleView,
});
