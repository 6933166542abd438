import type { MonitoringTable } from '../../monitoring-table/monitoring-table.model';
import { languageTag } from '../docx/template-parts';
import { fillDocxTemplate } from '../docx/docx-template';
import { layoutTablesXml } from '../docx/table-xml';
import { layoutHtml } from '../html.renderer';
import { layoutMarkdown } from '../markdown.renderer';
import { LibreOfficeNotInstalledError, PdfOptions, convertDocxToPdf } from '../pdf.renderer';
import { monitoringTableLayout } from './monitoring-table.layout';
import { monitoringTableDocxTemplate } from './monitoring-table.template';

export interface MonitoringTableDocxOptions {
  /** A DOCX template over the table's fields; the built-in layout of its language when left out. */
  template?: Buffer;
}

/** The monitoring table as a standalone HTML page (landscape), every text escaped, an empty cell empty. */
export const renderMonitoringTableHtml = (table: MonitoringTable): string => layoutHtml(monitoringTableLayout(table));

/** The monitoring table as Markdown: GFM tables, the counts right-aligned, a cell's events joined by `<br>`. */
export const renderMonitoringTableMarkdown = (table: MonitoringTable): string => layoutMarkdown(monitoringTableLayout(table));

/**
 * The monitoring table as a DOCX on landscape pages: the built-in layout or the template given.
 * The same table gives the same bytes (the archive and the properties dated with the report's date).
 */
export const renderMonitoringTableDocx = async (table: MonitoringTable, options: MonitoringTableDocxOptions = {}): Promise<Buffer> =>
  fillDocxTemplate(options.template ?? monitoringTableDocxTemplate(table.language), { ...table, table: layoutTablesXml(monitoringTableLayout(table)) }, {
    title: table.title,
    language: languageTag(table.language),
    date: table.basis.reportDate,
  });

/** The monitoring table as PDF: its DOCX converted by LibreOffice. */
export const renderMonitoringTablePdf = async (table: MonitoringTable, options: MonitoringTableDocxOptions & PdfOptions = {}): Promise<Buffer> => {
  if (!options.soffice) throw new LibreOfficeNotInstalledError();
  return convertDocxToPdf(await renderMonitoringTableDocx(table, options), options);
};
