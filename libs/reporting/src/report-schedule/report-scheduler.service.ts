import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { Clock, NotYetConsistent, WriteResult, deterministicId, eventsOf, fold } from '@app/kernel';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { JOB_QUEUE, Job, JobQueue } from '@app/jobs';
import { GetAcademicYearStartQuery } from '@app/networks';
import { CLOCK, PLATFORM_OPTIONS, PlatformOptions, ProjectionsService } from '@app/platform';
import { RequestReportBatchCommand } from '../request-report-batch/request-report-batch.command';
import { ReportScheduleState, reportScheduleDecider } from './report-schedule.decider';
import { reportScheduleEvents, reportScheduleStream } from './report-schedule.events';
import { ListAllReportSchedulesQuery } from './report-schedule-queries';
import { reportSchedulesProjection } from './report-schedules.projection';
import { SCHEDULE_QUEUE, ScheduleJobPayload, batchInputOf, isSuperseded, lastMissedSlot, repeatKeyOf, scheduleIdOfKey, slotIdempotencyKey } from './schedule-runs';

/** Who a schedule's runs are recorded as. */
export const REPORT_SCHEDULER_ACTOR = { id: 'report-scheduler', role: 'system' } as const;

/** How often the repeatable jobs are compared with the schedules (a change made in this process is applied at once). */
export const SCHEDULE_SYNC_MS = 5_000;

/** A slot's job: tried again on an error (the batch's read models not yet there), with waits doubling from 2 s. */
const SLOT_JOB_OPTIONS = { attempts: 5, backoffMs: 2_000 };

/** What a run did: the batch it asked for (the first one's, when the slot had run), or why it did nothing. */
export type SlotRun = { batchId: string } | { skipped: string };

/**
 * The schedules' scheduler, in every process that runs the processors (the API in the embedded
 * profile, the workers in the distributed one). It keeps one repeatable job per schedule on the
 * queue `report-schedules` (Bull's repeatable jobs on Redis; timers in the in-process queue),
 * compared with the `report-schedules` read model on start, every few seconds and at once after a
 * change made in this process; and it runs the slots' jobs: each asks for the batch of the
 * period the slot covers with `RequestReportBatchCommand`, its Idempotency-Key naming the slot
 * (`schedule:<id>:<slot>`). The batch's id is derived from that key, so a slot fired twice (two
 * processes, a retry, a catch-up) records one batch: that, not the queue, is the guarantee.
 */
@Injectable()
export class ReportScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('reporting');
  private running = false;
  private timer?: NodeJS.Timeout;
  private syncing: Promise<void> = Promise.resolve();
  private caughtUp = false;

  constructor(
    @Inject(PLATFORM_OPTIONS) private readonly options: Pick<PlatformOptions, 'runProjections'>,
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly projections: ProjectionsService,
  ) {}

  onApplicationBootstrap(): void {
    if (this.options.runProjections) this.start();
  }

  /** Takes the slots' jobs and keeps the repeatables in step with the schedules. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.queue.process<ScheduleJobPayload>(SCHEDULE_QUEUE, (job) => this.runJob(job));
    void this.reload();
    this.timer = setInterval(() => void this.reload(), SCHEDULE_SYNC_MS);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    clearInterval(this.timer);
    await this.syncing;
  }

  /** Compares the repeatables with the schedules, once the read model has reached `position` (the log's head when not given); one comparison at a time. */
  reload(position?: number): Promise<void> {
    this.syncing = this.syncing.then(() => (this.running ? this.sync(position) : undefined)).catch((error: unknown) => {
      if (this.running) this.logger.warn({ msg: 'report schedules not compared with their jobs', error: error instanceof Error ? error.message : String(error) });
    });
    return this.syncing;
  }

  private async sync(position?: number): Promise<void> {
    try {
      await this.projections.waitFor(position ?? (await this.eventStore.headPosition()), [reportSchedulesProjection.name]);
    } catch (error) {
      if (error instanceof NotYetConsistent) return; // the next comparison
      throw error;
    }
    const schedules = await this.queries.execute(new ListAllReportSchedulesQuery());
    const wanted = new Map(schedules.map((s) => [repeatKeyOf(s), s]));
    for (const kept of await this.queue.repeatables(SCHEDULE_QUEUE)) {
      if (wanted.has(kept.key)) {
        wanted.delete(kept.key);
        continue;
      }
      // Not in this process's read model: removed or changed, or made and not yet read here; the stream says which.
      const state = await this.scheduleState(scheduleIdOfKey(kept.key));
      if (state.status === 'set' && repeatKeyOf(state) === kept.key) continue;
      await this.queue.removeRepeatable(SCHEDULE_QUEUE, kept.key);
      this.logger.log({ msg: 'report schedule job removed', key: kept.key });
    }
    for (const [key, s] of wanted) {
      const payload: ScheduleJobPayload = { scheduleId: s.scheduleId, department: s.department, cron: s.cron, timeZone: s.timeZone };
      const kept = await this.queue.repeat(SCHEDULE_QUEUE, key, payload, { cron: s.cron, tz: s.timeZone, ...SLOT_JOB_OPTIONS });
      this.logger.log({ msg: 'report schedule job kept', scheduleId: s.scheduleId, cron: s.cron, timeZone: s.timeZone, next: kept.next });
    }
    if (this.caughtUp) return;
    this.caughtUp = true;
    // On start: the last slot due since each schedule was set, missed while no process ran it (or run already: then it records nothing).
    for (const s of schedules) {
      const slot = lastMissedSlot(s.cron, s.timeZone, new Date(s.updatedAt), new Date());
      if (!slot || !this.running) continue;
      await this.runSlot({ scheduleId: s.scheduleId, department: s.department, cron: s.cron, timeZone: s.timeZone }, slot).catch((error: unknown) =>
        this.logger.warn({ msg: 'missed report schedule slot not run', scheduleId: s.scheduleId, slot: slot.toISOString(), error: error instanceof Error ? error.message : String(error) }),
      );
    }
  }

  private runJob(job: Job<ScheduleJobPayload>): Promise<SlotRun> {
    if (!job.slot) return Promise.resolve({ skipped: 'a job of no slot' });
    return this.runSlot(job.payload, new Date(job.slot));
  }

  /**
   * One slot of a schedule: the batch of the period it covers, under the slot's Idempotency-Key.
   * Nothing for a schedule removed, or changed since its job was kept (the job of a cron no
   * longer in force), nor for a slot so late that the next one is due.
   */
  async runSlot(payload: ScheduleJobPayload, slot: Date): Promise<SlotRun> {
    const state = await this.scheduleState(payload.scheduleId);
    if (state.status !== 'set' || state.department !== payload.department) return { skipped: 'the schedule is removed' };
    if (state.cron !== payload.cron || state.timeZone !== payload.timeZone) return { skipped: 'the schedule runs by another cron now' };
    if (isSuperseded(state.cron, state.timeZone, slot, new Date())) return { skipped: 'a later slot is due' };
    const yearStart = await this.queries.execute(new GetAcademicYearStartQuery(state.department));
    const key = slotIdempotencyKey(state.scheduleId, slot.toISOString());
    const id = deterministicId(state.department, 'report-schedule-run', key);
    const result: WriteResult = await this.commands.execute(
      new RequestReportBatchCommand(batchInputOf(state.scheduleId, state, slot, yearStart), {
        actor: REPORT_SCHEDULER_ACTOR,
        department: state.department,
        commandId: id,
        correlationId: id,
        idempotencyKey: key,
        source: 'system',
        receivedAt: this.clock.now(),
      }),
    );
    this.logger.log({ msg: 'report schedule ran', scheduleId: state.scheduleId, slot: slot.toISOString(), batchId: result.id });
    return { batchId: result.id };
  }

  private async scheduleState(scheduleId: string): Promise<ReportScheduleState> {
    return fold(reportScheduleDecider, eventsOf(reportScheduleEvents, await this.eventStore.readStream(reportScheduleStream(scheduleId))));
  }
}
