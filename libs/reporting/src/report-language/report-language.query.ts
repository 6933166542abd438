import { Query } from '@nestjs/cqrs';
import type { ReportLanguage } from '../report/report.events';

/** The language a department's reports are written in when a request names none; null (`isSet` false) while it has set none. */
export interface ReportLanguageAnswer {
  department: string;
  language: ReportLanguage | null;
  isSet: boolean;
}

/**
 * The department's report language (docs/reporting.md, "The department's language"). Read from
 * the department's report-language stream, so it is always the current setting; it reads no read
 * model (hence no `consistentWith`).
 */
export class GetReportLanguageQuery extends Query<ReportLanguageAnswer> {
  static readonly reads = [];
  constructor(readonly department: string) {
    super();
  }
}
