import { DepartmentCommand, ResourceCommand } from '@app/platform/commands';
import type { ReportFormat, ReportLanguage } from '../report/report.events';
import type { ReportingPeriodKind } from '@app/kernel';
import type { ScheduledReport } from './report-schedule.events';

/** A schedule as the API takes it (`POST /report-schedules`, `PUT /report-schedules/{id}`): checked again by the decider. */
export interface ReportScheduleInput {
  name?: string | null;
  cron: string;
  timeZone: string;
  report: ScheduledReport;
  periodKind: ReportingPeriodKind;
  /** Left out (or null): each run in the department's language at its slot. */
  language?: ReportLanguage | null;
  format?: ReportFormat;
}

/** Makes a schedule of the caller's department (201, its id new or derived from the Idempotency-Key). */
export class CreateReportScheduleCommand extends DepartmentCommand<ReportScheduleInput> {}
/** Sets a schedule of the caller's department as a whole. */
export class ChangeReportScheduleCommand extends ResourceCommand<ReportScheduleInput> {}
/** Removes a schedule: it runs no more. */
export class RemoveReportScheduleCommand extends ResourceCommand<Record<string, never>> {}
