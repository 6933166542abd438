import { Inject, Injectable, Module, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { NetworksModule } from '@app/networks';
import { EventsModule } from '@app/events';
import { PlanningModule } from '@app/planning';
import { APP_CONFIG, AppConfig, HealthParts } from '@app/platform';
import { annualAnalysisProviders } from './annual-analysis/annual-analysis.providers';
import { AnnualAnalysisGenerator } from './annual-analysis-generator/annual-analysis.generator';
import { DepartmentSummaryFactsReader } from './department-summary/department-summary.reader';
import { DepartmentSummaryGenerator } from './generators/department-summary.generator';
import { SOFFICE } from './generators/generated-document';
import { InstitutionProfileGenerator } from './generators/institution-profile.generator';
import { MonitoringTableGenerator } from './generators/monitoring-table.generator';
import { InstitutionProfileFactsReader } from './institution-profile/institution-profile.reader';
import { MonitoringTableFactsReader } from './monitoring-table/monitoring-table.reader';
import { findSoffice } from './render/renderers';
import { ARTIFACT_STORE, ArtifactStore } from './artifacts/artifact-store.port';
import { openArtifactStore } from './artifacts/open-artifact-store';
import { ReportGenerators } from './report-generation/report-generators';
import { ReportJobs } from './report-job/report-jobs.service';
import { GetReportContentHandler, GetReportHandler, ListReportsHandler, ListUnfinishedReportsHandler } from './report-list/report-list.handler';
import { ReportReadController } from './report-list/report-read.controller';
import { RequestReportController } from './request-report/request-report.controller';
import { RequestReportHandler } from './request-report/request-report.handler';
import { ReportTemplateController } from './report-template/report-template.controller';
import { UploadReportTemplateHandler, WithdrawReportTemplateHandler } from './report-template/report-template.handlers';
import { ReportTemplates } from './report-template/report-templates.service';
import { RequestReportBatchController } from './request-report-batch/request-report-batch.controller';
import { GetReportBatchHandler, ListReportBatchesHandler } from './report-batch/report-batch-read.handler';
import { ReportBatchReadController } from './report-batch/report-batch-read.controller';
import { RequestReportBatchHandler } from './request-report-batch/request-report-batch.handler';
import { ReportScheduleController } from './report-schedule/report-schedule.controller';
import { ChangeReportScheduleHandler, CreateReportScheduleHandler, RemoveReportScheduleHandler } from './report-schedule/report-schedule.handler';
import { GetReportScheduleHandler, ListAllReportSchedulesHandler, ListReportSchedulesHandler } from './report-schedule/report-schedule-queries.handler';
import { ReportScheduler } from './report-schedule/report-scheduler.service';
import { ReportLanguageController } from './report-language/report-language.controller';
import { GetReportLanguageHandler, SetReportLanguageHandler } from './report-language/report-language.handlers';
import { ReportLanguages } from './report-language/report-languages.service';

/** Shows the artifact store in health (`artifacts`), and closes it after the platform has closed the queue (its hooks run first), so no job is still storing. */
@Injectable()
class ArtifactStoreLifecycle implements OnModuleInit, OnApplicationShutdown {
  constructor(
    @Inject(ARTIFACT_STORE) private readonly artifacts: ArtifactStore,
    private readonly health: HealthParts,
  ) {}

  onModuleInit(): void {
    this.health.register({ name: 'artifacts', ping: () => this.artifacts.ping() });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.artifacts.close();
  }
}

/**
 * Reports: asking for one (`POST /reports`), its job (generated through the `ReportGenerators`
 * registered, stored in the `ArtifactStore`), its status, the list and the download
 * (docs/reporting.md, "Requests, jobs and artifacts"). Its generators, one per kind, each with
 * its facts reader: the annual analysis and the institution profile in DOCX, HTML, Markdown, JSON
 * and PDF (with LibreOffice), the monitoring table and the department summary in XLSX too. A provider marked
 * `@GeneratesReport(kind, formats)` in this module's providers (or any module's) is one. A
 * department's own DOCX templates per kind (`/report-templates`, docs/reporting.md "Department
 * templates"): the request records the version in force, the generators fill it.
 */
@Module({
  // The queries a request (and, in a worker, a generator) sends: the networks, events and planning modules'.
  imports: [CqrsModule, DiscoveryModule, NetworksModule, EventsModule, PlanningModule],
  controllers: [RequestReportController, ReportReadController, ReportTemplateController, RequestReportBatchController, ReportBatchReadController, ReportScheduleController, ReportLanguageController],
  providers: [
    { provide: ARTIFACT_STORE, inject: [APP_CONFIG], useFactory: (config: AppConfig) => openArtifactStore(config) },
    ArtifactStoreLifecycle,
    ReportGenerators,
    // LibreOffice as configured (OKRUG_SOFFICE), else as found on the PATH; none: no PDF.
    { provide: SOFFICE, inject: [APP_CONFIG], useFactory: (config: AppConfig) => config.soffice ?? findSoffice(config.searchPath) },
    ...annualAnalysisProviders,
    AnnualAnalysisGenerator,
    MonitoringTableFactsReader,
    MonitoringTableGenerator,
    DepartmentSummaryFactsReader,
    DepartmentSummaryGenerator,
    InstitutionProfileFactsReader,
    InstitutionProfileGenerator,
    ReportJobs,
    RequestReportHandler,
    RequestReportBatchHandler,
    ListReportBatchesHandler,
    GetReportBatchHandler,
    ListReportsHandler,
    GetReportHandler,
    GetReportContentHandler,
    ListUnfinishedReportsHandler,
    // A department's own DOCX templates per kind (upload, withdraw, read; the generators load them).
    ReportTemplates,
    UploadReportTemplateHandler,
    WithdrawReportTemplateHandler,
    // Schedules: their writes and reads, and the scheduler where the processors run.
    ReportScheduler,
    CreateReportScheduleHandler,
    ChangeReportScheduleHandler,
    RemoveReportScheduleHandler,
    ListReportSchedulesHandler,
    GetReportScheduleHandler,
    ListAllReportSchedulesHandler,
    // The department's report language: what a request that names none is written in.
    ReportLanguages,
    SetReportLanguageHandler,
    GetReportLanguageHandler,
  ],
  exports: [ReportGenerators],
})
export class ReportingModule {}
