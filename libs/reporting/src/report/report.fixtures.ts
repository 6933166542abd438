import { RecordedEvent } from '@app/kernel';
import { ReportRequestEvent, ReportRequested } from './report.events';

/** Murygino district No. 3's analysis for 2020/2021, in Russian, as JSON: a report's life as recorded. */
export const MURYGINO_REPORT = '0190a1b2-0000-7000-8000-00000000a001';
export const MURYGINO_NETWORK = '0190a1b2-0000-7000-8000-00000000b001';

let positions = 100;

/** A recorded event of a report's stream: revision and position in order, recorded an hour apart from 25 October 2021, 06:00. */
export const recordedReport = (events: ReportRequestEvent[], options: { reportId?: string; department?: string; actor?: { id: string; role: string } } = {}): RecordedEvent<ReportRequestEvent>[] =>
  events.map((event, revision) => ({
    ...event,
    id: `${options.reportId ?? MURYGINO_REPORT}-${revision}`,
    streamId: `Report-${options.reportId ?? MURYGINO_REPORT}`,
    revision,
    position: ++positions,
    metadata: {
      actor: revision === 0 ? (options.actor ?? { id: 'head.murygino', role: 'network-head' }) : { id: 'report-job', role: 'system' },
      department: options.department ?? 'murygino',
      correlationId: 'c-1',
      causationId: 'c-1',
      commandId: `cmd-${revision}`,
      source: revision === 0 ? 'api' : 'system',
      recordedAt: new Date(Date.UTC(2021, 9, 25, 6 + revision)).toISOString(),
      schemaVersion: 1,
    },
  }));

export const requestedReport = (over: Partial<ReportRequested['data']> = {}): ReportRequested => ({
  type: 'ReportRequested',
  data: {
    reportId: MURYGINO_REPORT,
    department: 'murygino',
    report: 'annual-analysis',
    parameters: { networkId: MURYGINO_NETWORK, period: { kind: 'academic-year', academicYear: '2020/2021' }, language: 'ru', asOf: null },
    format: 'json',
    position: 99,
    ...over,
  },
});
