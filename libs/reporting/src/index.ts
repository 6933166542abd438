/**
 * The reporting module's public face: the report data models (what every format is rendered
 * from), the events of a report's stream (`ReportRequested` … `ReportGenerated`, `ReportFailed`,
 * their table `reportingEvents`, the stream helper `reportStream`) and of a department template's
 * (`ReportTemplateUploaded`, `ReportTemplateWithdrawn`, `reportTemplateStream`), the Nest module, the query
 * contracts, and the module's entry for the registry. Other libraries and the apps import
 * `@app/reporting` only.
 */
import type { Projection, Reactor } from '@app/read-store';
import { queueReportOnReportRequested } from './queue-report-on-report-requested/queue-report-on-report-requested.reactor';
import { reportListProjection } from './report-list/report-list.projection';
import { reportBatchesProjection } from './report-batch/report-batches.projection';
import { reportSchedulesProjection } from './report-schedule/report-schedules.projection';
import { requestReportsOnReportBatchRequested } from './request-reports-on-report-batch-requested/request-reports-on-report-batch-requested.reactor';
import { ReportingModule } from './reporting.module';
import { reportingEvents } from './reporting.events';

export type * from './annual-analysis/annual-analysis.model';

export * from './reporting.events';

export { ReportingModule } from './reporting.module';

/** The module's query contracts: the queries other modules may send over the QueryBus, their answers, and the read model's document. */
export { GetReportContentQuery, GetReportQuery, ListReportsQuery } from './report-list/report-queries';
export type { ReportAnswer, ReportArtifactAnswer, ReportContent, ReportPage } from './report-list/report-queries';
export type { ReportView } from './report-list/report-list.projection';
export { GetReportBatchQuery, ListReportBatchesQuery } from './report-batch/report-batch-queries';
export type { BatchReportAnswer, BatchSkipAnswer, ReportBatchAnswer, ReportBatchPage, ReportBatchSummary } from './report-batch/report-batch-queries';
export type { ReportBatchView } from './report-batch/report-batches.projection';
export type { ReportScheduleView } from './report-schedule/report-schedules.projection';
export { GetReportLanguageQuery } from './report-language/report-language.query';
export type { ReportLanguageAnswer } from './report-language/report-language.query';

const projections: readonly Projection[] = [reportListProjection, reportBatchesProjection, reportSchedulesProjection];
const reactors: readonly Reactor[] = [queueReportOnReportRequested, requestReportsOnReportBatchRequested];

/** The module as the registry composes it (`libs/modules`): its Nest module, its processors and its event contracts. */
export const reporting = {
  name: 'reporting',
  nestModule: ReportingModule,
  jobsModule: ReportingModule,
  projections,
  reactors,
  eventContracts: [reportingEvents],
};
