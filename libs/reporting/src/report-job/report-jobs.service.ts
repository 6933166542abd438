import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { Clock, NotYetConsistent, eventsOf, fold, metadataExtrasOf, newId } from '@app/kernel';
import { EVENT_STORE, EventStore, decideAndAppend } from '@app/event-store';
import { JOB_QUEUE, JobQueue } from '@app/jobs';
import { reactionJobId } from '@app/read-store';
import { CLOCK, PLATFORM_OPTIONS, PlatformOptions, ProjectionsService } from '@app/platform';
import { ARTIFACT_STORE, ArtifactStore } from '../artifacts/artifact-store.port';
import { QUEUE_REPORT_ON_REPORT_REQUESTED } from '../queue-report-on-report-requested/queue-report-on-report-requested.reactor';
import { isFinished, reportDecider } from '../report/report.decider';
import { reportEvents, reportStream } from '../report/report.events';
import { ReportGenerators } from '../report-generation/report-generators';
import { ListUnfinishedReportsQuery } from '../report-list/report-queries';
import { reportListProjection } from '../report-list/report-list.projection';
import { REPORT_JOB_ACTOR, ReportJobRunner } from './report-job.runner';
import { REPORT_JOB_OPTIONS, REPORT_QUEUE, ReportJobPayload } from './report-queue';

/** How long one wait for the report list to catch up lasts before it is waited for again. */
const CATCH_UP_WAIT_MS = 60_000;

/**
 * The reports' jobs in a process that runs the processors (the API in the embedded profile, the
 * workers in the distributed one): takes the report queue's jobs (`ReportJobRunner`), and on
 * start looks again at every report that was requested or generating when the last process
 * stopped. Its job is added again under the id the reactor gave it when the queue no longer has
 * it (the in-process queue forgets its jobs with the process; the queue keeps one job per id, so
 * a job it has is not added twice), and a job the queue itself gave up on (Bull: stalled too
 * often) fails its report with the queue's reason.
 */
@Injectable()
export class ReportJobs implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('reporting');
  private readonly lifetime = new AbortController();
  private recovery?: Promise<void>;
  private readonly runner: ReportJobRunner;

  constructor(
    @Inject(PLATFORM_OPTIONS) private readonly options: PlatformOptions,
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(ARTIFACT_STORE) artifacts: ArtifactStore,
    @Inject(CLOCK) private readonly clock: Clock,
    generators: ReportGenerators,
    private readonly queries: QueryBus,
    private readonly projections: ProjectionsService,
  ) {
    this.runner = new ReportJobRunner({ eventStore, artifacts, generators, clock, logger: this.logger, signal: this.lifetime.signal });
  }

  onApplicationBootstrap(): void {
    if (!this.options.runProjections) return;
    this.queue.process<ReportJobPayload>(REPORT_QUEUE, (job) => this.runner.run(job));
    this.recovery = this.recover().catch((error: unknown) => {
      if (!this.lifetime.signal.aborted) this.logger.error({ msg: 'reports not looked at again after the start', error: error instanceof Error ? error.message : String(error) });
    });
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.lifetime.abort();
    await this.recovery;
  }

  /** Every report requested or generating when the log's head was where it is now. */
  private async recover(): Promise<void> {
    const head = await this.eventStore.headPosition();
    // The report list must have caught up with the log, or a request it has not read yet would be missed.
    for (;;) {
      if (this.lifetime.signal.aborted) return;
      try {
        await this.projections.waitFor(head, [reportListProjection.name], CATCH_UP_WAIT_MS);
        break;
      } catch (error) {
        if (!(error instanceof NotYetConsistent)) throw error;
      }
    }
    const unfinished = await this.queries.execute(new ListUnfinishedReportsQuery());
    for (const { reportId } of unfinished) {
      if (this.lifetime.signal.aborted) return;
      await this.resume(reportId);
    }
    if (unfinished.length) this.logger.log({ msg: 'unfinished reports looked at again', reports: unfinished.length });
  }

  private async resume(reportId: string): Promise<void> {
    const stream = await this.eventStore.readStream(reportStream(reportId));
    const state = fold(reportDecider, eventsOf(reportEvents, stream));
    if (state.status === 'none' || isFinished(state)) return;
    const jobId = reactionJobId(QUEUE_REPORT_ON_REPORT_REQUESTED, stream[0], REPORT_QUEUE);
    const job = await this.queue.status(REPORT_QUEUE, jobId);
    if (!job) {
      await this.queue.add<ReportJobPayload>(REPORT_QUEUE, jobId, { reportId, department: state.department }, REPORT_JOB_OPTIONS);
      this.logger.log({ msg: 'report job queued again', reportId, jobId });
      return;
    }
    if (job.state !== 'failed') return;
    // The queue gave up on it without the job recording an outcome.
    await decideAndAppend({
      store: this.eventStore,
      decider: reportDecider,
      streamId: reportStream(reportId),
      aggregateId: reportId,
      context: {
        actor: REPORT_JOB_ACTOR,
        department: state.department,
        commandId: newId(),
        correlationId: stream[0].metadata.correlationId,
        causationId: stream[0].id,
        source: 'system',
        receivedAt: this.clock.now(),
      },
      command: { type: 'RecordReportFailed', data: { reportId, reason: `the job queue gave up on the report's job: ${job.error ?? 'no reason given'}` } },
      describe: (event) => metadataExtrasOf(reportEvents, event),
    }).catch((error: unknown) => this.logger.warn({ msg: 'report not recorded failed', reportId, error: error instanceof Error ? error.message : String(error) }));
  }
}
