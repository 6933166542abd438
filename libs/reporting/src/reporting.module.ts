import { Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { NetworksModule } from '@app/networks';
import { APP_CONFIG, AppConfig } from '@app/platform';
import { ARTIFACT_STORE, ArtifactStore } from './artifacts/artifact-store.port';
import { openArtifactStore } from './artifacts/open-artifact-store';
import { ReportGenerators } from './report-generation/report-generators';
import { ReportJobs } from './report-job/report-jobs.service';
import { GetReportContentHandler, GetReportHandler, ListReportsHandler, ListUnfinishedReportsHandler } from './report-list/report-list.handler';
import { ReportReadController } from './report-list/report-read.controller';
import { RequestReportController } from './request-report/request-report.controller';
import { RequestReportHandler } from './request-report/request-report.handler';

/** Closes the artifact store after the platform has closed the queue (its hooks run first), so no job is still storing. */
@Injectable()
class ArtifactStoreLifecycle implements OnApplicationShutdown {
  constructor(@Inject(ARTIFACT_STORE) private readonly artifacts: ArtifactStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.artifacts.close();
  }
}

/**
 * Reports: asking for one (`POST /reports`), its job (generated through the `ReportGenerators`
 * registered, stored in the `ArtifactStore`), its status, the list and the download
 * (docs/reporting.md, "Requests, jobs and artifacts"). No generator is registered here yet: a
 * provider marked `@GeneratesReport(kind, formats)` in this module's providers (or any module's)
 * is one.
 */
@Module({
  // The queries a request (and, in a worker, a generator) sends: the networks module's.
  imports: [CqrsModule, DiscoveryModule, NetworksModule],
  controllers: [RequestReportController, ReportReadController],
  providers: [
    { provide: ARTIFACT_STORE, inject: [APP_CONFIG], useFactory: (config: AppConfig) => openArtifactStore(config) },
    ArtifactStoreLifecycle,
    ReportGenerators,
    ReportJobs,
    RequestReportHandler,
    ListReportsHandler,
    GetReportHandler,
    GetReportContentHandler,
    ListUnfinishedReportsHandler,
  ],
  exports: [ReportGenerators],
})
export class ReportingModule {}
