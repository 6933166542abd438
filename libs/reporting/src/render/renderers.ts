import type { AnnualAnalysis } from '../annual-analysis/annual-analysis.model';
import type { DepartmentSummary } from '../department-summary/department-summary.model';
import type { InstitutionProfile } from '../institution-profile/institution-profile.model';
import type { ReportFormat as RequestedFormat } from '../report/report.events';
import { renderDepartmentSummaryXlsx } from '../department-summary/department-summary.xlsx';
import type { MonitoringTable } from '../monitoring-table/monitoring-table.model';
import { renderMonitoringTableXlsx } from '../monitoring-table/monitoring-table.xlsx';
import {
  renderDepartmentSummaryDocx,
  renderDepartmentSummaryHtml,
  renderDepartmentSummaryMarkdown,
  renderDepartmentSummaryPdf,
} from './department-summary/department-summary.renderers';
import { renderDocx } from './docx.renderer';
import { renderHtml } from './html.renderer';
import {
  renderInstitutionProfileDocx,
  renderInstitutionProfileHtml,
  renderInstitutionProfileMarkdown,
  renderInstitutionProfilePdf,
} from './institution-profile/institution-profile.renderers';
import { renderJson } from './json.renderer';
import { renderMarkdown } from './markdown.renderer';
import { renderMonitoringTableDocx, renderMonitoringTableHtml, renderMonitoringTableMarkdown, renderMonitoringTablePdf } from './monitoring-table/monitoring-table.renderers';
import { renderPdf } from './pdf.renderer';

/**
 * The renderers of the reports: from a report's model (`AnnualAnalysis`, `MonitoringTable`,
 * `DepartmentSummary`, `InstitutionProfile`) to a document. They word nothing (every text is the model's) and read
 * nothing but the model. Used inside the reporting module only (the module's index publishes
 * contracts, not renderers); docs/reporting.md, "Rendering". The jobs pick one by the report's
 * kind and the format asked (`rendererOf`, `renderReport`).
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
export type { ReportLayout, LayoutPart, LayoutContent, LayoutTable } from './layout';
export { renderMonitoringTableDocx, renderMonitoringTableHtml, renderMonitoringTableMarkdown, renderMonitoringTablePdf } from './monitoring-table/monitoring-table.renderers';
export type { MonitoringTableDocxOptions } from './monitoring-table/monitoring-table.renderers';
export { monitoringTableLayout } from './monitoring-table/monitoring-table.layout';
export { monitoringTableDocxTemplate } from './monitoring-table/monitoring-table.template';
export { renderDepartmentSummaryDocx, renderDepartmentSummaryHtml, renderDepartmentSummaryMarkdown, renderDepartmentSummaryPdf } from './department-summary/department-summary.renderers';
export type { DepartmentSummaryDocxOptions } from './department-summary/department-summary.renderers';
export { departmentSummaryLayout } from './department-summary/department-summary.layout';
export { departmentSummaryDocxTemplate } from './department-summary/department-summary.template';
export { renderInstitutionProfileDocx, renderInstitutionProfileHtml, renderInstitutionProfileMarkdown, renderInstitutionProfilePdf } from './institution-profile/institution-profile.renderers';
export type { InstitutionProfileDocxOptions } from './institution-profile/institution-profile.renderers';
export { institutionProfileLayout } from './institution-profile/institution-profile.layout';
export { institutionProfileDocxTemplate } from './institution-profile/institution-profile.template';
export { renderMonitoringTableXlsx } from '../monitoring-table/monitoring-table.xlsx';
export { renderDepartmentSummaryXlsx } from '../department-summary/department-summary.xlsx';

/** The content type and file extension of each format, for downloads: every format a report may be asked in. */
export const REPORT_FORMATS = {
  docx: { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: 'docx' },
  pdf: { contentType: 'application/pdf', extension: 'pdf' },
  html: { contentType: 'text/html; charset=utf-8', extension: 'html' },
  markdown: { contentType: 'text/markdown; charset=utf-8', extension: 'md' },
  json: { contentType: 'application/json; charset=utf-8', extension: 'json' },
  xlsx: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx' },
} as const satisfies Readonly<Record<RequestedFormat, { contentType: string; extension: string }>>;
export type ReportFormat = keyof typeof REPORT_FORMATS;

/** A report's model, as the renderers take it. */
export type RenderableReport = AnnualAnalysis | MonitoringTable | DepartmentSummary | InstitutionProfile;
/** Its kind: the model's `report`. */
export type RenderableKind = RenderableReport['report'];
export type ReportOf<K extends RenderableKind> = Extract<RenderableReport, { report: K }>;

/** What a renderer may be told; each reads what concerns its format and ignores the rest. */
export interface RenderOptions {
  /** DOCX, PDF, HTML: draw the charts (default true). */
  charts?: boolean;
  /** DOCX, PDF: a department's template over the model's fields, instead of the built-in layout. */
  template?: Buffer;
  /** PDF: the LibreOffice executable (`findSoffice(PATH)`); null or left out, `LibreOfficeNotInstalledError`. */
  soffice?: string | null;
  /** PDF: how long LibreOffice may take. */
  timeoutMs?: number;
}

/** A document rendered: its bytes, content type and file extension. */
export interface RenderedDocument {
  bytes: Buffer;
  contentType: string;
  extension: string;
}

export type ReportRenderer<M> = (model: M, options?: RenderOptions) => Promise<RenderedDocument>;

const rendering =
  <M>(format: ReportFormat, render: (model: M, options: RenderOptions) => Buffer | string | Promise<Buffer | string>): ReportRenderer<M> =>
  async (model, options = {}) => {
    const out = await render(model, options);
    return { bytes: typeof out === 'string' ? Buffer.from(out, 'utf8') : out, ...REPORT_FORMATS[format] };
  };

/**
 * Every renderer, by report kind and format. The annual analysis and the institution profile have
 * no XLSX (they are texts); the tables have all six. PDF needs LibreOffice (`options.soffice`).
 */
export const RENDERERS: { readonly [K in RenderableKind]: Readonly<Partial<Record<ReportFormat, ReportRenderer<ReportOf<K>>>>> } = {
  'annual-analysis': {
    docx: rendering('docx', renderDocx),
    pdf: rendering('pdf', renderPdf),
    html: rendering('html', renderHtml),
    markdown: rendering('markdown', renderMarkdown),
    json: rendering('json', renderJson),
  },
  'monitoring-table': {
    docx: rendering('docx', renderMonitoringTableDocx),
    pdf: rendering('pdf', renderMonitoringTablePdf),
    html: rendering('html', renderMonitoringTableHtml),
    markdown: rendering('markdown', renderMonitoringTableMarkdown),
    json: rendering('json', renderJson),
    xlsx: rendering('xlsx', renderMonitoringTableXlsx),
  },
  'department-summary': {
    docx: rendering('docx', renderDepartmentSummaryDocx),
    pdf: rendering('pdf', renderDepartmentSummaryPdf),
    html: rendering('html', renderDepartmentSummaryHtml),
    markdown: rendering('markdown', renderDepartmentSummaryMarkdown),
    json: rendering('json', renderJson),
    xlsx: rendering('xlsx', renderDepartmentSummaryXlsx),
  },
  'institution-profile': {
    docx: rendering('docx', renderInstitutionProfileDocx),
    pdf: rendering('pdf', renderInstitutionProfilePdf),
    html: rendering('html', renderInstitutionProfileHtml),
    markdown: rendering('markdown', renderInstitutionProfileMarkdown),
    json: rendering('json', renderJson),
  },
};

/** The renderer of a kind of report in a format, or undefined when that kind is not made in that format. */
export const rendererOf = <K extends RenderableKind>(kind: K, format: ReportFormat): ReportRenderer<ReportOf<K>> | undefined =>
  (RENDERERS[kind] as Partial<Record<ReportFormat, ReportRenderer<ReportOf<K>>>>)[format];

/** The formats a kind of report is made in, in `REPORT_FORMATS`' order. */
export const formatsOf = (kind: RenderableKind): ReportFormat[] => (Object.keys(REPORT_FORMATS) as ReportFormat[]).filter((format) => RENDERERS[kind][format]);

/** Renders a report in a format, by its model's kind; a format that kind is not made in is a `RangeError`. */
export const renderReport = async (model: RenderableReport, format: ReportFormat, options: RenderOptions = {}): Promise<RenderedDocument> => {
  const render = rendererOf(model.report, format) as ReportRenderer<RenderableReport> | undefined;
  if (!render) throw new RangeError(`a ${model.report} is not made as ${format}`);
  return render(model, options);
};
