import { Inject } from '@nestjs/common';
import { AnnualAnalysisFactsReader } from '../annual-analysis/annual-analysis-facts.reader';
import type { AnnualAnalysis } from '../annual-analysis/annual-analysis.model';
import { ReportFormat, reportSpecOf } from '../report/report.events';
import type { GeneratedReport, GenerationContext, ReportGenerator, ReportRequest } from '../report-generation/report-generator.port';
import { GeneratesReport } from '../report-generation/report-generators';
import { ReportTemplates } from '../report-template/report-templates.service';
import { SOFFICE, generatedDocument, pdfUnavailable } from '../generators/generated-document';
import { formatsOf } from '../render/renderers';

export { SOFFICE } from '../generators/generated-document';

/**
 * The annual analysis, as a report's job generates it: composed from the records at the
 * request's position (`AnnualAnalysisFactsReader`), as of the request's `asOf` day when it gives
 * one, and dated the day it was requested otherwise, so that generating it again gives the same
 * bytes; then rendered in the format asked (`renderReport`: DOCX, HTML, Markdown, JSON, PDF).
 * PDF needs LibreOffice (`unavailable` says so when the installation has none).
 */
@GeneratesReport('annual-analysis', formatsOf('annual-analysis'))
export class AnnualAnalysisGenerator implements ReportGenerator {
  constructor(
    private readonly reader: AnnualAnalysisFactsReader,
    @Inject(SOFFICE) private readonly soffice: string | null,
    private readonly templates: ReportTemplates,
  ) {}

  unavailable(format: ReportFormat): string | undefined {
    return pdfUnavailable(format, this.soffice);
  }

  async generate(request: ReportRequest, context: GenerationContext): Promise<GeneratedReport> {
    const spec = reportSpecOf(request);
    if (spec.report !== 'annual-analysis') throw new RangeError(`the annual analysis's generator was asked for a ${spec.report}`);
    const { parameters } = spec;
    const asOf = typeof parameters.asOf === 'string' ? parameters.asOf : null;
    const requestedOn = request.requestedAt.slice(0, 10);
    // The department's template the request recorded, checked against its hash (DOCX and PDF; null: the built-in one).
    const template = await this.templates.loadFor(request);
    await context.progress(0.1, 'reading the records');
    const model: AnnualAnalysis = await this.reader.build(request.department, parameters.networkId, parameters.period, parameters.language, {
      position: context.position,
      asOf,
      today: asOf ?? requestedOn,
    });
    await context.progress(0.5, 'rendering');
    return generatedDocument(model, request.format, this.soffice, template);
  }
}
