import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { QueryBus } from '@nestjs/cqrs';
import { CommandContext, Forbidden, InvalidInput, RuleViolated, deterministicId, newId } from '@app/kernel';
import { SqliteEventStore } from '@app/event-store';
import { GetAcademicYearStartQuery, ListNetworksQuery } from '@app/networks';
import type { ReportGenerators } from '../report-generation/report-generators';
import type { ReportTemplates } from '../report-template/report-templates.service';
import type { ReportLanguages } from '../report-language/report-languages.service';
import type { ReportTemplateRef } from '../report/report.events';
import { ReportBatchRequested, reportBatchStream, reportIdOfBatch } from '../report-batch/report-batch.decider';
import { RequestReportBatchCommand, RequestReportBatchInput } from './request-report-batch.command';
import { RequestReportBatchHandler } from './request-report-batch.handler';

const DEPARTMENT = 'murygino';

/** The department's networks as the networks module lists them: two by academic year (one named first), one by calendar year, one dissolved long ago. */
const NETWORKS = [
  { id: '0190a1b2-0000-7000-8000-00000000b002', name: 'Школьный округ № 3', reportingPeriod: 'academic-year', dissolvedOn: null },
  { id: '0190a1b2-0000-7000-8000-00000000b001', name: 'Базовый округ', reportingPeriod: 'academic-year', dissolvedOn: null },
  { id: '0190a1b2-0000-7000-8000-00000000b003', name: 'Совет руководителей', reportingPeriod: 'calendar-year', dissolvedOn: null },
  { id: '0190a1b2-0000-7000-8000-00000000b004', name: 'Старый округ', reportingPeriod: 'academic-year', dissolvedOn: '2018-06-30' },
];

const context = (role = 'operator', idempotencyKey?: string): CommandContext => ({
  actor: { id: `${role}-1`, role },
  department: DEPARTMENT,
  commandId: newId(),
  correlationId: newId(),
  source: 'api',
  receivedAt: new Date('2021-10-25T06:00:00Z'),
  ...(idempotencyKey ? { idempotencyKey } : {}),
});

const input = (over: Partial<RequestReportBatchInput> = {}, parameters: object = {}): RequestReportBatchInput => ({
  report: 'annual-analysis',
  parameters: { period: { kind: 'academic-year', academicYear: '2020/2021' }, language: 'ru', ...parameters } as RequestReportBatchInput['parameters'],
  ...over,
});

describe('RequestReportBatchHandler: a batch is recorded once per key, whatever the concurrency', () => {
  let dir: string;
  let store: SqliteEventStore;
  let handler: RequestReportBatchHandler;
  let reads: string[];

  const queries = {
    execute: async (query: unknown) => {
      // Each lookup waits a little, so that commands sent at once are all past their reads before any appends.
      await new Promise((resolve) => setTimeout(resolve, 20));
      if (query instanceof ListNetworksQuery) {
        reads.push(`networks@${query.filter.consistentWith}`);
        const { offset = 0, limit = 50 } = query.filter;
        return { items: NETWORKS.slice(offset, offset + limit), total: NETWORKS.length, totalExact: true, offset, limit };
      }
      if (query instanceof GetAcademicYearStartQuery) {
        reads.push('year-start');
        return { month: 9, day: 1 };
      }
      throw new Error(`unexpected query ${String(query)}`);
    },
  } as unknown as QueryBus;
  const generators = {
    availability: (report: string, format: string) =>
      format === 'xlsx' ? { available: false, reason: `no generator is registered for ${report} in ${format} on this installation` } : { available: true },
  } as unknown as ReportGenerators;

  // The department's annual-analysis template in force (none unless a test sets one).
  let inForce: ReportTemplateRef | null = null;
  const templates = { inForce: async (_department: string, kind: string) => (kind === 'annual-analysis' ? inForce : null) } as unknown as ReportTemplates;

  // The department's report language (none unless a test sets one).
  let departmentLanguage: 'uk' | 'ru' | 'en' | null = null;
  const languages = { of: async () => departmentLanguage } as unknown as ReportLanguages;

  const ask = (body: RequestReportBatchInput = input(), ctx: CommandContext = context()) => handler.execute(new RequestReportBatchCommand(body, ctx));
  const batchEvents = async (batchId: string) => store.readStream(reportBatchStream(batchId));

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'okrug-batch-'));
    store = await SqliteEventStore.open({ file: join(dir, 'okrug.sqlite') });
    handler = new RequestReportBatchHandler(store, queries, generators, templates, languages);
    reads = [];
    inForce = null;
    departmentLanguage = null;
  });
  afterEach(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('records the batch at the head of the log: a report per network of the period’s kind in name order, the others skipped with the reason', async () => {
    const answer = await ask();
    const [event] = await batchEvents(answer.id);
    expect(event.type).toBe('ReportBatchRequested');
    const data = event.data as ReportBatchRequested['data'];
    expect(data).toEqual({
      batchId: answer.id,
      department: DEPARTMENT,
      report: 'annual-analysis',
      format: 'docx',
      parameters: { period: { kind: 'academic-year', academicYear: '2020/2021' }, language: 'ru' },
      position: 0,
      reports: [
        { networkId: '0190a1b2-0000-7000-8000-00000000b001', name: 'Базовый округ', reportId: reportIdOfBatch(answer.id, '0190a1b2-0000-7000-8000-00000000b001') },
        { networkId: '0190a1b2-0000-7000-8000-00000000b002', name: 'Школьный округ № 3', reportId: reportIdOfBatch(answer.id, '0190a1b2-0000-7000-8000-00000000b002') },
      ],
      skipped: [
        { networkId: '0190a1b2-0000-7000-8000-00000000b003', name: 'Совет руководителей', reason: 'reports-by-calendar-year' },
        { networkId: '0190a1b2-0000-7000-8000-00000000b004', name: 'Старый округ', reason: 'dissolved-before-period' },
      ],
      schedule: null,
    });
    expect(answer).toEqual({ id: answer.id, revision: 0, position: event.position });
    expect(reads).toEqual(expect.arrayContaining(['networks@0', 'year-start']));
  });

  it('gives each batch without a key an id of its own', async () => {
    const [a, b] = [await ask(), await ask()];
    expect(a.id).not.toBe(b.id);
    expect(await store.headPosition()).toBe(2);
  });

  it('answers a repeat of the key with the first batch and records nothing, with another body too', async () => {
    const first = await ask(input(), context('operator', 'batch-2020'));
    expect(first.id).toBe(deterministicId(DEPARTMENT, 'report-batch', 'batch-2020'));
    expect(await ask(input({ format: 'html' }), context('admin', 'batch-2020'))).toEqual(first);
    expect(await batchEvents(first.id)).toHaveLength(1);
    expect(await store.headPosition()).toBe(1);
  });

  it('records one batch for executions of one key at once (a schedule’s slot fired by several processes), and answers each with it', async () => {
    const schedule = { scheduleId: 'autumn', slot: '2021-10-25T03:00:00.000Z' };
    const others = new RequestReportBatchHandler(store, queries, generators, templates, languages);
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) => (i % 2 ? others : handler).execute(new RequestReportBatchCommand(input({ schedule }), context('admin', 'schedule-autumn-2021')))),
    );
    const events = await batchEvents(answers[0].id);
    expect(events.map((e) => e.type)).toEqual(['ReportBatchRequested']);
    expect((events[0].data as ReportBatchRequested['data']).schedule).toEqual(schedule);
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(answers[0]).toEqual({ id: answers[0].id, revision: 0, position: events[0].position });
    expect(await store.headPosition()).toBe(1);
  });

  it('refuses a network head (a batch covers every network) and an auditor before anything is read (403)', async () => {
    await expect(ask(input(), context('network-head'))).rejects.toBeInstanceOf(Forbidden);
    await expect(ask(input(), context('auditor'))).rejects.toBeInstanceOf(Forbidden);
    expect(reads).toEqual([]);
    expect(await store.headPosition()).toBe(0);
  });

  it('writes a batch that names no language (a schedule’s run of none too) in the department’s, and records it; a language named wins', async () => {
    departmentLanguage = 'uk';
    const parametersOf = async (body: RequestReportBatchInput) => ((await batchEvents((await ask(body)).id))[0].data as ReportBatchRequested['data']).parameters;
    expect(await parametersOf(input({}, { language: undefined }))).toEqual({ period: { kind: 'academic-year', academicYear: '2020/2021' }, language: 'uk' });
    expect(await parametersOf(input({ schedule: { scheduleId: 'autumn', slot: '2021-10-25T03:00:00.000Z' } }, { language: null }))).toMatchObject({ language: 'uk' });
    expect(await parametersOf(input())).toMatchObject({ language: 'ru' });
  });

  it('refuses a batch that names no language while the department has set none (400 parameters.language), recording nothing', async () => {
    const error = (await ask(input({}, { language: undefined, period: { kind: 'month' } })).catch((e: unknown) => e)) as InvalidInput;
    expect(error).toBeInstanceOf(InvalidInput);
    expect(error.errors.map((e) => e.field)).toEqual(['parameters.period.kind', 'parameters.language']);
    expect(error.errors[1].messages[0]).toContain('PUT /department/report-language');
    expect(await store.headPosition()).toBe(0);
  });

  it('refuses a malformed period, language or slot field by field (400), recording nothing', async () => {
    const problems = async (body: RequestReportBatchInput) => {
      const error = (await ask(body).catch((e: unknown) => e)) as InvalidInput;
      expect(error).toBeInstanceOf(InvalidInput);
      return error.errors.map((e) => e.field);
    };
    expect(await problems(input({}, { period: { kind: 'academic-year', academicYear: '2020/2022' } }))).toEqual(['parameters.period.academicYear']);
    expect(await problems(input({}, { period: { kind: 'calendar-year', year: 1800 } }))).toEqual(['parameters.period.year']);
    expect(await problems(input({}, { period: { kind: 'month' }, language: 'de' }))).toEqual(['parameters.period.kind', 'parameters.language']);
    expect(await problems(input({ schedule: { scheduleId: 'autumn', slot: 'tomorrow' } }))).toEqual(['schedule.slot']);
    expect(await problems({ ...input(), report: 'department-summary' as never })).toEqual(['report']);
    expect(await store.headPosition()).toBe(0);
  });

  it('refuses a format the annual analysis is not generated in (422 report-format-unavailable), recording nothing', async () => {
    const error = (await ask(input({ format: 'xlsx' })).catch((e: unknown) => e)) as RuleViolated;
    expect(error).toBeInstanceOf(RuleViolated);
    expect(error.code).toBe('report-format-unavailable');
    expect(error.message).toContain('annual-analysis in xlsx');
    expect(await store.headPosition()).toBe(0);
  });

  it('records the department’s annual-analysis template in force for DOCX and PDF, which each report of the batch is rendered with; none for the other formats', async () => {
    inForce = { version: 3, hash: 'a'.repeat(64), storageKey: 'bakhmut/templates/annual-analysis/' + 'a'.repeat(64) };
    const docx = await ask(input({ format: 'docx' }));
    expect((await batchEvents(docx.id))[0].data).toMatchObject({ template: inForce });
    const html = await ask(input({ format: 'html' }));
    expect((await batchEvents(html.id))[0].data).not.toHaveProperty('template');
  });
});
