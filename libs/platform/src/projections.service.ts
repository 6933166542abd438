import { Inject, Injectable, Logger } from '@nestjs/common';
import { Clock, NotFound, RuleViolated, newId } from '@app/kernel';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { JOB_QUEUE, JobQueue, JobStatus } from '@app/jobs';
import { ProjectionRunner, waitForCheckpoint } from '@app/read-store';
import { READ_STORE, ReadStore } from '@app/read-store';
import type { PlatformOptions } from './platform.module';
import { CLOCK } from './platform.tokens';

/** Queue that carries projection rebuilds requested by operators. */
export const REBUILD_QUEUE = 'projection-rebuild';

export interface ProjectionStatusView {
  name: string;
  generation: number | null;
  position: number;
  head: number;
  lag: number;
  state: string;
  error?: string;
}

/** A reactor as status and health show it; `remote` when another process runs it. */
export interface ReactorStatusView {
  name: string;
  position: number;
  head: number;
  lag: number;
  state: string;
  error?: string;
}

/**
 * The processors of this process (projections and reactors, on one feed) as operators and
 * queries see them: status, waiting for a position (read-your-writes), and rebuilds, which run
 * as jobs on the queue.
 */
@Injectable()
export class ProjectionsService {
  private readonly logger = new Logger('projections');
  private runner?: ProjectionRunner;

  constructor(
    @Inject('PlatformOptions') private readonly options: PlatformOptions,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  get names(): string[] {
    return this.options.projections.map((p) => p.name);
  }

  get reactorNames(): string[] {
    return (this.options.reactors ?? []).map((r) => r.name);
  }

  /** Catches up every projection and reactor, then follows the log; also takes rebuild jobs. */
  async start(): Promise<void> {
    this.runner = new ProjectionRunner({
      eventStore: this.eventStore,
      readStore: this.readStore,
      projections: this.options.projections,
      reactors: this.options.reactors ?? [],
      reactorEnvironment: { jobs: this.queue, now: () => this.clock.now() },
      logger: this.logger,
    });
    await this.runner.start();
    this.queue.process<{ projection: string }>(REBUILD_QUEUE, async (job) => {
      this.logger.log({ msg: 'rebuilding projection', projection: job.payload.projection, jobId: job.id });
      return this.runner!.rebuild(job.payload.projection);
    });
  }

  async stop(): Promise<void> {
    await this.runner?.stop();
  }

  /** Waits until the projections (all by default) have applied the event at `position`. */
  async waitFor(position: number, projections: string[] = this.names, timeoutMs = 3000): Promise<void> {
    if (this.runner) return this.runner.waitFor(position, { projections, timeoutMs });
    return waitForCheckpoint(this.readStore, projections, position, timeoutMs);
  }

  async status(): Promise<ProjectionStatusView[]> {
    if (this.runner) return (await this.runner.status()) as ProjectionStatusView[];
    const head = await this.eventStore.headPosition();
    return Promise.all(
      this.names.map(async (name) => {
        const checkpoint = await this.readStore.checkpoint(name);
        const position = checkpoint?.position ?? 0;
        return { name, generation: checkpoint?.generation ?? null, position, head, lag: head - position, state: 'remote' };
      }),
    );
  }

  async reactorStatus(): Promise<ReactorStatusView[]> {
    if (this.runner) return this.runner.reactorStatus();
    if (this.reactorNames.length === 0) return [];
    const head = await this.eventStore.headPosition();
    return Promise.all(
      this.reactorNames.map(async (name) => {
        const position = (await this.readStore.checkpoint(name))?.position ?? 0;
        return { name, position, head, lag: head - position, state: 'remote' };
      }),
    );
  }

  /** Queues a rebuild; the answer is the job to follow. */
  async requestRebuild(projection: string): Promise<JobStatus> {
    if (!this.names.includes(projection)) throw new NotFound('projection', projection);
    if (!this.runner && !this.options.config.redisUrl) {
      throw new RuleViolated(
        'no-worker-reachable',
        'the read models are kept by worker processes, which only a shared queue reaches: set REDIS_URL, or rebuild with `npm run cli` while the workers are stopped',
      );
    }
    return this.queue.add(REBUILD_QUEUE, newId(), { projection }, { attempts: 3, backoffMs: 1000 });
  }

  async rebuildStatus(jobId: string): Promise<JobStatus> {
    const status = await this.queue.status(REBUILD_QUEUE, jobId);
    if (!status) throw new NotFound('rebuild job', jobId);
    return status;
  }
}
