import { RuleViolated } from '@app/kernel';
import { DepartmentCommand } from '@app/platform/commands';
import type { ReportKind } from '../report/report.events';
import type { TemplateFault } from './template-validation';

export interface UploadReportTemplateInput {
  report: ReportKind;
  /** The DOCX as sent. */
  bytes: Buffer;
  /** The name it is kept under (the kind's when none is given). */
  fileName: string;
}

/** Uploads a version of the caller's department's template of a kind of report. */
export class UploadReportTemplateCommand extends DepartmentCommand<UploadReportTemplateInput> {}

/** Withdraws the caller's department's template in force for a kind of report: the built-in one applies again. */
export class WithdrawReportTemplateCommand extends DepartmentCommand<{ report: ReportKind }> {}

/** An upload's answer: the kind (its id), the stream's revision and the log position, the version in force, and whether it is a new version. */
export interface UploadReportTemplateResult {
  id: ReportKind;
  revision: number;
  position: number;
  version: number;
  created: boolean;
}

/** A DOCX whose tags do not all name fields of the kind (422 `report-template-invalid`), one fault per tag; nothing was recorded. */
export class ReportTemplateInvalid extends RuleViolated {
  constructor(
    readonly report: ReportKind,
    readonly faults: TemplateFault[],
  ) {
    super('report-template-invalid', `the template has ${faults.length} ${faults.length === 1 ? 'tag' : 'tags'} the ${report} cannot fill; nothing was recorded`);
  }
}
