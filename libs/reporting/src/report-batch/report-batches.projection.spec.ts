import { RecordedEvent } from '@app/kernel';
import { ProjectionSpecification } from '@app/testing/projection-specification';
import { ReportBatchEvent, ReportBatchRequested } from './report-batch.events';
import { reportBatchesProjection } from './report-batches.projection';

const spec = ProjectionSpecification.for(reportBatchesProjection);
const BATCH = '0190a1b2-0000-7000-8000-00000000c001';
const N1 = '0190a1b2-0000-7000-8000-00000000b001';
const N2 = '0190a1b2-0000-7000-8000-00000000b002';

const requested: ReportBatchRequested = {
  type: 'ReportBatchRequested',
  data: {
    batchId: BATCH,
    department: 'murygino',
    report: 'annual-analysis',
    format: 'docx',
    parameters: { period: { kind: 'academic-year', academicYear: '2020/2021' }, language: 'ru' },
    position: 300,
    reports: [{ networkId: N1, name: 'Школьный округ № 3', reportId: 'r-1' }],
    skipped: [{ networkId: N2, name: 'Совет директоров', reason: 'reports-by-calendar-year' }],
    schedule: { scheduleId: 'autumn', slot: '2021-10-25T03:00:00.000Z' },
  },
};

const recorded = (event: ReportBatchEvent, position = 301): RecordedEvent<ReportBatchEvent> => ({
  ...event,
  id: `batch-${position}`,
  streamId: `ReportBatch-${BATCH}`,
  revision: 0,
  position,
  metadata: { actor: { id: 'operator', role: 'operator' }, department: 'murygino', correlationId: 'c-1', causationId: 'c-1', commandId: 'cmd-1', source: 'api', recordedAt: '2021-10-25T06:00:00.000Z', schemaVersion: 1 },
});

describe('report-batches projection', () => {
  it('keeps what was asked, its networks and those skipped, the slot it ran for, who asked and when', () => {
    spec.given([recorded(requested)]).then((docs) => {
      expect(docs.get(BATCH)).toEqual({
        id: BATCH,
        batchId: BATCH,
        department: 'murygino',
        report: 'annual-analysis',
        format: 'docx',
        parameters: { period: { kind: 'academic-year', academicYear: '2020/2021' }, language: 'ru' },
        periodLabel: '2020/2021',
        position: 300,
        reports: [{ networkId: N1, name: 'Школьный округ № 3', reportId: 'r-1' }],
        skipped: [{ networkId: N2, name: 'Совет директоров', reason: 'reports-by-calendar-year' }],
        schedule: { scheduleId: 'autumn', slot: '2021-10-25T03:00:00.000Z' },
        requestedAt: '2021-10-25T06:00:00.000Z',
        requestedBy: { id: 'operator', role: 'operator' },
      });
    });
  });
});
