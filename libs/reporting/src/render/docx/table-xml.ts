import type { LayoutTable, ReportLayout } from '../layout';
import { escapeXml } from './ooxml';
import { FLUSH, paragraphStyle, textWidth } from './template-parts';

/** Twentieths of a point per centimetre. */
const TWIPS_PER_CM = 567;

/** The styles a table's paragraphs use: 11 pt, single-spaced, no indent; figures right-aligned; the column headings bold, centred, 10 pt. */
export const TABLE_STYLES =
  paragraphStyle('TableText', 'Table text', `<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>${FLUSH}<w:jc w:val="left"/>`, '<w:sz w:val="22"/><w:szCs w:val="22"/>') +
  paragraphStyle('TableNumber', 'Table figure', `<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>${FLUSH}<w:jc w:val="right"/>`, '<w:sz w:val="22"/><w:szCs w:val="22"/>') +
  paragraphStyle('TableHeading', 'Table heading', `<w:keepNext/><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>${FLUSH}<w:jc w:val="center"/>`, '<w:b/><w:bCs/><w:sz w:val="20"/><w:szCs w:val="20"/>');

/**
 * The columns' widths in twentieths of a point: each its width, the growing ones sharing what the
 * others leave of `available`; all narrowed alike when they would not fit.
 */
export const columnWidths = (table: LayoutTable, available: number): number[] => {
  const base = table.columns.map((column) => Math.round(column.width * TWIPS_PER_CM));
  const sum = base.reduce((a, b) => a + b, 0);
  const growing = table.columns.flatMap((column, i) => (column.grow ? [i] : []));
  if (sum > available) return base.map((width) => Math.floor((width * available) / sum));
  if (growing.length === 0) return base;
  const share = Math.floor((available - sum) / growing.length);
  return base.map((width, i) => (growing.includes(i) ? width + share : width));
};

const BORDER = 'w:val="single" w:sz="4" w:space="0" w:color="000000"';

/**
 * A table of the layout as WordprocessingML (what a `{@table.<key>}` tag becomes): bordered, of
 * fixed column widths, its header row repeated on every page, a cell's lines one paragraph each,
 * an empty cell one empty paragraph (a cell must hold one), totals in bold. Every text escaped.
 */
export const tableXml = (table: LayoutTable, available: number): string => {
  const widths = columnWidths(table, available);
  const total = widths.reduce((a, b) => a + b, 0);
  const paragraph = (style: string, text: string | null, bold: boolean): string =>
    `<w:p><w:pPr><w:pStyle w:val="${style}"/></w:pPr>` +
    (text === null || text === '' ? '' : `<w:r>${bold ? '<w:rPr><w:b/><w:bCs/></w:rPr>' : ''}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`) +
    '</w:p>';
  const cell = (i: number, lines: readonly string[], style: string, bold: boolean, header: boolean): string =>
    `<w:tc><w:tcPr><w:tcW w:w="${widths[i]}" w:type="dxa"/>${header ? '<w:vAlign w:val="center"/>' : ''}</w:tcPr>` +
    (lines.length === 0 ? paragraph(style, null, bold) : lines.map((line) => paragraph(style, line, bold)).join('')) +
    '</w:tc>';
  const styleOf = (i: number): string => (i > 0 && table.columns[i].align === 'right' ? 'TableNumber' : 'TableText');

  const header =
    '<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>' +
    table.columns.map((column, i) => cell(i, [column.header], 'TableHeading', false, true)).join('') +
    '</w:tr>';
  const rows = table.rows.map(
    (row) =>
      // A row of a few lines stays on one page; a long one may break across two.
      `<w:tr>${row.cells.every((lines) => lines.length <= 3) ? '<w:trPr><w:cantSplit/></w:trPr>' : ''}` +
      table.columns.map((_, i) => cell(i, row.cells[i] ?? [], styleOf(i), row.total === true, false)).join('') +
      '</w:tr>',
  );
  return (
    '<w:tbl><w:tblPr>' +
    `<w:tblW w:w="${total}" w:type="dxa"/>` +
    `<w:tblBorders><w:top ${BORDER}/><w:left ${BORDER}/><w:bottom ${BORDER}/><w:right ${BORDER}/><w:insideH ${BORDER}/><w:insideV ${BORDER}/></w:tblBorders>` +
    '<w:tblLayout w:type="fixed"/>' +
    '<w:tblCellMar><w:top w:w="28" w:type="dxa"/><w:left w:w="85" w:type="dxa"/><w:bottom w:w="28" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>' +
    '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/>' +
    `</w:tblPr><w:tblGrid>${widths.map((width) => `<w:gridCol w:w="${width}"/>`).join('')}</w:tblGrid>` +
    header +
    rows.join('') +
    '</w:tbl>'
  );
};

/** The tables of a layout as WordprocessingML, by key, for its template's `{@table.<key>}` tags (a table the layout left out is absent). */
export const layoutTablesXml = (layout: ReportLayout): Record<string, string> => {
  const available = textWidth(layout.page);
  const tables: Record<string, string> = {};
  for (const part of layout.parts) for (const content of part.content) if (content.type === 'table') tables[content.table.key] = tableXml(content.table, available);
  return tables;
};
