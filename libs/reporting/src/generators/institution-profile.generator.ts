import { Inject } from '@nestjs/common';
import { composeInstitutionProfile } from '../institution-profile/institution-profile';
import { InstitutionProfileFactsReader } from '../institution-profile/institution-profile.reader';
import { ReportFormat, asOfDayOf, reportSpecOf } from '../report/report.events';
import type { GeneratedReport, GenerationContext, ReportGenerator, ReportRequest } from '../report-generation/report-generator.port';
import { GeneratesReport } from '../report-generation/report-generators';
import { formatsOf } from '../render/renderers';
import { ReportTemplates } from '../report-template/report-templates.service';
import { SOFFICE, generatedDocument, pdfUnavailable } from './generated-document';

/**
 * The institution profile, as a report's job generates it: the institution's names, stays and
 * events (of the days asked, or all) read at the request's position
 * (`InstitutionProfileFactsReader`) as of its `asOf` day when it gives one, dated that day or
 * else the day it was requested, composed in its language
 * and rendered in the format asked (DOCX, HTML, Markdown, JSON, PDF with LibreOffice).
 */
@GeneratesReport('institution-profile', formatsOf('institution-profile'))
export class InstitutionProfileGenerator implements ReportGenerator {
  constructor(
    private readonly reader: InstitutionProfileFactsReader,
    @Inject(SOFFICE) private readonly soffice: string | null,
    private readonly templates: ReportTemplates,
  ) {}

  unavailable(format: ReportFormat): string | undefined {
    return pdfUnavailable(format, this.soffice);
  }

  async generate(request: ReportRequest, context: GenerationContext): Promise<GeneratedReport> {
    const spec = reportSpecOf(request);
    if (spec.report !== 'institution-profile') throw new RangeError(`the institution profile's generator was asked for a ${spec.report}`);
    const { institutionId, from, to, language } = spec.parameters;
    const asOf = asOfDayOf(spec.parameters);
    // The department's template the request recorded, checked against its hash (DOCX and PDF; null: the built-in one).
    const template = await this.templates.loadFor(request);
    await context.progress(0.1, 'reading the records');
    const facts = await this.reader.read({
      department: request.department,
      institutionId,
      ...(from && to ? { from, to } : {}),
      position: context.position,
      asOf,
      reportDate: asOf ?? request.requestedAt.slice(0, 10),
    });
    await context.progress(0.5, 'rendering');
    return generatedDocument(composeInstitutionProfile(facts, language), request.format, this.soffice, template);
  }
}
