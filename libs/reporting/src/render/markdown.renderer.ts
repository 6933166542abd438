import type { AnnualAnalysis, ReportChart } from '../annual-analysis/annual-analysis.model';
import { LayoutContent, layoutOf, linesOf } from './layout';

/**
 * The annual analysis as Markdown (CommonMark with GFM tables): `#` the title, the anchor under
 * it, `##` each part in the built-in layout's order, numbered lists with the model's numbers,
 * each chart as a table of its bars, the signature block after a rule. Every text is escaped, so
 * a topic like `*Школа* #1` prints as written.
 */
export const renderMarkdown = (model: AnnualAnalysis): string => {
  const layout = layoutOf(model);
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
  }
};

const chartTable = (chart: ReportChart): string =>
  [`| ${cell(chart.title)} | |`, '|:---|---:|', ...chart.bars.map((bar) => `| ${cell(bar.label)} | ${bar.value} |`)].join('\n');

const oneLine = (text: string): string => linesOf(text).join(' ');

/**
 * Escapes what Markdown would read as markup: the punctuation of emphasis, links, code, HTML,
 * tables and entities anywhere, and what starts a heading, a list, a quote or a rule at the
 * start of a line.
 */
export const inline = (text: string): string =>
  oneLine(text)
    .replace(/[\\`*_[\]<>|&~]/g, '\\$&')
    .replace(/^(\s*)([#>+=-])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');

const cell = (text: string): string => inline(text);
