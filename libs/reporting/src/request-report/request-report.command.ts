import { DepartmentCommand } from '@app/platform/commands';
import type { ReportFormat, ReportKind } from '../report/report.events';

export interface RequestReportInput {
  report: ReportKind;
  /** DOCX when left out. */
  format?: ReportFormat;
  /** The kind's parameters, as `RequestReportDto` checked them (the handler checks their periods and reads them by kind). */
  parameters: object;
}

/** Asks for a report of the caller's department; its job generates it (202, then `GET /reports/{id}`). */
export class RequestReportCommand extends DepartmentCommand<RequestReportInput> {}
