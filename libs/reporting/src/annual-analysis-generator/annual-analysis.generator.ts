import { Inject } from '@nestjs/common';
import { reportingPeriodLabel } from '@app/kernel';
import { AnnualAnalysisFactsReader } from '../annual-analysis/annual-analysis-facts.reader';
import type { AnnualAnalysis } from '../annual-analysis/annual-analysis.model';
import { REPORT_FORMAT_EXTENSIONS, ReportFormat } from '../report/report.events';
import type { GeneratedReport, GenerationContext, ReportGenerator, ReportRequest } from '../report-generation/report-generator.port';
import { GeneratesReport } from '../report-generation/report-generators';
import { REPORT_FORMATS as RENDERED, renderDocx, renderHtml, renderJson, renderMarkdown, renderPdf } from '../render/renderers';

/** The LibreOffice executable the PDFs are converted with; null when the installation has none. */
export const SOFFICE = Symbol('SOFFICE');

const CONTENT_TYPES: Readonly<Record<ReportFormat, string>> = {
  docx: RENDERED.docx.contentType,
  pdf: RENDERED.pdf.contentType,
  html: RENDERED.html.contentType,
  markdown: RENDERED.markdown.contentType,
  json: RENDERED.json.contentType,
};

/** A file name from a title: no characters a file system refuses, the period's slash a dash. */
export const fileNameOf = (title: string, period: string, format: ReportFormat): string => {
  const base = title.split(period).join(period.replace('/', '-')).replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').replace(/\s+/g, ' ').trim();
  return `${base}.${REPORT_FORMAT_EXTENSIONS[format]}`;
};

/**
 * The annual analysis, as a report's job generates it: composed from the records at the
 * request's position (`AnnualAnalysisFactsReader`), as of the request's `asOf` day when it gives
 * one, and dated the day it was requested otherwise, so that generating it again gives the same
 * bytes; then rendered in the format asked. PDF needs LibreOffice (`unavailable` says so when
 * the installation has none).
 */
@GeneratesReport('annual-analysis', ['docx', 'html', 'markdown', 'json', 'pdf'])
export class AnnualAnalysisGenerator implements ReportGenerator {
  constructor(
    private readonly reader: AnnualAnalysisFactsReader,
    @Inject(SOFFICE) private readonly soffice: string | null,
  ) {}

  unavailable(format: ReportFormat): string | undefined {
    return format === 'pdf' && !this.soffice ? 'LibreOffice is not installed on this server, so no PDF can be made here; ask for DOCX, or install LibreOffice (libreoffice-writer-nogui)' : undefined;
  }

  async generate(request: ReportRequest, context: GenerationContext): Promise<GeneratedReport> {
    const { department, parameters, format } = request;
    const asOf = typeof parameters.asOf === 'string' ? parameters.asOf : null;
    const requestedOn = request.requestedAt.slice(0, 10);
    await context.progress(0.1, 'reading the records');
    const model: AnnualAnalysis = await this.reader.build(department, parameters.networkId, parameters.period, parameters.language, {
      position: context.position,
      asOf,
      today: asOf ?? requestedOn,
    });
    await context.progress(0.5, 'rendering');
    const bytes = await this.render(model, format);
    return { bytes, contentType: CONTENT_TYPES[format], fileName: fileNameOf(model.title, reportingPeriodLabel(parameters.period), format), templateVersion: null };
  }

  private async render(model: AnnualAnalysis, format: ReportFormat): Promise<Uint8Array> {
    switch (format) {
      case 'docx':
        return renderDocx(model);
      case 'pdf':
        return renderPdf(model, { soffice: this.soffice });
      case 'html':
        return Buffer.from(await renderHtml(model), 'utf8');
      case 'markdown':
        return Buffer.from(renderMarkdown(model), 'utf8');
      case 'json':
        return Buffer.from(renderJson(model), 'utf8');
    }
  }
}
