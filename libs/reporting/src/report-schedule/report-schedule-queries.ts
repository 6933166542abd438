import { Query } from '@nestjs/cqrs';
import type { ReportingPeriodKind } from '@app/kernel';
import type { ReportFormat, ReportLanguage } from '../report/report.events';
import type { ScheduledReport } from './report-schedule.events';
import { ReportScheduleView, reportSchedulesProjection } from './report-schedules.projection';

/** A schedule as the queries answer it. */
export interface ReportScheduleAnswer {
  scheduleId: string;
  name: string | null;
  cron: string;
  timeZone: string;
  report: ScheduledReport;
  periodKind: ReportingPeriodKind;
  /** null: each run is written in the department's language then. */
  language: ReportLanguage | null;
  format: ReportFormat;
  createdAt: string;
  updatedAt: string;
  /** One schedule's: its next slots, soonest first. */
  nextSlots?: string[];
  /** One schedule's: the batches its slots asked for (each at `GET /report-batches/{batchId}`), newest slot first (the last 100). */
  runs?: { batchId: string; slot: string }[];
}

export interface ReportSchedulePage {
  items: ReportScheduleAnswer[];
  total: number;
}

/** The department's schedules, oldest first. */
export class ListReportSchedulesQuery extends Query<ReportSchedulePage> {
  static readonly reads = [reportSchedulesProjection];
  constructor(
    readonly department: string,
    readonly consistentWith?: number,
  ) {
    super();
  }
}

/** One schedule with its next slots; 404 for an unknown, removed or another department's. */
export class GetReportScheduleQuery extends Query<ReportScheduleAnswer> {
  static readonly reads = [reportSchedulesProjection];
  constructor(
    readonly department: string,
    readonly scheduleId: string,
    readonly consistentWith?: number,
  ) {
    super();
  }
}

/** Every department's schedules: what the schedulers keep (not an endpoint). */
export class ListAllReportSchedulesQuery extends Query<ReportScheduleView[]> {
  static readonly reads = [reportSchedulesProjection];
  constructor(readonly consistentWith?: number) {
    super();
  }
}
