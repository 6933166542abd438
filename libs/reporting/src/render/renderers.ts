/**
 * The renderers of the annual analysis: from an `AnnualAnalysis` value to a document. They word
 * nothing (every text is the model's) and read nothing but the model. Used inside the reporting
 * module only (the module's index publishes contracts, not renderers); docs/reporting.md,
 * "Rendering".
 */
export { renderDocx } from './docx.renderer';
export type { DocxRenderOptions } from './docx.renderer';
export { renderHtml, escapeHtml } from './html.renderer';
export type { HtmlRenderOptions } from './html.renderer';
export { renderMarkdown } from './markdown.renderer';
export { renderJson } from './json.renderer';
export { renderPdf, convertDocxToPdf, findSoffice, LibreOfficeNotInstalledError, PdfConversionError } from './pdf.renderer';
export type { PdfOptions } from './pdf.renderer';
export { renderCharts, stopChartRenderer, ChartRenderingError } from './charts/chart-renderer';
export type { RenderedChart, ChartRenderOptions } from './charts/chart-renderer';
export { builtInDocxTemplate } from './docx/built-in-template';
export { fillDocxTemplate, DocxTemplateError } from './docx/docx-template';
export type { DocxPicture, FillDocxOptions } from './docx/docx-template';
export { layoutOf } from './layout';
export type { ReportLayout, LayoutPart, LayoutContent } from './layout';

/** The content type and file extension of each format, for downloads. */
export const REPORT_FORMATS = {
  docx: { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: 'docx' },
  pdf: { contentType: 'application/pdf', extension: 'pdf' },
  html: { contentType: 'text/html; charset=utf-8', extension: 'html' },
  md: { contentType: 'text/markdown; charset=utf-8', extension: 'md' },
  json: { contentType: 'application/json; charset=utf-8', extension: 'json' },
} as const;
export type ReportFormat = keyof typeof REPORT_FORMATS;
