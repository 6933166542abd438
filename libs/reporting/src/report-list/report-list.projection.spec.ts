import { ProjectionSpecification } from '@app/testing/projection-specification';
import { ReportParameters, ReportRequestEvent } from '../report/report.events';
import { MURYGINO_NETWORK, MURYGINO_REPORT, recordedReport, requestedReport } from '../report/report.fixtures';
import { reportListProjection } from './report-list.projection';

const spec = ProjectionSpecification.for(reportListProjection);
const artifact = { hash: 'b'.repeat(64), size: 321, contentType: 'application/json', fileName: 'Отчет о работе школьного округа № 3 за 2020-2021 учебный год.json', storageKey: `murygino/${MURYGINO_REPORT}/${'b'.repeat(64)}` };
const life: ReportRequestEvent[] = [
  requestedReport(),
  { type: 'ReportGenerationStarted', data: { reportId: MURYGINO_REPORT, attempt: 1 } },
  { type: 'ReportProgressed', data: { reportId: MURYGINO_REPORT, attempt: 1, progress: 0.4, stage: 'composing' } },
  { type: 'ReportGenerationStarted', data: { reportId: MURYGINO_REPORT, attempt: 2 } },
  { type: 'ReportProgressed', data: { reportId: MURYGINO_REPORT, attempt: 2, progress: 0.7, stage: 'rendering' } },
  { type: 'ReportGenerated', data: { reportId: MURYGINO_REPORT, artifact, position: 99, templateVersion: null } },
];

describe('report-list projection', () => {
  it('keeps what was asked, who asked and when, at which position (the same events twice change nothing)', () => {
    spec.given(recordedReport(life.slice(0, 1))).then((docs) => {
      expect(docs.get(MURYGINO_REPORT)).toEqual({
        id: MURYGINO_REPORT,
        reportId: MURYGINO_REPORT,
        department: 'murygino',
        report: 'annual-analysis',
        format: 'json',
        parameters: { networkId: MURYGINO_NETWORK, period: { kind: 'academic-year', academicYear: '2020/2021' }, language: 'ru', asOf: null },
        networkId: MURYGINO_NETWORK,
        institutionId: null,
        periodLabel: '2020/2021',
        periodKind: 'academic-year',
        periodFirst: 2020,
        periodLast: 2020,
        batchId: null,
        position: 99,
        status: 'requested',
        attempts: 0,
        progress: 0,
        stage: null,
        artifact: null,
        templateVersion: null,
        reason: null,
        requestedAt: '2021-10-25T06:00:00.000Z',
        requestedBy: { id: 'head.murygino', role: 'network-head' },
        startedAt: null,
        generatedAt: null,
        failedAt: null,
        updatedAt: '2021-10-25T06:00:00.000Z',
        streamRevision: 0,
      });
    });
  });

  it('keeps the batch a report is part of through its life (a document of a report on its own: null)', () => {
    const BATCH = '0190a1b2-0000-7000-8000-00000000c001';
    const batched: ReportRequestEvent[] = [requestedReport({ batchId: BATCH }), ...life.slice(1)];
    spec.given(recordedReport(batched.slice(0, 1))).then((docs) => expect(docs.get(MURYGINO_REPORT)).toMatchObject({ batchId: BATCH, status: 'requested' }));
    spec.given(recordedReport(batched)).then((docs) => expect(docs.get(MURYGINO_REPORT)).toMatchObject({ batchId: BATCH, status: 'generated' }));
  });

  it('follows each attempt and its progress, and keeps the artifact once generated', () => {
    spec.given(recordedReport(life.slice(0, 3))).then((docs) => {
      expect(docs.get(MURYGINO_REPORT)).toMatchObject({ status: 'generating', attempts: 1, progress: 0.4, stage: 'composing', startedAt: '2021-10-25T07:00:00.000Z' });
    });
    // A second attempt starts again from nothing.
    spec.given(recordedReport(life.slice(0, 4))).then((docs) => {
      expect(docs.get(MURYGINO_REPORT)).toMatchObject({ status: 'generating', attempts: 2, progress: 0, stage: null, startedAt: '2021-10-25T09:00:00.000Z' });
    });
    spec.given(recordedReport(life)).then((docs) => {
      expect(docs.get(MURYGINO_REPORT)).toMatchObject({
        status: 'generated',
        progress: 1,
        stage: null,
        attempts: 2,
        artifact,
        generatedAt: '2021-10-25T11:00:00.000Z',
        failedAt: null,
        requestedAt: '2021-10-25T06:00:00.000Z',
        requestedBy: { id: 'head.murygino', role: 'network-head' },
        updatedAt: '2021-10-25T11:00:00.000Z',
        streamRevision: 5,
      });
    });
  });

  it('keeps the reason a report failed, with its progress as it stood', () => {
    const failed: ReportRequestEvent[] = [...life.slice(0, 3), { type: 'ReportFailed', data: { reportId: MURYGINO_REPORT, reason: 'the network has no plan for 2020/2021' } }];
    spec.given(recordedReport(failed)).then((docs) => {
      expect(docs.get(MURYGINO_REPORT)).toMatchObject({ status: 'failed', reason: 'the network has no plan for 2020/2021', progress: 0.4, artifact: null, failedAt: '2021-10-25T09:00:00.000Z', generatedAt: null });
    });
  });

  it('keeps reports apart, with nothing of a report it never saw requested', () => {
    const other = '0190a1b2-0000-7000-8000-00000000a002';
    const ours = recordedReport(life.slice(0, 1));
    const theirs = recordedReport([requestedReport({ reportId: other, department: 'bakhmut', parameters: { networkId: 'n-2', period: { kind: 'calendar-year', year: 2020 }, language: 'uk', asOf: '2020-12-31' } })], { reportId: other, department: 'bakhmut' });
    spec.given([...ours, ...theirs]).then((docs) => {
      expect(docs.all().map((d) => [d.id, d.department, d.periodLabel, (d.parameters as { asOf: unknown }).asOf])).toEqual([
        [MURYGINO_REPORT, 'murygino', '2020/2021', null],
        [other, 'bakhmut', '2020', '2020-12-31'],
      ]);
    });
    spec.given(recordedReport(life).slice(1)).then((docs) => expect(docs.all()).toEqual([]));
  });

  it('keeps of the other kinds what lists filter by: a table’s network (none for the department’s) and its years, a summary’s period, a profile’s institution', () => {
    const reportId = (n: number) => `0190a1b2-0000-7000-8000-00000000c00${n}`;
    // Recorded before these kinds took `asOf` (the first three), and with it (the profile's).
    const before = (parameters: object) => parameters as ReportParameters;
    const events = [
      requestedReport({ reportId: reportId(1), report: 'monitoring-table', format: 'xlsx', parameters: before({ networkId: MURYGINO_NETWORK, periods: { kind: 'academic-year', from: '2019/2020', to: '2022/2023' }, rowsBy: 'series', language: 'ru' }) }),
      requestedReport({ reportId: reportId(2), report: 'monitoring-table', parameters: before({ networkId: null, periods: { kind: 'calendar-year', from: 2021, to: 2021 }, rowsBy: 'kinds', language: 'uk' }) }),
      requestedReport({ reportId: reportId(3), report: 'department-summary', parameters: before({ period: { kind: 'academic-year', academicYear: '2020/2021' }, language: 'uk' }) }),
      requestedReport({ reportId: reportId(4), report: 'institution-profile', parameters: { institutionId: 'zosh-7', from: null, to: null, language: 'uk', asOf: '2023-06-30' } }),
    ];
    spec.given(events.flatMap((event) => recordedReport([event], { reportId: event.data.reportId }))).then((docs) => {
      expect(docs.all().map((d) => [d.report, d.networkId, d.institutionId, d.periodLabel, d.periodKind, d.periodFirst, d.periodLast])).toEqual([
        ['monitoring-table', MURYGINO_NETWORK, null, '2019/2020–2022/2023', 'academic-year', 2019, 2022],
        ['monitoring-table', null, null, '2021', 'calendar-year', 2021, 2021],
        ['department-summary', null, null, '2020/2021', 'academic-year', 2020, 2020],
        ['institution-profile', null, 'zosh-7', null, null, null, null],
      ]);
      // Without asOf in the request: as recorded when requested (null), as the analysis's.
      expect(docs.all().map((d) => (d.parameters as { asOf: unknown }).asOf)).toEqual([null, null, null, '2023-06-30']);
    });
  });
});
