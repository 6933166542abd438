import { Inject } from '@nestjs/common';
import { composeDepartmentSummary } from '../department-summary/department-summary';
import { DepartmentSummaryFactsReader } from '../department-summary/department-summary.reader';
import { ReportFormat, asOfDayOf, reportSpecOf } from '../report/report.events';
import type { GeneratedReport, GenerationContext, ReportGenerator, ReportRequest } from '../report-generation/report-generator.port';
import { GeneratesReport } from '../report-generation/report-generators';
import { formatsOf } from '../render/renderers';
import { ReportTemplates } from '../report-template/report-templates.service';
import { SOFFICE, generatedDocument, pdfUnavailable } from './generated-document';

/**
 * The department summary, as a report's job generates it: every network's plan, events and
 * participation in the period and the one before, read at the request's position
 * (`DepartmentSummaryFactsReader`) as of its `asOf` day when it gives one, with that day or else
 * the day it was requested as its date (and as the "today" the plans are judged by), composed in its language and rendered in the format
 * asked (DOCX, XLSX, HTML, Markdown, JSON, PDF with LibreOffice).
 */
@GeneratesReport('department-summary', formatsOf('department-summary'))
export class DepartmentSummaryGenerator implements ReportGenerator {
  constructor(
    private readonly reader: DepartmentSummaryFactsReader,
    @Inject(SOFFICE) private readonly soffice: string | null,
    private readonly templates: ReportTemplates,
  ) {}

  unavailable(format: ReportFormat): string | undefined {
    return pdfUnavailable(format, this.soffice);
  }

  async generate(request: ReportRequest, context: GenerationContext): Promise<GeneratedReport> {
    const spec = reportSpecOf(request);
    if (spec.report !== 'department-summary') throw new RangeError(`the department summary's generator was asked for a ${spec.report}`);
    const { period, language } = spec.parameters;
    const asOf = asOfDayOf(spec.parameters);
    // The department's template the request recorded, checked against its hash (DOCX and PDF; null: the built-in one).
    const template = await this.templates.loadFor(request);
    await context.progress(0.1, 'reading the records');
    const facts = await this.reader.read({ department: request.department, period, position: context.position, asOf, reportDate: asOf ?? request.requestedAt.slice(0, 10) });
    await context.progress(0.5, 'rendering');
    return generatedDocument(composeDepartmentSummary(facts, language), request.format, this.soffice, template);
  }
}
