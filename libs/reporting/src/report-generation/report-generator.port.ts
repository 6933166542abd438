import type { ReportFormat, ReportKind, ReportParameters, ReportTemplateRef } from '../report/report.events';

/** A report to generate, as it was requested (`ReportRequested`). */
export interface ReportRequest {
  reportId: string;
  department: string;
  report: ReportKind;
  format: ReportFormat;
  parameters: ReportParameters;
  /** The log position to build at: the records up to it, nothing after (also in the context). */
  position: number;
  /** When it was requested (ISO 8601): a report's date unless its parameters say otherwise. */
  requestedAt: string;
  /** The department's template the request recorded (DOCX and PDF are rendered with it); null or absent: the built-in one. */
  template?: ReportTemplateRef | null;
}

/** What a generator is given besides the request. */
export interface GenerationContext {
  /** The log position to build at: everything recorded up to it, nothing after. */
  position: number;
  /**
   * Tells how far the generation has come (0 to below 1) and at which step ("composing",
   * "rendering"); recorded on the report when it moved on by a tenth, for `GET /reports/{id}`.
   */
  progress(fraction: number, stage?: string): Promise<void>;
  /** Aborted when the process stops: a generator may give up early; its job is delivered again. */
  signal: AbortSignal;
}

/** A document generated: its bytes, their content type and the file name a download gets. */
export interface GeneratedReport {
  bytes: Uint8Array;
  /** `application/vnd.openxmlformats-officedocument.wordprocessingml.document`, `text/html; charset=utf-8`… */
  contentType: string;
  /** The name a download is saved under, in the report's language ("Аналіз роботи … 2019-2020.docx"). */
  fileName: string;
  /** The department template's version it used; null (or left out) for the built-in layout. */
  templateVersion?: string | null;
}

/**
 * The port a report's job generates its document through: one generator per report kind, for
 * the formats it registers (`@GeneratesReport(kind, formats)` on a provider, see
 * `report-generators.ts`). Generating at the same position must give the same bytes.
 *
 * A generator throws to fail: a `DomainError` (the records do not allow the report: no such
 * network in the period, say) fails the report at once with its message; any other error is
 * tried again by the job (3 attempts), and fails the report with its message after the last.
 */
export interface ReportGenerator {
  generate(request: ReportRequest, context: GenerationContext): Promise<GeneratedReport>;
  /**
   * Why it cannot generate the format on this installation now (PDF without LibreOffice), or
   * undefined when it can. Asked when a report is requested: a request it answers is refused (422).
   */
  unavailable?(format: ReportFormat): string | undefined;
}
