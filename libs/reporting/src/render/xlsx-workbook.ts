import ExcelJS from 'exceljs';
import PizZip from 'pizzip';
import type { IsoDate } from '@app/kernel';
import { writeZipDeterministically } from './docx/deterministic-zip';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A sheet's name: at most 31 characters, none of `[]:*?/\`. */
export const sheetName = (text: string): string => text.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);

/** A report's workbook: its title, and its dates the report's date (not the time it is written). */
export const reportWorkbook = (title: string, reportDate: IsoDate): ExcelJS.Workbook => {
  const workbook = new ExcelJS.Workbook();
  const date = new Date(`${reportDate}T00:00:00Z`);
  workbook.creator = 'okrug';
  workbook.lastModifiedBy = 'okrug';
  workbook.created = date;
  workbook.modified = date;
  workbook.title = title;
  return workbook;
};

/**
 * The workbook's bytes. The writer dates the archive's entries when it writes them: the archive is
 * written again with the report's date, so the same report gives the same bytes.
 */
export const workbookBytes = async (workbook: ExcelJS.Workbook, reportDate: IsoDate): Promise<Buffer> =>
  writeZipDeterministically(new PizZip(Buffer.from(await workbook.xlsx.writeBuffer())), reportDate);
