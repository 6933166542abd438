import type { ReportFormat } from '../report/report.events';
import type { GeneratedReport } from '../report-generation/report-generator.port';
import { RenderableReport, renderReport } from '../render/renderers';

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

/** A report's model rendered in the format asked (`renderReport`), as a generator answers it: bytes, content type and file name. */
export const generatedDocument = async (model: RenderableReport, format: ReportFormat, soffice: string | null): Promise<GeneratedReport> => {
  const document = await renderReport(model, format, { soffice });
  return { bytes: document.bytes, contentType: document.contentType, fileName: documentFileName(model.title, document.extension), templateVersion: null };
};
