import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NewEvent } from '@app/kernel';
import { InProcessJobQueue } from '@app/jobs';
import { SqliteEventStore } from '@app/event-store/embedded/sqlite-event-store';
import { ProjectionRunner, ReadStore, SqliteReadStore, reactionJobId } from '@app/read-store';
import { ReportRequestEvent, reportStream } from '../report/report.events';
import { MURYGINO_REPORT, requestedReport } from '../report/report.fixtures';
import { REPORT_QUEUE } from '../report-job/report-queue';
import { QUEUE_REPORT_ON_REPORT_REQUESTED, queueReportOnReportRequested } from './queue-report-on-report-requested.reactor';

const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };
const OTHER = '0190a1b2-0000-7000-8000-00000000a002';

const event = (e: ReportRequestEvent, id: string): NewEvent => ({
  ...e,
  id,
  metadata: { actor: { id: 'admin', role: 'admin' }, department: 'murygino', correlationId: 'c-1', causationId: 'c-1', commandId: id, source: 'api', recordedAt: '2021-10-25T06:00:00.000Z', schemaVersion: 1 },
});

describe('QueueReportOnReportRequested', () => {
  let dir: string;
  let store: SqliteEventStore;
  let readStore: SqliteReadStore;
  let jobs: InProcessJobQueue;
  const runner = (reads: ReadStore = readStore) => new ProjectionRunner({ eventStore: store, readStore: reads, projections: [], reactors: [queueReportOnReportRequested], reactorEnvironment: { jobs }, logger: quiet });
  const until = async (condition: () => Promise<boolean>) => {
    for (let i = 0; i < 500 && !(await condition()); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  };

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'okrug-report-reactor-'));
    store = await SqliteEventStore.open({ file: join(dir, 'okrug.sqlite'), pollIntervalMs: 20 });
    readStore = await SqliteReadStore.open({ file: join(dir, 'okrug.sqlite') });
    jobs = new InProcessJobQueue();
  });
  afterEach(async () => {
    await jobs.close();
    await readStore.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('puts a job on the report queue for each report requested, under an id derived from the request, once however often it reacts', async () => {
    await store.append(reportStream(MURYGINO_REPORT), [event(requestedReport(), 'e-1')], { expectedRevision: 'no_stream' });
    const { position: head } = await store.append(reportStream(OTHER), [event(requestedReport({ reportId: OTHER }), 'e-2')], { expectedRevision: 'no_stream' });
    // The jobs are added, then the process dies before the reactor's checkpoint is stored.
    const crashing = new Proxy(readStore, {
      get: (target, key) => (key === 'commit' ? async () => Promise.reject(new Error('killed')) : (target as never)[key]),
    }) as ReadStore;
    const added = jest.spyOn(jobs, 'add');
    const first = runner(crashing);
    await first.start();
    await until(async () => (await first.reactorStatus())[0].state === 'failed');
    await first.stop();
    expect(await readStore.checkpoint(QUEUE_REPORT_ON_REPORT_REQUESTED)).toBeNull();
    const [cause] = await store.readStream(reportStream(MURYGINO_REPORT));
    const jobId = reactionJobId(QUEUE_REPORT_ON_REPORT_REQUESTED, cause, REPORT_QUEUE);
    expect(await jobs.status(REPORT_QUEUE, jobId)).toMatchObject({ state: 'waiting', payload: { reportId: MURYGINO_REPORT, department: 'murygino' }, maxAttempts: 3 });

    // The next start reacts to the requests again: the same job ids, so the jobs stay one each.
    const second = runner();
    await second.start();
    await second.waitFor(head, { projections: [QUEUE_REPORT_ON_REPORT_REQUESTED], timeoutMs: 5000 });
    await second.stop();
    const otherJob = reactionJobId(QUEUE_REPORT_ON_REPORT_REQUESTED, (await store.readStream(reportStream(OTHER)))[0], REPORT_QUEUE);
    const ids = added.mock.calls.map(([queue, id]) => `${queue} ${id}`);
    expect(ids.length).toBeGreaterThanOrEqual(4);
    expect([...new Set(ids)].sort()).toEqual([`${REPORT_QUEUE} ${jobId}`, `${REPORT_QUEUE} ${otherJob}`].sort());
    expect(await readStore.checkpoint(QUEUE_REPORT_ON_REPORT_REQUESTED)).toMatchObject({ position: head });
  });

  it('puts none for a report that has its outcome already (a reactor new to a log that holds reports)', async () => {
    const failed: ReportRequestEvent = { type: 'ReportFailed', data: { reportId: MURYGINO_REPORT, reason: 'the network has no plan' } };
    const { position: head } = await store.append(reportStream(MURYGINO_REPORT), [event(requestedReport(), 'e-1'), event(failed, 'e-2')], { expectedRevision: 'no_stream' });
    const added = jest.spyOn(jobs, 'add');
    const running = runner();
    await running.start();
    await running.waitFor(head, { projections: [QUEUE_REPORT_ON_REPORT_REQUESTED], timeoutMs: 5000 });
    await running.stop();
    expect(added).not.toHaveBeenCalled();
  });
});
