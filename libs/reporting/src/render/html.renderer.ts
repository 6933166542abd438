import type { AnnualAnalysis } from '../annual-analysis/annual-analysis.model';
import { RenderedChart, renderCharts } from './charts/chart-renderer';
import { stripNonXml } from './docx/ooxml';
import { LayoutContent, LayoutTable, ReportLayout, layoutOf, linesOf } from './layout';

export interface HtmlRenderOptions {
  /** Draw the charts (inline SVG). Default true; without them each chart is a table of its bars. */
  charts?: boolean;
}

/**
 * The annual analysis as a standalone HTML page (the API's preview): one file, no script, no
 * request for anything (its own Content-Security-Policy says so), the charts as inline SVG with
 * their titles as captions. Every text of the model is escaped. The parts and their order are
 * the built-in layout's, as in the DOCX.
 */
export const renderHtml = async (model: AnnualAnalysis, options: HtmlRenderOptions = {}): Promise<string> => {
  const layout = layoutOf(model);
  return layoutHtml(layout, await drawLayoutCharts(layout, options));
};

/** The charts of a layout drawn as SVG, by their code (none when `charts: false`). */
export const drawLayoutCharts = async (layout: ReportLayout, options: HtmlRenderOptions = {}): Promise<Map<string, RenderedChart>> => {
  const wanted = layout.parts.flatMap((part) => part.content.flatMap((c) => (c.type === 'chart' ? [c.chart] : [])));
  const drawn = options.charts === false ? [] : await renderCharts(wanted, { png: false });
  return new Map<string, RenderedChart>(drawn.map((chart) => [chart.chart, chart]));
};

/**
 * A report's layout as a standalone HTML page, its charts drawn (`drawLayoutCharts`) or, when
 * not, each a table of its bars. A landscape layout gets a wider sheet (and a landscape page in
 * print); tables are bordered grids, numbers right-aligned, a cell's lines one under another, an
 * empty cell empty. The signature block holds what the layout has: position, name and date, or
 * the date alone.
 */
export const layoutHtml = (layout: ReportLayout, svgOf: ReadonlyMap<string, RenderedChart> = new Map()): string => {
  const content = (c: LayoutContent): string => {
    switch (c.type) {
      case 'paragraph':
        return linesOf(c.text).map((line) => `<p>${escapeHtml(line)}</p>`).join('\n');
      case 'subheading':
        return `<h3>${escapeHtml(c.text)}</h3>`;
      case 'numbered':
        return `<ol>\n${c.items.map((item) => `<li value="${item.number}">${escapeHtml(item.text)}</li>`).join('\n')}\n</ol>`;
      case 'bullets':
        return `<ul>\n${c.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('\n')}\n</ul>`;
      case 'chart': {
        const svg = svgOf.get(c.chart.chart)?.svg;
        const body = svg
          ? svg
          : `<table>\n${c.chart.bars.map((bar) => `<tr><th scope="row">${escapeHtml(bar.label)}</th><td>${bar.value}</td></tr>`).join('\n')}\n</table>`;
        return `<figure class="chart" data-chart="${escapeHtml(c.chart.chart)}">\n${body}\n<figcaption>${escapeHtml(c.chart.title)}</figcaption>\n</figure>`;
      }
      case 'table':
        return tableHtml(c.table);
    }
  };

  const parts = layout.parts.map((part) =>
    [`<section class="part" data-part="${escapeHtml(part.key)}">`, part.heading ? `<h2>${escapeHtml(part.heading)}</h2>` : '', ...part.content.map(content), '</section>']
      .filter((line) => line !== '')
      .join('\n'),
  );
  const { position, name, date } = layout.signature;
  const signed = position !== null || name !== null;
  const tables = layout.parts.some((part) => part.content.some((c) => c.type === 'table'));
  const landscape = layout.page === 'landscape';
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(layout.language)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(layout.title)}</title>`,
    `<style>${STYLE}${tables ? TABLE_STYLE : ''}${landscape ? LANDSCAPE_STYLE : ''}</style>`,
    '</head>',
    '<body>',
    landscape ? '<article class="report landscape">' : '<article class="report">',
    '<header>',
    `<h1>${escapeHtml(layout.title)}</h1>`,
    layout.subtitle ? `<p class="subtitle">${escapeHtml(layout.subtitle)}</p>` : '',
    '</header>',
    ...parts,
    '<footer class="signature">',
    signed ? `<div class="position">${escapeHtml(position ?? '')}</div>` : '',
    signed ? `<div class="name">${escapeHtml(name ?? '')}</div>` : '',
    `<div class="date">${escapeHtml(date)}</div>`,
    '</footer>',
    '</article>',
    '</body>',
    '</html>',
  ]
    .filter((line) => line !== '')
    .join('\n')
    .concat('\n');
};

/** A table: a header row of column headings, then a row each, its first cell heading the row. */
const tableHtml = (table: LayoutTable): string => {
  const wide = table.columns.some((column) => column.grow);
  const align = (i: number): string => (table.columns[i]?.align === 'right' ? ' class="num"' : '');
  const lines = (cell: readonly string[]): string => cell.map(escapeHtml).join('<br>');
  const header = `<tr>${table.columns.map((column, i) => `<th scope="col"${align(i)}>${escapeHtml(column.header)}</th>`).join('')}</tr>`;
  const rows = table.rows.map(
    (row) =>
      `<tr${row.total ? ' class="total"' : ''}>` +
      row.cells.map((cell, i) => (i === 0 ? `<th scope="row">${lines(cell)}</th>` : `<td${align(i)}>${lines(cell)}</td>`)).join('') +
      '</tr>',
  );
  return [`<table class="grid${wide ? ' wide' : ''}" data-table="${escapeHtml(table.key)}">`, '<thead>', header, '</thead>', '<tbody>', ...rows, '</tbody>', '</table>'].join('\n');
};

/** Text for HTML content and attribute values: markup escaped, and the characters XML cannot hold dropped (as in the DOCX). */
export const escapeHtml = (text: string): string =>
  stripNonXml(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const STYLE = [
  'body{margin:0;background:#f3f3f3;color:#111;font:14pt/1.35 "Times New Roman",Times,serif}',
  '.report{box-sizing:border-box;max-width:21cm;margin:1rem auto;padding:2cm 1.5cm 2cm 3cm;background:#fff;box-shadow:0 0 4px rgba(0,0,0,.15)}',
  'h1{font-size:1em;text-align:center;margin:0 0 .3em}',
  '.subtitle{text-align:center;text-indent:0;margin:0 0 1.2em}',
  'h2{font-size:1em;margin:1.2em 0 .4em}',
  'h3{font-size:1em;font-weight:normal;font-style:italic;margin:.6em 0 .2em}',
  'p{text-align:justify;text-indent:1.25cm;margin:0 0 .4em}',
  'ol,ul{margin:0 0 .4em;padding-left:1.25cm}',
  'ul{list-style-type:"– "}',
  'figure.chart{margin:.6em 0 1em;text-align:center}',
  'figure.chart svg{max-width:100%;height:auto}',
  'figcaption{font-style:italic;font-size:.85em}',
  'figure.chart table{margin:0 auto;border-collapse:collapse}',
  'figure.chart th{font-weight:normal;text-align:left;padding:0 1em 0 0}',
  '.signature{display:grid;grid-template-columns:1fr auto;gap:0 2em;margin-top:2em}',
  '.signature .name{align-self:end;text-align:right}',
  '.signature .date{grid-column:1/3}',
  '@media print{body{background:#fff}.report{margin:0;box-shadow:none;max-width:none;padding:0}}',
].join('');

const TABLE_STYLE = [
  'table.grid{border-collapse:collapse;margin:.3em 0 1em;font-size:11pt;line-height:1.2}',
  'table.grid.wide{width:100%}',
  'table.grid th,table.grid td{border:1px solid #000;padding:.15em .3em;vertical-align:top;text-align:left}',
  'table.grid thead th{font-weight:bold;font-size:10pt;text-align:center;vertical-align:middle}',
  'table.grid tbody th{font-weight:normal}',
  'table.grid .num{text-align:right;white-space:nowrap}',
  'table.grid thead th.num{text-align:center;white-space:normal}',
  'table.grid tr.total>*{font-weight:bold}',
].join('');

const LANDSCAPE_STYLE = [
  '.report.landscape{max-width:29.7cm}',
  '@page{size:A4 landscape}',
  '@media print{.report.landscape{max-width:none}}',
].join('');
