import { ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { BullJobQueue, InProcessJobQueue, JobQueue } from '@app/jobs';
import { CLOCK, ProjectionsService } from '@app/platform';
import { ReportScheduler } from '@app/reporting/report-schedule/report-scheduler.service';
import { periodOfSlot } from '@app/reporting/report-schedule/schedule-period';
import { ADMIN_KEY, ApiHarness } from './support/api-harness';
import { queueOnRedis, readModelsInMongo } from './support/profile';
import { reportGeneratorTestModule } from './support/report-generators';
import { secondDepartmentAdmin } from './support/second-department';

const root = resolve(__dirname, '..');
const UNKNOWN = '0190a1b2-0000-7000-8000-0000000000ee';
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Every 25 October at 06:00 in Kyiv: the last academic year's analyses, in Ukrainian. */
const KYIV = { name: 'Аналізи за навчальний рік', cron: '0 6 25 10 *', timeZone: 'Europe/Kyiv', report: 'annual-analysis', periodKind: 'academic-year', language: 'uk' };

/**
 * Report schedules through the HTTP API (docs/reporting.md, "Schedules"): made, read, changed
 * and removed by the department's admin, read by every role, refused field by field (400), to
 * other roles (403), and as not found for another department (404), every refusal recording
 * nothing.
 */
describe('report schedules', () => {
  let api: ApiHarness;
  const keys: Record<string, string> = {};

  const head = async (): Promise<number> => (await api.http.get('/health')).body.eventStore.head;
  const refused = async (send: () => Promise<{ status: number; body: { type?: string; errors?: { field: string }[] } }>, status: number, type: string) => {
    const before = await head();
    const res = await send();
    expect({ status: res.status, type: res.body.type }).toEqual({ status, type: `urn:okrug:problem:${type}` });
    expect(await head()).toBe(before);
    return res;
  };
  const fieldsOf = (res: { body: { errors?: { field: string }[] } }) => (res.body.errors ?? []).map((e) => e.field).sort();

  beforeAll(async () => {
    api = await ApiHarness.start();
    for (const [name, body] of Object.entries({
      operator: { actorId: 'operator', role: 'operator', label: 'Методист' },
      auditor: { actorId: 'auditor', role: 'auditor', label: 'Аудитор' },
    })) {
      const res = await api.as().post('/api-keys').send(body);
      keys[name] = res.body.secret;
    }
    keys.otherDepartment = await secondDepartmentAdmin(api, 'kramatorsk');
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('makes, reads, changes and removes a schedule; every role reads it', async () => {
    const made = await api.as().post('/report-schedules').send(KYIV);
    expect(made.status).toBe(201);
    const id = made.body.id as string;
    expect(made.headers.location).toBe(`/report-schedules/${id}`);

    const one = await api.as(keys.auditor).get(`/report-schedules/${id}?consistentWith=${made.body.position}`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ scheduleId: id, ...KYIV, format: 'docx', runs: [] });
    // 25 October, 06:00 in Kyiv: 03:00 UTC (summer time); five of them, a year apart.
    expect(one.body.nextSlots).toHaveLength(5);
    for (const slot of one.body.nextSlots) expect(slot).toMatch(/^\d{4}-10-25T03:00:00\.000Z$/);

    const list = await api.as(keys.operator).get(`/report-schedules?consistentWith=${made.body.position}`);
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ total: 1, items: [{ scheduleId: id, cron: KYIV.cron }] });

    const calendar = { ...KYIV, name: null, periodKind: 'calendar-year', cron: '0 6 15 1 *', format: 'json' };
    const changed = await api.as().put(`/report-schedules/${id}`).send(calendar);
    expect(changed.status).toBe(200);
    expect((await api.as().get(`/report-schedules/${id}?consistentWith=${changed.body.position}`)).body).toMatchObject({ ...calendar, nextSlots: expect.arrayContaining([expect.stringMatching(/-01-15T04:00:00\.000Z$/)]) });
    await refused(() => api.as().put(`/report-schedules/${id}`).send(calendar), 422, 'nothing-to-change');

    const removed = await api.as().delete(`/report-schedules/${id}`);
    expect(removed.status).toBe(200);
    expect((await api.as().get(`/report-schedules/${id}?consistentWith=${removed.body.position}`)).status).toBe(404);
    expect((await api.as().get(`/report-schedules?consistentWith=${removed.body.position}`)).body).toEqual({ items: [], total: 0 });
    await refused(() => api.as().delete(`/report-schedules/${id}`), 404, 'not-found');
    await refused(() => api.as().put(`/report-schedules/${id}`).send(KYIV), 404, 'not-found');
  });

  it('refuses a bad schedule field by field (400), recording nothing', async () => {
    const bad = await refused(() => api.as().post('/report-schedules').send({ ...KYIV, cron: '0 6 32 10 *', timeZone: 'Europe/Atlantis', periodKind: 'quarter', language: 'de', format: 'xlsx' }), 400, 'invalid-input');
    expect(fieldsOf(bad)).toEqual(['cron', 'format', 'language', 'periodKind', 'timeZone']);
    expect(fieldsOf(await refused(() => api.as().post('/report-schedules').send({ ...KYIV, cron: '* * *' }), 400, 'invalid-input'))).toEqual(['cron']);
    expect(fieldsOf(await refused(() => api.as().post('/report-schedules').send({ ...KYIV, report: 'monitoring-table', networkId: UNKNOWN }), 400, 'invalid-input'))).toEqual(['networkId', 'report']);
    expect(fieldsOf(await refused(() => api.as().post('/report-schedules').send({}), 400, 'invalid-input'))).toEqual(['cron', 'periodKind', 'report', 'timeZone']);
    const made = await api.as().post('/report-schedules').send(KYIV);
    expect(fieldsOf(await refused(() => api.as().put(`/report-schedules/${made.body.id}`).send({ ...KYIV, timeZone: 'Kyiv' }), 400, 'invalid-input'))).toEqual(['timeZone']);
    await refused(() => api.as().get('/report-schedules/not-a-uuid'), 400, 'invalid-input');
    expect((await api.as().delete(`/report-schedules/${made.body.id}`)).status).toBe(200);
  });

  it('lets only the admin write (403), and answers another department’s schedule as not found (404)', async () => {
    await refused(() => api.as(keys.operator).post('/report-schedules').send(KYIV), 403, 'forbidden');
    await refused(() => api.as(keys.auditor).post('/report-schedules').send(KYIV), 403, 'forbidden');
    const made = await api.as().post('/report-schedules').send(KYIV);
    const id = made.body.id as string;
    await refused(() => api.as(keys.operator).put(`/report-schedules/${id}`).send({ ...KYIV, language: 'ru' }), 403, 'forbidden');
    await refused(() => api.as(keys.auditor).delete(`/report-schedules/${id}`), 403, 'forbidden');

    await refused(() => api.as(keys.otherDepartment).get(`/report-schedules/${id}?consistentWith=${made.body.position}`), 404, 'not-found');
    await refused(() => api.as(keys.otherDepartment).put(`/report-schedules/${id}`).send({ ...KYIV, language: 'ru' }), 404, 'not-found');
    await refused(() => api.as(keys.otherDepartment).delete(`/report-schedules/${id}`), 404, 'not-found');
    expect((await api.as(keys.otherDepartment).get(`/report-schedules?consistentWith=${made.body.position}`)).body).toEqual({ items: [], total: 0 });
    await refused(() => api.as().get(`/report-schedules/${UNKNOWN}`), 404, 'not-found');
    expect((await api.as().get(`/report-schedules/${id}`)).body.name).toBe(KYIV.name);
    expect((await api.as().delete(`/report-schedules/${id}`)).status).toBe(200);
  });
});

/**
 * "A schedule with two workers → one run per slot": a schedule of every second second fired by
 * two schedulers at once for a few slots, then exactly one batch per slot. Embedded: a second
 * scheduler with its own in-process queue beside the API's, both firing every slot (the API
 * process keeps the one data directory). Distributed (REDIS_URL and MONGODB_URL): two worker
 * processes on one Redis and one MongoDB, each with its scheduler keeping the same repeatable
 * job, and each catching up the last slot when it starts. With Redis and the read models in
 * SQLite (only one process may keep those): a second scheduler on its own Bull connection to the
 * same queue, beside the API's.
 */
const inProcesses = queueOnRedis && readModelsInMongo;
describe(`a schedule run by two ${inProcesses ? 'worker processes on one Redis' : queueOnRedis ? 'schedulers on one Redis' : 'schedulers in one process'}`, () => {
  let api: ApiHarness;
  const workers: ChildProcess[] = [];
  let output = '';
  const extra: { scheduler: ReportScheduler; queue: JobQueue }[] = [];

  /** A scheduler beside the API's, on its own queue: in memory, or its own Bull connection to the installation's Redis. */
  const newScheduler = () => {
    const queue = queueOnRedis ? new BullJobQueue(api.config.redisUrl!, { prefix: api.config.queuePrefix }) : new InProcessJobQueue();
    const scheduler = new ReportScheduler(
      { runProjections: true },
      queue,
      api.app.get<EventStore>(EVENT_STORE),
      api.app.get(CLOCK),
      api.app.get(CommandBus),
      api.app.get(QueryBus),
      api.app.get(ProjectionsService),
    );
    extra.push({ scheduler, queue });
    return { scheduler, queue };
  };
  const startWorker = () => {
    const worker = spawn(process.execPath, ['scripts/run-ts.js', 'test/support/report-worker.ts'], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', ...api.processEnv({ OKRUG_ADMIN_KEY: ADMIN_KEY, OKRUG_LOG_LEVEL: 'info' }) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    worker.stdout!.on('data', (c) => (output += c));
    worker.stderr!.on('data', (c) => (output += c));
    workers.push(worker);
  };
  const running = () => (output.match(/okrug worker is running/g) ?? []).length;

  beforeAll(async () => {
    api = await ApiHarness.start(inProcesses ? { OKRUG_PROJECTIONS: 'worker' } : {}, undefined, undefined, [reportGeneratorTestModule()]);
    if (inProcesses) {
      for (let i = 0; i < 2; i++) startWorker();
      for (let i = 0; i < 600 && running() < 2; i++) await sleep(100);
      expect(running()).toBe(2);
      // The admin key is usable once a worker has projected it.
      for (let i = 0; i < 100 && (await api.as().get('/report-schedules')).status !== 200; i++) await sleep(100);
    } else {
      newScheduler().scheduler.start();
    }
  }, 120_000);

  afterAll(async () => {
    for (const { scheduler, queue } of extra) {
      await scheduler.beforeApplicationShutdown();
      await queue.close();
    }
    await Promise.all(
      workers.map((worker) => {
        const exited = new Promise((done) => worker.on('exit', done));
        worker.kill('SIGTERM');
        return exited;
      }),
    );
    await api?.stop();
  }, 60_000);

  type Batch = { batchId: string; slot: string; parameters: { period: unknown }; reports: unknown[] };
  const batches = new Map<string, Batch>();
  /** The batches recorded, by the slot each was asked for. */
  const batchesBySlot = async (): Promise<Map<string, string[]>> => {
    const events = await api.app.get<EventStore>(EVENT_STORE).readAll({ after: 0, maxCount: 100_000 });
    const bySlot = new Map<string, string[]>();
    for (const event of events) {
      if (event.type !== 'ReportBatchRequested') continue;
      const data = event.data as Omit<Batch, 'slot'> & { schedule: { slot: string } | null };
      if (!data.schedule) continue;
      const slot = new Date(data.schedule.slot).toISOString();
      bySlot.set(slot, [...(bySlot.get(slot) ?? []), data.batchId]);
      batches.set(data.batchId, { ...data, slot });
    }
    return bySlot;
  };

  it('asks for one batch per slot, of the period the slot covers, whichever scheduler fires it', async () => {
    for (const name of ['Школьный округ № 3', 'Подгорненский образовательный округ']) {
      expect((await api.as().post('/networks').send({ name, kind: 'educational-district' })).status).toBe(201);
    }
    const made = await api.as().post('/report-schedules').send({ ...KYIV, name: null, cron: '*/2 * * * * *', timeZone: 'UTC', format: 'json' });
    expect(made.status).toBe(201);
    const id = made.body.id as string;

    // A few slots, fired by both.
    let runs: { batchId: string; slot: string }[] = [];
    for (let i = 0; i < 300 && runs.length < 4; i++) {
      await sleep(100);
      const one = await api.as().get(`/report-schedules/${id}`);
      if (one.status === 200) runs = one.body.runs;
    }
    // One more starts meanwhile (a worker restarted): it catches up the last slot, which has run already.
    if (inProcesses) {
      startWorker();
      for (let i = 0; i < 600 && running() < 3; i++) await sleep(100);
      expect(running()).toBe(3);
    } else newScheduler().scheduler.start();
    await sleep(1500);

    const removed = await api.as().delete(`/report-schedules/${id}`);
    expect(removed.status).toBe(200);
    await sleep(2500); // a slot after the removal fires nothing
    expect(runs.length).toBeGreaterThanOrEqual(4);

    const bySlot = await batchesBySlot();
    // Exactly one batch per slot: the schedule's runs, each its own slot, are the batches recorded.
    expect([...bySlot.values()].filter((batches) => batches.length > 1)).toEqual([]);
    for (const run of runs) expect(bySlot.get(run.slot)).toEqual([run.batchId]);
    for (const slot of bySlot.keys()) expect(Date.parse(slot) % 2000).toBe(0);
    // None after the removal (its position), give or take the slot that was running then.
    const after = [...bySlot.keys()].filter((slot) => Date.parse(slot) > Date.now() - 1500);
    expect(after).toEqual([]);
    // Each of the last academic year ended by its slot's day, both networks in it.
    for (const batch of batches.values()) {
      expect(batch.parameters.period).toEqual(periodOfSlot(new Date(batch.slot), 'UTC', 'academic-year'));
      expect(batch.reports).toHaveLength(2);
    }

    // A run's batch names the schedule and the slot.
    const batch = await api.as().get(`/report-batches/${runs[0].batchId}`);
    expect(batch.status).toBe(200);
    expect(batch.body.schedule).toEqual({ scheduleId: id, slot: runs[0].slot });

    // Each network's report of each batch asked for once, and generated.
    let requested: { reportId: string; batchId: string; networkId: string }[] = [];
    for (let i = 0; i < 200 && requested.length < batches.size * 2; i++) {
      const events = await api.app.get<EventStore>(EVENT_STORE).readAll({ after: 0, maxCount: 100_000 });
      requested = events
        .filter((e) => e.type === 'ReportRequested')
        .map((e) => e.data as { reportId: string; batchId?: string; parameters: { networkId: string } })
        .filter((d) => d.batchId && batches.has(d.batchId))
        .map((d) => ({ reportId: d.reportId, batchId: d.batchId!, networkId: d.parameters.networkId }));
      if (requested.length < batches.size * 2) await sleep(100);
    }
    expect(requested).toHaveLength(batches.size * 2);
    expect(new Set(requested.map((r) => `${r.batchId} ${r.networkId}`)).size).toBe(requested.length);
    for (const { reportId } of requested) {
      let status = '';
      // Generous: with MongoDB behind them, workers busy with several batches at once may wait for their read models and try a report again.
      for (let i = 0; i < 900 && status !== 'generated' && status !== 'failed'; i++) {
        const res = await api.as().get(`/reports/${reportId}`);
        status = res.body.status;
        if (status !== 'generated') await sleep(100);
      }
      expect(status).toBe('generated');
    }
  }, 180_000);
});
