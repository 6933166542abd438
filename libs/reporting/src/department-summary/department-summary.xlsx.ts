import { reportWorkbook, sheetName, workbookBytes } from '../render/xlsx-workbook';
import type { DepartmentSummary, SummaryCount } from './department-summary.model';

/**
 * The department summary as an XLSX workbook: a sheet of networks (plan status, events held,
 * participants, items planned and held, the share held as a percentage, the assessment, and the
 * change in events and participants against the period before), with its totals row, and a
 * sheet of events by kind and participants by category beside the period before. Numbers are
 * numbers; the header row and the first column are frozen; widths are set. The workbook's dates
 * are the report's date, so the same summary gives the same bytes.
 */
export const renderDepartmentSummaryXlsx = async (summary: DepartmentSummary): Promise<Buffer> => {
  const workbook = reportWorkbook(summary.title, summary.basis.reportDate);
  const l = summary.labels;

  const networks = workbook.addWorksheet(sheetName(summary.period.label.replace('/', '-')), { views: [{ state: 'frozen', xSplit: 1, ySplit: 2 }] });
  networks.addRow([summary.title]).font = { bold: true, size: 13 };
  networks.addRow([l.network, l.plan, l.eventsHeld, l.participants, `${l.fulfilment}: ${l.plan.toLowerCase()}`, `${l.fulfilment}: ${l.eventsHeld.toLowerCase()}`, `${l.fulfilment}, %`, l.assessment, `${l.change}: ${l.eventsHeld.toLowerCase()}`, `${l.change}: ${l.participants.toLowerCase()}`]).font = { bold: true };
  for (const n of summary.networks) {
    networks.addRow([
      n.name,
      n.planStatusLabel,
      n.eventsHeld,
      n.participants,
      n.itemsPlanned,
      n.itemsHeld,
      n.shareHeld,
      n.assessment ? [n.assessment.label, n.assessment.comment].filter(Boolean).join(', ') : null,
      n.change?.eventsHeld ?? null,
      n.change?.participants ?? null,
    ]);
  }
  const t = summary.totals;
  networks.addRow([l.total, `${t.withPlan} / ${t.networks}`, t.eventsHeld, t.participants, t.itemsPlanned, t.itemsHeld, t.shareHeld, null, t.eventsHeld - summary.previousTotals.eventsHeld, t.participants - summary.previousTotals.participants]).font = { bold: true };
  networks.getColumn(1).width = 40;
  networks.getColumn(2).width = 18;
  for (const column of [3, 4, 5, 6, 9, 10]) networks.getColumn(column).width = 14;
  networks.getColumn(7).width = 14;
  networks.getColumn(7).numFmt = '0%';
  networks.getColumn(8).width = 30;
  networks.getRow(2).alignment = { wrapText: true, vertical: 'top' };

  const counts = workbook.addWorksheet(sheetName(l.eventsHeld), { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] });
  const table = (title: string, rows: readonly SummaryCount[]) => {
    counts.addRow([title, summary.period.label, summary.previous.label]).font = { bold: true };
    for (const row of rows) counts.addRow([row.label, row.count, row.previous]);
    counts.addRow([]);
  };
  table(l.eventsHeld, summary.eventsByKind);
  table(l.participants, summary.participationByCategory);
  counts.getColumn(1).width = 40;
  counts.getColumn(2).width = 14;
  counts.getColumn(3).width = 14;

  return workbookBytes(workbook, summary.basis.reportDate);
};
