import type { DepartmentSummary } from '../../department-summary/department-summary.model';
import { renderCharts } from '../charts/chart-renderer';
import { fillDocxTemplate } from '../docx/docx-template';
import { layoutTablesXml } from '../docx/table-xml';
import { languageTag } from '../docx/template-parts';
import { HtmlRenderOptions, drawLayoutCharts, layoutHtml } from '../html.renderer';
import type { ReportLayout } from '../layout';
import { layoutMarkdown } from '../markdown.renderer';
import { LibreOfficeNotInstalledError, PdfOptions, convertDocxToPdf } from '../pdf.renderer';
import { departmentSummaryLayout } from './department-summary.layout';
import { departmentSummaryDocxTemplate } from './department-summary.template';

export interface DepartmentSummaryDocxOptions {
  /** Draw the charts into the document (PNG). Default true. */
  charts?: boolean;
  /** A DOCX template over the summary's fields; the built-in layout of its language when left out. */
  template?: Buffer;
}

/** The department summary as a standalone HTML page (landscape), the charts as inline SVG, every text escaped. */
export const renderDepartmentSummaryHtml = async (summary: DepartmentSummary, options: HtmlRenderOptions = {}): Promise<string> => {
  const layout = departmentSummaryLayout(summary);
  return layoutHtml(layout, await drawLayoutCharts(layout, options));
};

/** The department summary as Markdown: GFM tables, figures right-aligned, each chart a table of its bars. */
export const renderDepartmentSummaryMarkdown = (summary: DepartmentSummary): string => layoutMarkdown(departmentSummaryLayout(summary));

/**
 * The department summary as a DOCX on landscape pages: the built-in layout or the template given,
 * the charts as pictures. The same summary gives the same bytes.
 */
export const renderDepartmentSummaryDocx = async (summary: DepartmentSummary, options: DepartmentSummaryDocxOptions = {}): Promise<Buffer> => {
  const layout = departmentSummaryLayout(summary);
  const charts = options.charts === false ? [] : await renderCharts(chartsOf(layout), { png: true });
  return fillDocxTemplate(options.template ?? departmentSummaryDocxTemplate(summary.language), { ...summary, table: layoutTablesXml(layout) }, {
    pictures: charts.map((chart) => ({ key: chart.chart, png: chart.png!, width: chart.width, height: chart.height, caption: chart.title })),
    title: summary.title,
    language: languageTag(summary.language),
    date: summary.basis.reportDate,
  });
};

/** The department summary as PDF: its DOCX converted by LibreOffice. */
export const renderDepartmentSummaryPdf = async (summary: DepartmentSummary, options: DepartmentSummaryDocxOptions & PdfOptions = {}): Promise<Buffer> => {
  if (!options.soffice) throw new LibreOfficeNotInstalledError();
  return convertDocxToPdf(await renderDepartmentSummaryDocx(summary, options), options);
};

const chartsOf = (layout: ReportLayout) => layout.parts.flatMap((part) => part.content.flatMap((c) => (c.type === 'chart' ? [c.chart] : [])));
