import { RuleViolated, describeEvent, idsConcerned } from '@app/kernel';
import { DeciderSpecification } from '@app/testing/decider-specification';
import { BatchNetworkFacts, BatchSkip, ReportBatchRequested, RequestReportBatch, reportBatchDecider, reportBatchEvents, reportBatchStream, reportIdOfBatch } from './report-batch.decider';

const spec = DeciderSpecification.for(reportBatchDecider);
const rule = (expected: string) => (error: Error) => expect((error as RuleViolated).code).toBe(expected);

const BATCH = '0190a1b2-0000-7000-8000-00000000c001';
const N1 = '0190a1b2-0000-7000-8000-00000000b001';
const N2 = '0190a1b2-0000-7000-8000-00000000b002';
const N3 = '0190a1b2-0000-7000-8000-00000000b003';
const N4 = '0190a1b2-0000-7000-8000-00000000b004';
const N5 = '0190a1b2-0000-7000-8000-00000000b005';
const period = { kind: 'academic-year', academicYear: '2020/2021' } as const;
const NAMES: Record<string, string> = { [N1]: 'Школьный округ № 1', [N2]: 'Совет директоров', [N3]: 'Старый округ', [N4]: 'Школьный округ № 3', [N5]: 'Округ № 5' };
const name = (networkId: string) => NAMES[networkId];
const report = (networkId: string) => ({ networkId, name: name(networkId), reportId: reportIdOfBatch(BATCH, networkId) });
const skip = (networkId: string, reason: BatchSkip['reason']): BatchSkip => ({ networkId, name: name(networkId), reason });

const academic = (networkId: string, dissolvedOn: string | null = null): BatchNetworkFacts => ({ networkId, name: name(networkId), reportingPeriod: 'academic-year', dissolvedOn });
const calendar = (networkId: string): BatchNetworkFacts => ({ networkId, name: name(networkId), reportingPeriod: 'calendar-year', dissolvedOn: null });

/** Murygino's 2020/2021 batch in Russian, asked with the log at 300: two networks by academic year, one by calendar year, one dissolved in 2019, one dissolved during the year. */
const requestOf = (over: Partial<RequestReportBatch['data']> = {}): RequestReportBatch => ({
  type: 'RequestReportBatch',
  data: {
    batchId: BATCH,
    department: 'murygino',
    format: 'docx',
    parameters: { period, language: 'ru' },
    head: 300,
    periodFirstDay: '2020-09-01',
    networks: [academic(N1), calendar(N2), academic(N3, '2019-06-30'), academic(N4), academic(N5, '2021-03-01')],
    generator: { available: true },
    schedule: null,
    ...over,
  },
});

const requested = (over: Partial<ReportBatchRequested['data']> = {}): ReportBatchRequested => ({
  type: 'ReportBatchRequested',
  data: {
    batchId: BATCH,
    department: 'murygino',
    report: 'annual-analysis',
    format: 'docx',
    parameters: { period, language: 'ru' },
    position: 300,
    reports: [N1, N4, N5].map(report),
    skipped: [skip(N2, 'reports-by-calendar-year'), skip(N3, 'dissolved-before-period')],
    schedule: null,
    ...over,
  },
});

describe('a report batch', () => {
  it('covers every network that reports by the period’s kind and existed during it, at the head of the log, and lists the others with the reason', () => {
    spec.given([]).when(requestOf()).then([requested()]);
  });

  it('keeps a network dissolved during the period, and leaves out one dissolved on its first day or before', () => {
    spec.given([]).when(requestOf({ networks: [academic(N1, '2020-09-02'), academic(N2, '2020-09-01')] })).then([
      requested({ reports: [report(N1)], skipped: [skip(N2, 'dissolved-before-period')] }),
    ]);
  });

  it('by calendar year, covers the networks that report so and skips those by academic year', () => {
    const year = { kind: 'calendar-year', year: 2021 } as const;
    spec.given([]).when(requestOf({ parameters: { period: year, language: 'uk' }, periodFirstDay: '2021-01-01' })).then([
      requested({
        parameters: { period: year, language: 'uk' },
        reports: [report(N2)],
        skipped: [N1, N3, N4, N5].map((n) => skip(n, 'reports-by-academic-year')),
      }),
    ]);
  });

  it('derives each report’s id from the batch and the network: the same for the same pair, another for another', () => {
    expect(reportIdOfBatch(BATCH, N1)).toBe(reportIdOfBatch(BATCH, N1));
    expect(new Set([reportIdOfBatch(BATCH, N1), reportIdOfBatch(BATCH, N2), reportIdOfBatch(N1, BATCH)]).size).toBe(3);
  });

  it('names a schedule’s slot when a schedule runs it', () => {
    const schedule = { scheduleId: 'autumn', slot: '2021-10-25T03:00:00.000Z' };
    spec.given([]).when(requestOf({ schedule })).then([requested({ schedule })]);
  });

  it('refuses a format no generator makes the annual analysis in (422 report-format-unavailable)', () => {
    spec.given([]).when(requestOf({ format: 'xlsx', generator: { available: false, reason: 'no generator is registered for annual-analysis in xlsx' } })).thenThrows(RuleViolated, rule('report-format-unavailable'));
  });

  it('refuses a batch with no network to report on (422 report-batch-empty)', () => {
    spec.given([]).when(requestOf({ networks: [] })).thenThrows(RuleViolated, rule('report-batch-empty'));
    spec.given([]).when(requestOf({ networks: [calendar(N2), academic(N3, '2019-06-30')] })).thenThrows(RuleViolated, rule('report-batch-empty'));
  });

  it('is requested once', () => {
    spec.given([requested()]).when(requestOf()).thenThrows(RuleViolated, rule('report-batch-already-requested'));
  });

  it('names the batch, the department and its reports, and describes itself in the three languages', () => {
    const event = requested();
    expect(reportBatchStream(BATCH)).toBe(`ReportBatch-${BATCH}`);
    expect(idsConcerned(reportBatchEvents, event, 'report-batch')).toEqual([BATCH]);
    expect(idsConcerned(reportBatchEvents, event, 'department')).toEqual(['murygino']);
    expect(idsConcerned(reportBatchEvents, event, 'report')).toEqual([N1, N4, N5].map((n) => reportIdOfBatch(BATCH, n)));
    expect(describeEvent(reportBatchEvents, event)).toEqual({
      uk: 'Замовлено аналізи роботи всіх мереж за 2020/2021: звітів — 3 (DOCX)',
      ru: 'Заказаны анализы работы всех сетей за 2020/2021: отчетов — 3 (DOCX)',
      en: 'Annual analyses of every network for 2020/2021 requested: 3 reports (DOCX)',
    });
  });
});
