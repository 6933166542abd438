import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FixedClock, NewEvent, NotYetConsistent, RuleViolated } from '@app/kernel';
import type { Job } from '@app/jobs';
import { SqliteEventStore } from '@app/event-store/embedded/sqlite-event-store';
import { FileArtifactStore } from '../artifacts/embedded/file-artifact-store';
import { ReportRequestEvent, reportStream } from '../report/report.events';
import { MURYGINO_REPORT, requestedReport } from '../report/report.fixtures';
import type { GeneratedReport, GenerationContext, ReportGenerator, ReportRequest } from '../report-generation/report-generator.port';
import { REPORT_JOB_ACTOR, ReportJobRunner, fileNameOf } from './report-job.runner';
import { ReportJobPayload } from './report-queue';

const quiet = { log: () => undefined, warn: () => undefined };
const jobOf = (attemptsMade = 1, reportId = MURYGINO_REPORT): Job<ReportJobPayload> => ({ id: 'job-1', queue: 'report-generation', payload: { reportId, department: 'murygino' }, attemptsMade });
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A generator of what was asked, as JSON; `behaviour` may throw or wait. */
const generatorOf = (behaviour: (request: ReportRequest, context: GenerationContext) => Promise<void> = async () => undefined) => {
  const calls: ReportRequest[] = [];
  const generator: ReportGenerator = {
    generate: async (request, context): Promise<GeneratedReport> => {
      calls.push(request);
      await behaviour(request, context);
      return { bytes: Buffer.from(JSON.stringify({ parameters: request.parameters, position: context.position })), contentType: 'application/json', fileName: 'Отчет о работе школьного округа № 3 за 2020/2021 учебный год.json' };
    },
  };
  return { generator, calls };
};

describe('a report’s job', () => {
  let dir: string;
  let store: SqliteEventStore;
  let artifacts: FileArtifactStore;
  const clock = new FixedClock(new Date('2021-10-25T07:00:00Z'));
  const runnerWith = (generator: ReportGenerator | undefined, options: { signal?: AbortSignal } = {}) =>
    new ReportJobRunner({ eventStore: store, artifacts, generators: { find: () => generator }, clock, logger: quiet, ...options });
  const stream = async () => (await store.readStream(reportStream(MURYGINO_REPORT))).map((e) => ({ type: e.type, data: e.data }));

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'okrug-report-job-'));
    store = await SqliteEventStore.open({ file: join(dir, 'okrug.sqlite') });
    artifacts = await FileArtifactStore.open(join(dir, 'artifacts'));
    const request: NewEvent<ReportRequestEvent> = {
      ...requestedReport(),
      id: 'request-1',
      metadata: { actor: { id: 'head.murygino', role: 'network-head' }, department: 'murygino', correlationId: 'corr-1', causationId: 'cmd-1', commandId: 'cmd-1', source: 'api', recordedAt: '2021-10-25T06:00:00.000Z', schemaVersion: 1 },
    };
    await store.append(reportStream(MURYGINO_REPORT), [request], { expectedRevision: 'no_stream' });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('generates the document at the report’s position, stores it under its hash and records it, the request’s correlation carried on', async () => {
    const { generator, calls } = generatorOf(async (_request, context) => {
      await context.progress(0.05, 'reading');
      await context.progress(0.5, 'composing');
      await context.progress(0.55, 'composing');
      await context.progress(0.9, 'rendering');
    });
    const result = await runnerWith(generator).run(jobOf());
    expect(calls).toEqual([
      { reportId: MURYGINO_REPORT, department: 'murygino', report: 'annual-analysis', format: 'json', parameters: requestedReport().data.parameters, position: 99, requestedAt: '2021-10-25T06:00:00.000Z' },
    ]);
    const bytes = Buffer.from(JSON.stringify({ parameters: requestedReport().data.parameters, position: 99 }));
    const hash = sha256(bytes);
    expect(result).toEqual({ reportId: MURYGINO_REPORT, outcome: 'generated', hash, size: bytes.length });
    expect(await stream()).toEqual([
      { type: 'ReportRequested', data: requestedReport().data },
      { type: 'ReportGenerationStarted', data: { reportId: MURYGINO_REPORT, attempt: 1 } },
      // A tenth or more since the last recorded: 0.05 and 0.55 are not.
      { type: 'ReportProgressed', data: { reportId: MURYGINO_REPORT, attempt: 1, progress: 0.5, stage: 'composing' } },
      { type: 'ReportProgressed', data: { reportId: MURYGINO_REPORT, attempt: 1, progress: 0.9, stage: 'rendering' } },
      {
        type: 'ReportGenerated',
        data: {
          reportId: MURYGINO_REPORT,
          artifact: { hash, size: bytes.length, contentType: 'application/json', fileName: 'Отчет о работе школьного округа № 3 за 2020-2021 учебный год.json', storageKey: `murygino/${MURYGINO_REPORT}/${hash}` },
          position: 99,
          templateVersion: null,
        },
      },
    ]);
    expect(await artifacts.get(`murygino/${MURYGINO_REPORT}/${hash}`)).toEqual(bytes);
    const recorded = await store.readStream(reportStream(MURYGINO_REPORT));
    for (const event of recorded.slice(1)) {
      expect(event.metadata).toMatchObject({ actor: REPORT_JOB_ACTOR, department: 'murygino', correlationId: 'corr-1', causationId: 'request-1', source: 'system', recordedAt: '2021-10-25T07:00:00.000Z' });
    }
  });

  it('gives the generator the department template its request recorded, and records the version the generator names', async () => {
    const template = { version: 1, hash: 'c'.repeat(64), storageKey: `murygino/templates/annual-analysis/${'c'.repeat(64)}` };
    const reportId = '0190a1b2-0000-7000-8000-00000000a0f1';
    const request: NewEvent<ReportRequestEvent> = {
      ...requestedReport({ reportId, format: 'docx', template }),
      id: 'request-2',
      metadata: { actor: { id: 'admin', role: 'admin' }, department: 'murygino', correlationId: 'corr-2', causationId: 'cmd-2', commandId: 'cmd-2', source: 'api', recordedAt: '2021-10-25T06:00:00.000Z', schemaVersion: 1 },
    };
    await store.append(reportStream(reportId), [request], { expectedRevision: 'no_stream' });
    const calls: ReportRequest[] = [];
    const generator: ReportGenerator = {
      generate: async (asked) => {
        calls.push(asked);
        return { bytes: Buffer.from('docx'), contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', fileName: 'a.docx', templateVersion: String(asked.template?.version) };
      },
    };
    await runnerWith(generator).run(jobOf(1, reportId));
    expect(calls.map((c) => c.template)).toEqual([template]);
    const recorded = await store.readStream(reportStream(reportId));
    expect(recorded.at(-1)).toMatchObject({ type: 'ReportGenerated', data: { templateVersion: '1' } });
  });

  it('records once when delivered twice, one after the other or both at once, and leaves one artifact', async () => {
    const { generator, calls } = generatorOf();
    const runner = runnerWith(generator);
    await runner.run(jobOf());
    expect(await runner.run(jobOf(1))).toEqual({ reportId: MURYGINO_REPORT, outcome: 'already-finished' });
    expect(calls).toHaveLength(1);
    expect((await stream()).filter((e) => e.type === 'ReportGenerated')).toHaveLength(1);

    // Two deliveries at once, whose documents differ (a generator that is not reproducible): one is recorded, the other's file removed.
    await store.append(reportStream('r-2'), [{ ...requestedReport({ reportId: 'r-2' }), id: 'request-2', metadata: (await store.readStream(reportStream(MURYGINO_REPORT)))[0].metadata }], { expectedRevision: 'no_stream' });
    let n = 0;
    const differing: ReportGenerator = {
      generate: async () => {
        const mine = ++n;
        await new Promise((resolve) => setTimeout(resolve, 20));
        return { bytes: Buffer.from(`document ${mine}`), contentType: 'text/plain', fileName: 'x.json' };
      },
    };
    const both = await Promise.all([runnerWith(differing).run(jobOf(1, 'r-2')), runnerWith(differing).run(jobOf(2, 'r-2'))]);
    expect(both.map((r) => r.outcome).sort()).toEqual(['already-finished', 'generated']);
    const recorded = (await store.readStream(reportStream('r-2'))).filter((e) => e.type === 'ReportGenerated');
    expect(recorded).toHaveLength(1);
    const kept = (recorded[0].data as { artifact: { hash: string } }).artifact.hash;
    expect(readdirSync(join(dir, 'artifacts', 'murygino', 'r-2'))).toEqual([kept]);
  });

  it('fails the report at once on a refusal of the records, with its message', async () => {
    const { generator } = generatorOf(async () => {
      throw new RuleViolated('no-plan', 'the network has no plan for 2020/2021');
    });
    expect(await runnerWith(generator).run(jobOf(1))).toEqual({ reportId: MURYGINO_REPORT, outcome: 'failed', reason: 'the network has no plan for 2020/2021' });
    expect((await stream()).at(-1)).toEqual({ type: 'ReportFailed', data: { reportId: MURYGINO_REPORT, reason: 'the network has no plan for 2020/2021' } });
  });

  it('has another error tried again by the queue, and fails the report with it after the last try', async () => {
    const { generator: lagging } = generatorOf(async () => {
      throw new NotYetConsistent(99, 97, 'plan');
    });
    // A read model behind the report's position: the next try may find it there.
    await expect(runnerWith(lagging).run(jobOf(1))).rejects.toThrow(NotYetConsistent);
    const { generator } = generatorOf(async () => {
      throw new Error('the network module did not answer');
    });
    await expect(runnerWith(generator).run(jobOf(1))).rejects.toThrow('the network module did not answer');
    await expect(runnerWith(generator).run(jobOf(2))).rejects.toThrow('the network module did not answer');
    expect(await runnerWith(generator).run(jobOf(3))).toMatchObject({ outcome: 'failed', reason: 'the network module did not answer' });
    expect((await stream()).map((e) => e.type)).toEqual(['ReportRequested', 'ReportGenerationStarted', 'ReportGenerationStarted', 'ReportGenerationStarted', 'ReportGenerationStarted', 'ReportFailed']);
  });

  it('leaves a generation the process’s stop cut short to its next delivery, even on the last try', async () => {
    const stopping = new AbortController();
    const { generator } = generatorOf(async (_request, context) => {
      stopping.abort();
      if (context.signal.aborted) throw new Error('aborted');
    });
    await expect(runnerWith(generator, { signal: stopping.signal }).run(jobOf(3))).rejects.toThrow('aborted');
    expect((await stream()).map((e) => e.type)).toEqual(['ReportRequested', 'ReportGenerationStarted']);
  });

  it('fails a report whose kind and format no generator of this process takes, and one whose generator gives no document', async () => {
    expect(await runnerWith(undefined).run(jobOf())).toEqual({ reportId: MURYGINO_REPORT, outcome: 'failed', reason: 'no generator is registered for annual-analysis in json on this installation' });
    await store.append(reportStream('r-3'), [{ ...requestedReport({ reportId: 'r-3' }), id: 'request-3', metadata: (await store.readStream(reportStream(MURYGINO_REPORT)))[0].metadata }], { expectedRevision: 'no_stream' });
    const broken: ReportGenerator = { generate: async () => ({ bytes: 'not bytes', contentType: 'text/plain', fileName: 'x' }) as unknown as GeneratedReport };
    expect(await runnerWith(broken).run(jobOf(1, 'r-3'))).toMatchObject({ outcome: 'failed', reason: 'the generator of annual-analysis in json gave no document' });
  });

  it('does nothing for a report never requested', async () => {
    expect(await runnerWith(generatorOf().generator).run(jobOf(1, 'nobody'))).toEqual({ reportId: 'nobody', outcome: 'unknown-report' });
    expect(await store.readStream(reportStream('nobody'))).toEqual([]);
  });

  it('names the download as the generator did, without path separators, bounded; report-<id> when it gave none', () => {
    expect(fileNameOf('Аналіз роботи ЗЗСО № 12.docx', 'r', 'docx')).toBe('Аналіз роботи ЗЗСО № 12.docx');
    expect(fileNameOf('../../etc/passwd', 'r', 'json')).toBe('..-..-etc-passwd');
    expect(fileNameOf('Звіт\r\nза 2020/2021', 'r', 'json')).toBe('Звіт за 2020-2021');
    expect(fileNameOf(' \n ', 'r', 'json')).toBe('report-r.json');
    expect(fileNameOf(undefined, 'r', 'md')).toBe('report-r.md');
    expect(fileNameOf('..', 'r', 'md')).toBe('report-r.md');
    const long = fileNameOf(`${'Звіт '.repeat(60)}.docx`, 'r', 'docx');
    expect(long.length).toBeLessThanOrEqual(200);
    expect(long.endsWith('.docx')).toBe(true);
  });
});
