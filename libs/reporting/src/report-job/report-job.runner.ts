import { createHash } from 'node:crypto';
import { types } from 'node:util';
import { Clock, CommandContext, ConcurrencyConflict, DomainError, NotYetConsistent, RecordedEvent, RuleViolated, eventsOf, fold, metadataExtrasOf, newId } from '@app/kernel';
import { EventStore, decideAndAppend } from '@app/event-store';
import type { Job } from '@app/jobs';
import type { ArtifactStore } from '../artifacts/artifact-store.port';
import { ReportCommand, ReportRecord, ReportState, isFinished, reportDecider } from '../report/report.decider';
import { REPORT_FORMAT_EXTENSIONS, ReportArtifact, ReportRequested, reportEvents, reportStream } from '../report/report.events';
import type { GeneratedReport, ReportGenerator, ReportRequest } from '../report-generation/report-generator.port';
import { REPORT_JOB_OPTIONS, ReportJobPayload } from './report-queue';

/** What a report's job came to (the job's result, in the queue's status). */
export type ReportJobResult =
  | { reportId: string; outcome: 'generated'; hash: string; size: number }
  | { reportId: string; outcome: 'failed'; reason: string }
  /** Its outcome was recorded before (a job delivered again, or two at once). */
  | { reportId: string; outcome: 'already-finished' }
  | { reportId: string; outcome: 'unknown-report' };

export interface ReportJobRunnerOptions {
  eventStore: EventStore;
  artifacts: ArtifactStore;
  generators: { find(report: ReportRecord['report'], format: ReportRecord['format']): ReportGenerator | undefined };
  clock: Clock;
  logger: { log(message: unknown): void; warn(message: unknown): void };
  /** Aborted when the process stops; a generator may give up, and its job is delivered again. */
  signal?: AbortSignal;
  /** The job's tries: after the last, an error fails the report (default: the report queue's). */
  attempts?: number;
}

/** The steps of progress that are recorded: a tenth. */
const PROGRESS_STEP = 0.1;
const MAX_FILE_NAME = 200;

/** The actor of what a report's job records. */
export const REPORT_JOB_ACTOR = { id: 'report-job', role: 'system' } as const;

/**
 * One delivery of a report's job: records the attempt, generates the document through the
 * report's generator at the report's position, stores it (`<department>/<report>/<sha-256>`)
 * and records `ReportGenerated`; or records `ReportFailed` with the reason. A delivery of a job
 * whose report has its outcome records nothing (the decider allows one outcome), so a job
 * delivered twice, or two deliveries at once, record it once; the second's artifact, if it made
 * one under another key, is removed.
 */
export class ReportJobRunner {
  private readonly attempts: number;

  constructor(private readonly options: ReportJobRunnerOptions) {
    this.attempts = options.attempts ?? REPORT_JOB_OPTIONS.attempts;
  }

  async run(job: Job<ReportJobPayload>): Promise<ReportJobResult> {
    const { reportId } = job.payload;
    const { state, request } = await this.read(reportId);
    if (state.status === 'none' || !request) {
      this.options.logger.warn({ msg: 'report job for a report never requested', reportId, jobId: job.id });
      return { reportId, outcome: 'unknown-report' };
    }
    if (isFinished(state)) return { reportId, outcome: 'already-finished' };
    // What this delivery records is one command's: its attempt is found by it.
    const commandId = newId();
    const context = (): CommandContext => ({
      actor: REPORT_JOB_ACTOR,
      department: state.department,
      commandId,
      correlationId: request.metadata.correlationId,
      causationId: request.id,
      source: 'system',
      receivedAt: this.options.clock.now(),
    });
    const record = (command: ReportCommand) =>
      decideAndAppend({
        store: this.options.eventStore,
        decider: reportDecider,
        streamId: reportStream(reportId),
        aggregateId: reportId,
        context: context(),
        command,
        describe: (event) => metadataExtrasOf(reportEvents, event),
      });
    const finished = async (step: () => Promise<unknown>): Promise<boolean> => {
      try {
        await step();
        return false;
      } catch (error) {
        if (error instanceof RuleViolated && error.code === 'report-finished') return true;
        throw error;
      }
    };
    const fail = async (reason: string): Promise<ReportJobResult> => {
      if (await finished(() => record({ type: 'RecordReportFailed', data: { reportId, reason } }))) return { reportId, outcome: 'already-finished' };
      this.options.logger.warn({ msg: 'report failed', reportId, reason, attempt: job.attemptsMade });
      return { reportId, outcome: 'failed', reason };
    };
    /** An error of a step: the report fails at once on a domain refusal or after the last try; otherwise the job is tried again. */
    const failedBy = (error: unknown): Promise<ReportJobResult> => {
      // Stopped by the process's shutdown: not the report's failure; the job is delivered again.
      if (this.options.signal?.aborted) throw error;
      if (refusal(error) || job.attemptsMade >= this.attempts) return fail(error instanceof Error ? error.message : String(error));
      throw error;
    };

    if (await finished(() => record({ type: 'StartReportGeneration', data: { reportId } }))) return { reportId, outcome: 'already-finished' };
    const attempt = await this.attemptOf(reportId, commandId);
    const generator = this.options.generators.find(state.report, state.format);
    if (!generator) return fail(`no generator is registered for ${state.report} in ${state.format} on this installation`);

    let generated: GeneratedReport;
    try {
      generated = await generator.generate(this.requestOf(state, request), {
        position: state.position,
        progress: this.progressRecorder(attempt, (progress, stage) => record({ type: 'RecordReportProgress', data: { reportId, attempt, progress, stage } })),
        signal: this.options.signal ?? new AbortController().signal,
      });
      if (!types.isUint8Array(generated?.bytes) || typeof generated.contentType !== 'string' || !generated.contentType.trim()) {
        throw new RuleViolated('report-generator-broken', `the generator of ${state.report} in ${state.format} gave no document`);
      }
    } catch (error) {
      return failedBy(error);
    }

    const hash = createHash('sha256').update(generated.bytes).digest('hex');
    const storageKey = `${state.department}/${reportId}/${hash}`;
    try {
      await this.options.artifacts.put(storageKey, generated.bytes);
    } catch (error) {
      return failedBy(error);
    }
    const artifact: ReportArtifact = {
      hash,
      size: generated.bytes.byteLength,
      contentType: generated.contentType.trim(),
      fileName: fileNameOf(generated.fileName, reportId, REPORT_FORMAT_EXTENSIONS[state.format]),
      storageKey,
    };
    const templateVersion = generated.templateVersion ?? null;
    if (await finished(() => record({ type: 'RecordReportGenerated', data: { reportId, artifact, position: state.position, templateVersion } }))) {
      // Another delivery recorded its outcome first: keep its artifact, not ours, unless they are one.
      const winner = (await this.read(reportId)).state;
      if (winner.status !== 'none' && winner.artifact?.storageKey !== storageKey) await this.options.artifacts.delete(storageKey);
      return { reportId, outcome: 'already-finished' };
    }
    this.options.logger.log({ msg: 'report generated', reportId, hash, size: artifact.size, attempt });
    return { reportId, outcome: 'generated', hash, size: artifact.size };
  }

  private async read(reportId: string): Promise<{ state: ReportState; request?: RecordedEvent }> {
    const stream = await this.options.eventStore.readStream(reportStream(reportId));
    return { state: fold(reportDecider, eventsOf(reportEvents, stream)), request: stream[0] };
  }

  /** The number the report gave this delivery's attempt. */
  private async attemptOf(reportId: string, commandId: string): Promise<number> {
    const stream = await this.options.eventStore.readStream(reportStream(reportId), { direction: 'backwards' });
    const started = stream.find((e) => e.type === 'ReportGenerationStarted' && e.metadata.commandId === commandId);
    return (started?.data as { attempt?: number } | undefined)?.attempt ?? 0;
  }

  private requestOf(state: ReportRecord, request: RecordedEvent): ReportRequest {
    const { reportId, department, report, format, parameters, position } = state;
    const template = (request.data as ReportRequested['data']).template ?? null;
    // The department template the request recorded, as it was then: a version uploaded since does not change the report.
    return { reportId, department, report, format, parameters: structuredClone(parameters), position, requestedAt: request.metadata.recordedAt, ...(template ? { template } : {}) };
  }

  /** The generator's `progress`: forward only, recorded at each tenth, one at a time. */
  private progressRecorder(attempt: number, record: (progress: number, stage: string | null) => Promise<unknown>) {
    let recorded = 0;
    let queue: Promise<unknown> = Promise.resolve();
    return (fraction: number, stage?: string): Promise<void> => {
      const progress = Math.min(0.99, Math.max(0, Number.isFinite(fraction) ? fraction : 0));
      if (progress < recorded + PROGRESS_STEP) return queue.then(() => undefined);
      recorded = progress;
      queue = queue.then(() =>
        record(Math.round(progress * 100) / 100, stage ?? null).catch((error: unknown) => {
          // Progress is news, not an outcome: a refusal (the report finished meanwhile) or a lost write is left.
          this.options.logger.warn({ msg: 'report progress not recorded', attempt, error: error instanceof Error ? error.message : String(error) });
        }),
      );
      return queue.then(() => undefined);
    };
  }
}

/** A refusal of the records (not found, a rule): it will not change on another try. A read model behind, or a write that kept losing, may. */
const refusal = (error: unknown): boolean => error instanceof DomainError && !(error instanceof NotYetConsistent || error instanceof ConcurrencyConflict);

/** The name a download gets: the generator's, its path separators dashes (`2020/2021` → `2020-2021`), no control characters; `report-<id>.<ext>` when it gave none. */
export const fileNameOf = (given: unknown, reportId: string, extension: string): string => {
  const cleaned = typeof given === 'string' ? given.replace(/[/\\]/g, '-').replace(/[\u0000-\u001f\u007f]/g, ' ').replace(/\s+/g, ' ').trim() : '';
  if (!cleaned || /^\.+$/.test(cleaned)) return `report-${reportId}.${extension}`;
  if (cleaned.length <= MAX_FILE_NAME) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  const ext = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : '';
  return `${cleaned.slice(0, MAX_FILE_NAME - ext.length).trimEnd()}${ext}`;
};
