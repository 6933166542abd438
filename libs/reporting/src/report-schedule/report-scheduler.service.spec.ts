import type { CommandBus, QueryBus } from '@nestjs/cqrs';
import { CommandContext, newId } from '@app/kernel';
import { decideAndAppend } from '@app/event-store';
import { GetAcademicYearStartQuery } from '@app/networks';
import { InProcessJobQueue, previousSlot } from '@app/jobs';
import type { ProjectionsService } from '@app/platform';
import { InMemoryEventStore } from '@app/read-store/testing/in-memory-event-store';
import { RequestReportBatchCommand } from '../request-report-batch/request-report-batch.command';
import { ReportScheduleCommand, ReportScheduleSpec, reportScheduleDecider, reportScheduleStream } from './report-schedule.decider';
import { ListAllReportSchedulesQuery } from './report-schedule-queries';
import { ReportScheduler } from './report-scheduler.service';
import type { ReportScheduleView } from './report-schedules.projection';

const ID = '0b7c3e52-5a4e-4c57-9d0e-3f1a2b3c4d5e';
const EVERY_SECOND: ReportScheduleSpec = { name: null, cron: '* * * * * *', timeZone: 'UTC', report: 'annual-analysis', periodKind: 'calendar-year', language: 'uk', format: 'json' };
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

const admin = (): CommandContext => ({ actor: { id: 'admin', role: 'admin' }, department: 'bakhmut', commandId: newId(), correlationId: newId(), source: 'api', receivedAt: new Date() });

/**
 * The scheduler against a command bus answering by hand, as the batch's handler does: one batch
 * per Idempotency-Key, a repeat answered with the first.
 */
const setUp = () => {
  const store = new InMemoryEventStore();
  const batches = new Map<string, { id: string; command: RequestReportBatchCommand }>();
  const calls: RequestReportBatchCommand[] = [];
  const commands = {
    execute: async (command: RequestReportBatchCommand) => {
      calls.push(command);
      const key = command.context.idempotencyKey!;
      if (!batches.has(key)) batches.set(key, { id: newId(), command });
      return { id: batches.get(key)!.id, revision: 0, position: 1 };
    },
  } as unknown as CommandBus;
  let schedules: ReportScheduleView[] = [];
  const queries = {
    execute: async (query: unknown) => {
      if (query instanceof GetAcademicYearStartQuery) return { month: 9, day: 1 };
      if (query instanceof ListAllReportSchedulesQuery) return schedules;
      throw new Error(`unexpected query ${String(query)}`);
    },
  } as unknown as QueryBus;
  const projections = { waitFor: async () => undefined } as unknown as ProjectionsService;
  const write = async (command: ReportScheduleCommand) => {
    await decideAndAppend({ store, decider: reportScheduleDecider, streamId: reportScheduleStream(ID), aggregateId: ID, context: admin(), command });
    const given = command.type === 'SetReportSchedule' ? (command.data.given as ReportScheduleSpec) : null;
    schedules = given ? [{ id: ID, scheduleId: ID, department: 'bakhmut', status: 'active', ...given, createdAt: new Date(0).toISOString(), createdBy: admin().actor, updatedAt: new Date().toISOString(), runs: [], streamRevision: 0 }] : [];
  };
  const scheduler = (queue = new InProcessJobQueue()) => ({ queue, scheduler: new ReportScheduler({ runProjections: true }, queue, store, { now: () => new Date() }, commands, queries, projections) });
  return { store, batches, calls, write, scheduler };
};

describe('the report scheduler', () => {
  it('asks at a slot for the batch of the period it covers, under the slot’s Idempotency-Key, as the system', async () => {
    const { write, scheduler, calls } = setUp();
    await write({ type: 'SetReportSchedule', data: { scheduleId: ID, department: 'bakhmut', create: true, given: { ...EVERY_SECOND, cron: '0 6 25 10 *', timeZone: 'Europe/Kyiv', periodKind: 'academic-year' } } });
    const { scheduler: one } = scheduler();
    // The last 25 October 06:00 in Kyiv: late, but the next is not due yet.
    const slot = previousSlot('0 6 25 10 *', 'Europe/Kyiv', new Date())!;
    const run = await one.runSlot({ scheduleId: ID, department: 'bakhmut', cron: '0 6 25 10 *', timeZone: 'Europe/Kyiv' }, slot);
    expect(run).toMatchObject({ batchId: expect.any(String) });
    expect(calls).toHaveLength(1);
    const [command] = calls;
    const year = slot.getUTCFullYear();
    expect(command.body).toEqual({ report: 'annual-analysis', format: 'json', parameters: { period: { kind: 'academic-year', academicYear: `${year - 1}/${year}` }, language: 'uk' }, schedule: { scheduleId: ID, slot: slot.toISOString() } });
    expect(command.context).toMatchObject({ actor: { id: 'report-scheduler', role: 'system' }, department: 'bakhmut', idempotencyKey: `schedule:${ID}:${slot.toISOString()}`, source: 'system' });
  });

  it('does nothing for a schedule removed, one whose cron changed since its job was kept, or a slot so late that the next is due', async () => {
    const { write, scheduler, calls } = setUp();
    await write({ type: 'SetReportSchedule', data: { scheduleId: ID, department: 'bakhmut', create: true, given: EVERY_SECOND } });
    const { scheduler: one } = scheduler();
    const payload = { scheduleId: ID, department: 'bakhmut', cron: EVERY_SECOND.cron, timeZone: 'UTC' };
    expect(await one.runSlot(payload, new Date(Date.now() - 5_000))).toEqual({ skipped: 'a later slot is due' });
    expect(await one.runSlot({ ...payload, cron: '*/2 * * * * *' }, new Date())).toEqual({ skipped: 'the schedule runs by another cron now' });
    expect(await one.runSlot({ ...payload, department: 'murygino' }, new Date())).toEqual({ skipped: 'the schedule is removed' });
    await write({ type: 'RemoveReportSchedule', data: { scheduleId: ID, department: 'bakhmut' } });
    expect(await one.runSlot(payload, new Date())).toEqual({ skipped: 'the schedule is removed' });
    expect(calls).toEqual([]);
  });

  it('fired by two schedulers at once, asks for one batch per slot', async () => {
    const { write, scheduler, calls, batches } = setUp();
    await write({ type: 'SetReportSchedule', data: { scheduleId: ID, department: 'bakhmut', create: true, given: EVERY_SECOND } });
    const both = [scheduler(), scheduler()];
    for (const { scheduler: s } of both) s.start();
    try {
      for (let i = 0; i < 400 && batches.size < 3; i++) await sleep(10);
      await write({ type: 'RemoveReportSchedule', data: { scheduleId: ID, department: 'bakhmut' } });
      for (const { scheduler: s } of both) await s.reload();
    } finally {
      for (const { scheduler: s, queue } of both) {
        await s.beforeApplicationShutdown();
        await queue.close();
      }
    }
    expect(batches.size).toBeGreaterThanOrEqual(3);
    // Each slot fired by both (the start's catch-up too), each time under the slot's key.
    const slots = calls.map((c) => c.body.schedule!.slot);
    expect(calls.length).toBeGreaterThan(batches.size);
    expect(new Set(slots).size).toBe(batches.size);
    for (const [key, { command }] of batches) expect(key).toBe(`schedule:${ID}:${command.body.schedule!.slot}`);
    for (const { queue } of both) expect(await queue.repeatables('report-schedules')).toEqual([]);
  });
});
