import type { IsoDate, ReportingPeriod } from '@app/kernel';
import { DepartmentCommand } from '@app/platform/commands';
import type { ReportFormat, ReportKind, ReportLanguage } from '../report/report.events';

export interface ReportParametersInput {
  networkId: string;
  period: ReportingPeriod;
  language: ReportLanguage;
  /** The records as they stood on a day (`2021-06-30`) or at a log position (a number); left out: as recorded now. */
  asOf?: IsoDate | number | null;
}

export interface RequestReportInput {
  report: ReportKind;
  /** DOCX when left out. */
  format?: ReportFormat;
  parameters: ReportParametersInput;
}

/** Asks for a report of the caller's department; its job generates it (202, then `GET /reports/{id}`). */
export class RequestReportCommand extends DepartmentCommand<RequestReportInput> {}
