import { DepartmentCommand } from '@app/platform/commands';
import type { ReportLanguage } from '../report/report.events';

export interface ReportLanguageInput {
  language: ReportLanguage;
}

/** Sets the language the caller's department's reports are written in when a request names none. */
export class SetReportLanguageCommand extends DepartmentCommand<ReportLanguageInput> {}
