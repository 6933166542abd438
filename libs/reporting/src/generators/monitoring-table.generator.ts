import { Inject } from '@nestjs/common';
import { composeMonitoringTable } from '../monitoring-table/monitoring-table';
import { MonitoringTableFactsReader } from '../monitoring-table/monitoring-table.reader';
import { ReportFormat, asOfDayOf, reportSpecOf, yearsOfRange } from '../report/report.events';
import type { GeneratedReport, GenerationContext, ReportGenerator, ReportRequest } from '../report-generation/report-generator.port';
import { GeneratesReport } from '../report-generation/report-generators';
import { formatsOf } from '../render/renderers';
import { ReportTemplates } from '../report-template/report-templates.service';
import { SOFFICE, generatedDocument, pdfUnavailable } from './generated-document';

/**
 * The monitoring table, as a report's job generates it: the facts of the network (or the whole
 * department) over the years asked, read at the request's position
 * (`MonitoringTableFactsReader`) as of its `asOf` day when it gives one, dated that day or else
 * the day it was requested, composed in its language with
 * its rows by series or by kind, and rendered in the format asked (DOCX, XLSX, HTML, Markdown,
 * JSON, PDF with LibreOffice).
 */
@GeneratesReport('monitoring-table', formatsOf('monitoring-table'))
export class MonitoringTableGenerator implements ReportGenerator {
  constructor(
    private readonly reader: MonitoringTableFactsReader,
    @Inject(SOFFICE) private readonly soffice: string | null,
    private readonly templates: ReportTemplates,
  ) {}

  unavailable(format: ReportFormat): string | undefined {
    return pdfUnavailable(format, this.soffice);
  }

  async generate(request: ReportRequest, context: GenerationContext): Promise<GeneratedReport> {
    const spec = reportSpecOf(request);
    if (spec.report !== 'monitoring-table') throw new RangeError(`the monitoring table's generator was asked for a ${spec.report}`);
    const { networkId, periods, rowsBy, language } = spec.parameters;
    const asOf = asOfDayOf(spec.parameters);
    // The department's template the request recorded, checked against its hash (DOCX and PDF; null: the built-in one).
    const template = await this.templates.loadFor(request);
    await context.progress(0.1, 'reading the records');
    const facts = await this.reader.read({
      department: request.department,
      networkId,
      periods: yearsOfRange(periods),
      position: context.position,
      asOf,
      reportDate: asOf ?? request.requestedAt.slice(0, 10),
    });
    await context.progress(0.5, 'rendering');
    return generatedDocument(composeMonitoringTable(facts, language, { rowsBy }), request.format, this.soffice, template);
  }
}
