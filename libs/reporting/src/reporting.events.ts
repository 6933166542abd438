import { EventContracts } from '@app/kernel';
import { ReportRequestEvent, reportEvents } from './report/report.events';
import { ReportScheduleEvent, reportScheduleEvents } from './report-schedule/report-schedule.events';

export * from './report/report.events';
export * from './report-schedule/report-schedule.events';

/** Every event the reporting module records: a report's, from its request to its outcome. */
export type ReportingEvent = ReportRequestEvent | ReportScheduleEvent;

/** The contracts of every event the reporting module records: its part of the upcaster registry. */
export const reportingEvents: EventContracts<ReportingEvent> = {
  ...reportEvents,
  ...reportScheduleEvents,
};
