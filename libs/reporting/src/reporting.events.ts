import { EventContracts } from '@app/kernel';
import { ReportRequestEvent, reportEvents } from './report/report.events';
import { ReportTemplateEvent, reportTemplateEvents } from './report-template/report-template.events';

export * from './report/report.events';
export * from './report-template/report-template.events';

/** Every event the reporting module records: a report's, from its request to its outcome; a department template's versions. */
export type ReportingEvent = ReportRequestEvent | ReportTemplateEvent;

/** The contracts of every event the reporting module records: its part of the upcaster registry. */
export const reportingEvents: EventContracts<ReportingEvent> = {
  ...reportEvents,
  ...reportTemplateEvents,
};
