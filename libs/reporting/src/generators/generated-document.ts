import type { ReportFormat } from '../report/report.events';
import type { GeneratedReport } from '../report-generation/report-generator.port';
import { RuleViolated } from '@app/kernel';
import { DocxTemplateError, RenderableReport, RenderedDocument, renderReport } from '../render/renderers';
import type { LoadedTemplate } from '../report-template/report-templates.service';
import { TEMPLATED_FORMATS } from '../report-template/templated-formats';

/** The LibreOffice executable the PDFs are converted with; null when the installation has none. */
export const SOFFICE = Symbol('SOFFICE');

/** Why a PDF cannot be made here: what a request for one is refused with (422 report-format-unavailable). */
export const pdfUnavailable = (format: ReportFormat, soffice: string | null): string | undefined =>
  format === 'pdf' && !soffice ? 'LibreOffice is not installed on this server, so no PDF can be made here; ask for DOCX, or install LibreOffice (libreoffice-writer-nogui)' : undefined;

/**
 * A download's name from a report's title: a period's slash a dash ("2020/2021" → "2020-2021"),
 * no characters a file system refuses, no dots or spaces before the extension ("… уч. г." →
 * "… уч. г.xlsx"), then the format's extension.
 */
export const documentFileName = (title: string, extension: string): string => {
  const base = title
    .replace(/\//g, '-')
    .replace(/[\\:*?"<>|\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.\s]+$/, '');
  return `${base || 'report'}.${extension}`;
};

/**
 * A report's model rendered in the format asked (`renderReport`), as a generator answers it:
 * bytes, content type, file name, and the version of the department's template it was rendered
 * with (DOCX and PDF only; null for the built-in one). A department template that cannot be
 * filled fails the report at once (`report-template-unfillable`): trying again would not help.
 */
export const generatedDocument = async (model: RenderableReport, format: ReportFormat, soffice: string | null, template: LoadedTemplate | null = null): Promise<GeneratedReport> => {
  const templated = template && TEMPLATED_FORMATS.includes(format) ? template : null;
  let document: RenderedDocument;
  try {
    document = await renderReport(model, format, templated ? { soffice, template: templated.bytes } : { soffice });
  } catch (error) {
    if (templated && error instanceof DocxTemplateError) throw new RuleViolated('report-template-unfillable', `the department's template version ${templated.version}: ${error.faults.join('; ')}`);
    throw error;
  }
  return {
    bytes: document.bytes,
    contentType: document.contentType,
    fileName: documentFileName(model.title, document.extension),
    templateVersion: templated ? String(templated.version) : null,
  };
};
