import { reportWorkbook, sheetName, workbookBytes } from '../render/xlsx-workbook';
import type { MonitoringTable } from './monitoring-table.model';

export { XLSX_CONTENT_TYPE } from '../render/xlsx-workbook';

/**
 * The monitoring table as an XLSX workbook: a sheet of topics (each cell that year's events, one
 * per line, with their hosts) and a sheet of counts (numbers as numbers, with totals), each with
 * its header row and first column frozen, widths set and text wrapped; events too imprecisely
 * dated for a column are listed below the topics. The same table gives the same bytes: the
 * workbook's dates are the report's date.
 */
export const renderMonitoringTableXlsx = async (table: MonitoringTable): Promise<Buffer> => {
  const workbook = reportWorkbook(table.title, table.basis.reportDate);

  const header = [table.labels.row, ...table.periods.map((p) => p.label)];
  const topics = workbook.addWorksheet(sheetName(table.labels.topics), { views: [{ state: 'frozen', xSplit: 1, ySplit: 2 }] });
  topics.addRow([table.title]).font = { bold: true, size: 13 };
  const topicsHeader = topics.addRow(header);
  topicsHeader.font = { bold: true };
  for (const row of table.rows) topics.addRow([row.label, ...row.cells.map((cell) => cell.text)]);
  topics.getColumn(1).width = 36;
  for (let column = 2; column <= header.length; column++) topics.getColumn(column).width = 48;
  topics.eachRow((row, number) => {
    if (number > 1) row.alignment = { wrapText: true, vertical: 'top' };
  });
  if (table.unplaced.length) {
    topics.addRow([]);
    topics.addRow([table.labels.unplaced]).font = { italic: true };
    for (const event of table.unplaced) topics.addRow([event.when, event.text]).alignment = { wrapText: true, vertical: 'top' };
  }

  const counts = workbook.addWorksheet(sheetName(table.labels.counts), { views: [{ state: 'frozen', xSplit: 1, ySplit: 2 }] });
  counts.addRow([table.title]).font = { bold: true, size: 13 };
  counts.addRow([...header, table.labels.total]).font = { bold: true };
  for (const row of table.rows) counts.addRow([row.label, ...row.cells.map((cell) => cell.count), row.total]);
  const totals = counts.addRow([table.labels.total, ...table.totals, table.totals.reduce((sum, n) => sum + n, 0)]);
  totals.font = { bold: true };
  counts.getColumn(1).width = 36;
  for (let column = 2; column <= header.length + 1; column++) counts.getColumn(column).width = 12;

  // The writer dates the archive's entries with the time of writing: written again with the
  return workbookBytes(workbook, table.basis.reportDate);
};
