import { RecordedEvent } from '@app/kernel';
import { ProjectionSpecification } from '@app/testing/projection-specification';
import type { ReportBatchEvent } from '../report-batch/report-batch.events';
import type { ReportScheduleEvent, ReportScheduleSpec } from './report-schedule.events';
import { reportSchedulesProjection } from './report-schedules.projection';

const spec = ProjectionSpecification.for(reportSchedulesProjection);
const ID = '0b7c3e52-5a4e-4c57-9d0e-3f1a2b3c4d5e';
const KYIV: ReportScheduleSpec = { name: null, cron: '0 6 25 10 *', timeZone: 'Europe/Kyiv', report: 'annual-analysis', periodKind: 'academic-year', language: 'uk', format: 'docx' };
let position = 0;
const recorded = (streamId: string, revision: number, event: ReportScheduleEvent | ReportBatchEvent, hour: number): RecordedEvent<ReportScheduleEvent | ReportBatchEvent> => ({
  ...event,
  id: `${streamId}-${revision}`,
  streamId,
  revision,
  position: ++position,
  metadata: { actor: { id: 'admin.bakhmut', role: 'admin' }, department: 'bakhmut', correlationId: 'c', causationId: 'c', commandId: `c${position}`, source: 'api', recordedAt: new Date(Date.UTC(2021, 5, 1, hour)).toISOString(), schemaVersion: 1 },
});
const set = (revision: number, s: ReportScheduleSpec, hour: number) =>
  recorded(`ReportSchedule-${ID}`, revision, { type: 'ReportScheduleSet', data: { scheduleId: ID, department: 'bakhmut', ...s, previous: revision ? KYIV : null } }, hour);
const batch = (batchId: string, slot: string | null, hour: number) =>
  recorded(
    `ReportBatch-${batchId}`,
    0,
    {
      type: 'ReportBatchRequested',
      data: { batchId, department: 'bakhmut', report: 'annual-analysis', format: 'docx', parameters: { period: { kind: 'academic-year', academicYear: '2020/2021' }, language: 'uk' }, position: 1, reports: [], skipped: [], schedule: slot ? { scheduleId: ID, slot } : null },
    },
    hour,
  );

describe('report-schedules projection', () => {
  it('keeps the schedule as last set, who made it and when, and the batches its slots asked for, newest slot first', () => {
    const calendar = { ...KYIV, periodKind: 'calendar-year' as const };
    spec.given([set(0, KYIV, 1), batch('b-1', '2021-10-25T03:00:00.000Z', 2), batch('b-0', null, 3), set(1, calendar, 4), batch('b-2', '2022-10-25T03:00:00Z', 5)]).then((docs) => {
      expect(docs.get(ID)).toEqual({
        id: ID,
        scheduleId: ID,
        department: 'bakhmut',
        status: 'active',
        ...calendar,
        createdAt: '2021-06-01T01:00:00.000Z',
        createdBy: { id: 'admin.bakhmut', role: 'admin' },
        updatedAt: '2021-06-01T04:00:00.000Z',
        runs: [
          { batchId: 'b-2', slot: '2022-10-25T03:00:00.000Z', requestedAt: '2021-06-01T05:00:00.000Z' },
          { batchId: 'b-1', slot: '2021-10-25T03:00:00.000Z', requestedAt: '2021-06-01T02:00:00.000Z' },
        ],
        streamRevision: 1,
      });
      expect(docs.all()).toHaveLength(1);
    });
  });

  it('lists two batches of one slot as two runs (what the schedulers must never make)', () => {
    spec.given([set(0, KYIV, 1), batch('b-1', '2021-10-25T03:00:00.000Z', 2), batch('b-2', '2021-10-25T06:00:00+03:00', 3)]).then((docs) => {
      expect(docs.get(ID).runs.map((run) => [run.batchId, run.slot])).toEqual([
        ['b-1', '2021-10-25T03:00:00.000Z'],
        ['b-2', '2021-10-25T03:00:00.000Z'],
      ]);
    });
  });

  it('marks a removed schedule removed (a replay of its first event does not bring it back), and lists no batch of one removed or unknown', () => {
    spec.given([set(0, KYIV, 1), recorded(`ReportSchedule-${ID}`, 1, { type: 'ReportScheduleRemoved', data: { scheduleId: ID, department: 'bakhmut' } }, 2), batch('b-1', '2021-10-25T03:00:00.000Z', 3)]).then((docs) => {
      expect(docs.get(ID)).toMatchObject({ status: 'removed', updatedAt: '2021-06-01T02:00:00.000Z', runs: [] });
    });
    spec.given([batch('b-1', '2021-10-25T03:00:00.000Z', 3)]).then((docs) => {
      expect(docs.all()).toEqual([]);
    });
  });
});
