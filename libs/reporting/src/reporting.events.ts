import { EventContracts } from '@app/kernel';
import { ReportBatchEvent, reportBatchEvents } from './report-batch/report-batch.events';
import { ReportRequestEvent, reportEvents } from './report/report.events';
import { ReportTemplateEvent, reportTemplateEvents } from './report-template/report-template.events';
import { ReportScheduleEvent, reportScheduleEvents } from './report-schedule/report-schedule.events';
import { ReportLanguageEvent, reportLanguageEvents } from './report-language/report-language.events';

export * from './report/report.events';
export * from './report-template/report-template.events';
export * from './report-batch/report-batch.events';
export * from './report-schedule/report-schedule.events';
export * from './report-language/report-language.events';

/** Every event the reporting module records: a report's, from its request to its outcome; a department template's versions; a batch's and a schedule's; the department's report language. */
export type ReportingEvent = ReportRequestEvent | ReportTemplateEvent | ReportBatchEvent | ReportScheduleEvent | ReportLanguageEvent;

/** The contracts of every event the reporting module records: its part of the upcaster registry. */
export const reportingEvents: EventContracts<ReportingEvent> = {
  ...reportEvents,
  ...reportTemplateEvents,
  ...reportBatchEvents,
  ...reportScheduleEvents,
  ...reportLanguageEvents,
};
