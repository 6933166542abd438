import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NewEvent, RecordedEvent } from '@app/kernel';
import { InProcessJobQueue } from '@app/jobs';
import type { EventStore } from '@app/event-store';
import { SqliteEventStore } from '@app/event-store/embedded/sqlite-event-store';
import { ProjectionRunner, SqliteReadStore, reactionJobId, reactionTo } from '@app/read-store';
import { ReportBatchRequested, reportBatchStream, reportIdOfBatch } from '../report-batch/report-batch.decider';
import { ReportRequested, reportStream } from '../report/report.events';
import { REPORT_QUEUE } from '../report-job/report-queue';
import { QUEUE_REPORT_ON_REPORT_REQUESTED, queueReportOnReportRequested } from '../queue-report-on-report-requested/queue-report-on-report-requested.reactor';
import { REQUEST_REPORTS_ON_REPORT_BATCH_REQUESTED, requestReportsOnReportBatchRequested } from './request-reports-on-report-batch-requested.reactor';

const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };
const BATCH = '0190a1b2-0000-7000-8000-00000000c001';
const NETWORKS = Array.from({ length: 6 }, (_, i) => `0190a1b2-0000-7000-8000-00000000b00${i + 1}`);
const period = { kind: 'academic-year', academicYear: '2020/2021' } as const;

const batchRequested = (): ReportBatchRequested => ({
  type: 'ReportBatchRequested',
  data: {
    batchId: BATCH,
    department: 'murygino',
    report: 'annual-analysis',
    format: 'docx',
    parameters: { period, language: 'ru' },
    position: 41,
    reports: NETWORKS.map((networkId, i) => ({ networkId, name: `Округ № ${i + 1}`, reportId: reportIdOfBatch(BATCH, networkId) })),
    skipped: [{ networkId: '0190a1b2-0000-7000-8000-00000000b009', name: 'Совет директоров', reason: 'reports-by-calendar-year' }],
    schedule: null,
  },
});

const asNew = (e: ReportBatchRequested): NewEvent => ({
  ...e,
  id: 'batch-event-1',
  metadata: { actor: { id: 'operator', role: 'operator' }, department: 'murygino', correlationId: 'c-1', causationId: 'c-1', commandId: 'cmd-1', source: 'api', recordedAt: '2021-10-25T06:00:00.000Z', schemaVersion: 1 },
});

describe('RequestReportsOnReportBatchRequested', () => {
  let dir: string;
  let store: SqliteEventStore;
  let readStore: SqliteReadStore;
  let jobs: InProcessJobQueue;
  let cause: RecordedEvent;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'okrug-batch-reactor-'));
    store = await SqliteEventStore.open({ file: join(dir, 'okrug.sqlite'), pollIntervalMs: 20 });
    readStore = await SqliteReadStore.open({ file: join(dir, 'okrug.sqlite') });
    jobs = new InProcessJobQueue();
    await store.append(reportBatchStream(BATCH), [asNew(batchRequested())], { expectedRevision: 'no_stream' });
    [cause] = await store.readStream(reportBatchStream(BATCH));
  });
  afterEach(async () => {
    await jobs.close();
    await readStore.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const react = (eventStore: EventStore = store) => requestReportsOnReportBatchRequested.react(cause, reactionTo(REQUEST_REPORTS_ON_REPORT_BATCH_REQUESTED, cause, { eventStore }));
  const reportStreams = () => Promise.all(NETWORKS.map((n) => store.readStream(reportStream(reportIdOfBatch(BATCH, n)))));

  it('records each network’s annual analysis on its report’s stream: the batch’s period, language, format and position, naming the batch', async () => {
    await react();
    const streams = await reportStreams();
    expect(streams.map((s) => s.map((e) => e.type))).toEqual(NETWORKS.map(() => ['ReportRequested']));
    expect(streams.map((s) => s[0].data)).toEqual(
      NETWORKS.map(
        (networkId): ReportRequested['data'] => ({
          reportId: reportIdOfBatch(BATCH, networkId),
          department: 'murygino',
          report: 'annual-analysis',
          parameters: { networkId, period, language: 'ru', asOf: null },
          format: 'docx',
          position: 41,
          batchId: BATCH,
        }),
      ),
    );
    expect(streams[0][0].metadata).toMatchObject({ department: 'murygino', causationId: cause.id, correlationId: 'c-1', actor: { id: REQUEST_REPORTS_ON_REPORT_BATCH_REQUESTED, role: 'system' } });
  });

  it('gives each report the department template the batch recorded, so all are rendered with one version', async () => {
    const template = { version: 2, hash: 'b'.repeat(64), storageKey: `murygino/templates/annual-analysis/${'b'.repeat(64)}` };
    const withTemplate = batchRequested();
    const other = '0190a1b2-0000-7000-8000-00000000ba7c';
    withTemplate.data = { ...withTemplate.data, batchId: other, reports: NETWORKS.map((networkId, i) => ({ networkId, name: `Округ № ${i + 1}`, reportId: reportIdOfBatch(other, networkId) })), template };
    await store.append(reportBatchStream(other), [{ ...asNew(withTemplate), id: 'batch-event-2' }], { expectedRevision: 'no_stream' });
    const [recorded] = await store.readStream(reportBatchStream(other));
    await requestReportsOnReportBatchRequested.react(recorded, reactionTo(REQUEST_REPORTS_ON_REPORT_BATCH_REQUESTED, recorded, { eventStore: store }));
    const streams = await Promise.all(NETWORKS.map((n) => store.readStream(reportStream(reportIdOfBatch(other, n)))));
    expect(streams.map((s) => s[0].data)).toEqual(NETWORKS.map(() => expect.objectContaining({ batchId: other, template })));
  });

  it('records nothing twice when it reacts again, also after a reaction that stopped half-way', async () => {
    // The process dies after three of the six appends.
    let appends = 0;
    const dying = new Proxy(store, {
      get: (target, key) =>
        key === 'append'
          ? (...args: Parameters<EventStore['append']>) => (++appends > 3 ? Promise.reject(new Error('killed')) : target.append(...args))
          : (target as never)[key],
    }) as EventStore;
    await expect(react(dying)).rejects.toThrow('killed');
    expect((await reportStreams()).filter((s) => s.length > 0)).toHaveLength(3);
    await react();
    await react();
    expect((await reportStreams()).map((s) => s.length)).toEqual(NETWORKS.map(() => 1));
    expect(await store.headPosition()).toBe(1 + NETWORKS.length);
  });

  it('leaves a report that went on (started, generated) as it is when it reacts again', async () => {
    await react();
    const first = reportStream(reportIdOfBatch(BATCH, NETWORKS[0]));
    await store.append(first, [{ id: 'started-1', type: 'ReportGenerationStarted', data: { reportId: reportIdOfBatch(BATCH, NETWORKS[0]), attempt: 1 }, metadata: asNew(batchRequested()).metadata }], { expectedRevision: 0 });
    await react();
    expect((await store.readStream(first)).map((e) => e.type)).toEqual(['ReportRequested', 'ReportGenerationStarted']);
  });

  it('with the queue’s reactor behind it, puts one job per report on the report queue', async () => {
    const runner = new ProjectionRunner({
      eventStore: store,
      readStore,
      projections: [],
      reactors: [requestReportsOnReportBatchRequested, queueReportOnReportRequested],
      reactorEnvironment: { jobs },
      logger: quiet,
    });
    await runner.start();
    const head = 1 + NETWORKS.length;
    for (let i = 0; i < 500 && (await store.headPosition()) < head; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    await runner.waitFor(head, { projections: [REQUEST_REPORTS_ON_REPORT_BATCH_REQUESTED, QUEUE_REPORT_ON_REPORT_REQUESTED], timeoutMs: 5000 });
    await runner.stop();
    const requests = (await reportStreams()).map((s) => s[0]);
    const statuses = await Promise.all(requests.map((e) => jobs.status(REPORT_QUEUE, reactionJobId(QUEUE_REPORT_ON_REPORT_REQUESTED, e, REPORT_QUEUE))));
    expect(statuses.map((s) => s?.payload)).toEqual(NETWORKS.map((n) => ({ reportId: reportIdOfBatch(BATCH, n), department: 'murygino' })));
  });
});
