import type { AnnualAnalysis, ReportChart } from '../annual-analysis/annual-analysis.model';
import { stripNonXml } from './docx/ooxml';
import { LayoutContent, LayoutTable, ReportLayout, layoutOf, linesOf } from './layout';

/**
 * The annual analysis as Markdown (CommonMark with GFM tables): `#` the title, the anchor under
 * it, `##` each part in the built-in layout's order, numbered lists with the model's numbers,
 * each chart as a table of its bars, the signature block after a rule. Every text is escaped, so
 * a topic like `*Школа* #1` prints as written.
 */
export const renderMarkdown = (model: AnnualAnalysis): string => layoutMarkdown(layoutOf(model));

/**
 * A report's layout as Markdown: the title, the subtitle, `##` each part, its content (a table as
 * a GFM table), the signature block after a rule (what the layout has of position, name and date).
 */
export const layoutMarkdown = (layout: ReportLayout): string => {
  const blocks: string[] = [`# ${inline(layout.title)}`];
  if (layout.subtitle) blocks.push(inline(layout.subtitle));
  for (const part of layout.parts) {
    if (part.heading) blocks.push(`## ${inline(part.heading)}`);
    for (const content of part.content) blocks.push(...contentBlocks(content));
  }
  const { position, name, date } = layout.signature;
  blocks.push('---', [position, name, date].filter((line): line is string => !!line).map(inline).join('\\\n'));
  return `${blocks.join('\n\n')}\n`;
};

const contentBlocks = (content: LayoutContent): string[] => {
  switch (content.type) {
    case 'paragraph':
      return linesOf(content.text).map(inline);
    case 'subheading':
      return [`### ${inline(content.text)}`];
    case 'numbered':
      return [content.items.map((item) => `${item.number}. ${inline(oneLine(item.text))}`).join('\n')];
    case 'bullets':
      return [content.items.map((item) => `- ${inline(oneLine(item))}`).join('\n')];
    case 'chart':
      return [chartTable(content.chart)];
    case 'table':
      return [markdownTable(content.table)];
  }
};

/**
 * A table as a GFM table: texts escaped (a `|` in a topic is `\|`), a cell's lines joined by
 * `<br>`, an empty cell empty; numeric columns right-aligned (`---:`), and every column padded to
 * its widest cell, so the source reads as a table too, numbers one under another.
 */
export const markdownTable = (table: LayoutTable): string => {
  const right = table.columns.map((column) => column.align === 'right');
  // A figure is only escaped inline (a cell holds no block, so a leading `+` stays as it is).
  const text = (cell: readonly string[], numeric: boolean): string => cell.map((line) => (numeric ? escapeInline(line) : inline(line))).join('<br>');
  const grid = [
    table.columns.map((column) => cell(column.header)),
    ...table.rows.map((row) => table.columns.map((_, i) => text(row.cells[i] ?? [], right[i] && i > 0))),
  ];
  const widths = table.columns.map((_, i) => Math.max(3, ...grid.map((row) => width(row[i]))));
  const pad = (value: string, i: number): string => (right[i] ? value.padStart(widths[i] - width(value) + value.length) : value.padEnd(widths[i] - width(value) + value.length));
  const line = (row: readonly string[]): string => `| ${row.map(pad).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (right[i] ? `${'-'.repeat(w + 1)}:` : `:${'-'.repeat(w + 1)}`)).join('|')}|`;
  return [line(grid[0]), rule, ...grid.slice(1).map(line)].join('\n');
};

/** A text's width in characters (code points; what the padding counts). */
const width = (text: string): number => [...text].length;

const chartTable = (chart: ReportChart): string =>
  [`| ${cell(chart.title)} | |`, '|:---|---:|', ...chart.bars.map((bar) => `| ${cell(bar.label)} | ${bar.value} |`)].join('\n');

const oneLine = (text: string): string => linesOf(text).join(' ');

/**
 * Escapes what Markdown would read as markup: the punctuation of emphasis, links, code, HTML,
 * tables and entities anywhere, and what starts a heading, a list, a quote or a rule at the
 * start of a line. Characters XML cannot hold are dropped, as in the DOCX and HTML.
 */
export const inline = (text: string): string =>
  escapeInline(oneLine(text))
    .replace(/^(\s*)([#>+=-])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');

const escapeInline = (text: string): string => stripNonXml(text).replace(/[\\`*_[\]<>|&~]/g, '\\$&');

const cell = (text: string): string => inline(text);
