import type { ReportChart } from '../../annual-analysis/annual-analysis.model';

/**
 * The fonts the charts ask for, in order: the first one the machine has is drawn with. Each of
 * them has Cyrillic; without any of them the labels come out blank (docs/reporting.md, "Charts").
 */
export const CHART_FONT_FAMILIES = ['DejaVu Sans', 'Liberation Sans', 'Noto Sans', 'Arial'] as const;
export const CHART_FONT = [...CHART_FONT_FAMILIES, 'sans-serif'].join(', ');

/**
 * How wide text is, in em, character by character: the widths of DejaVu Sans and the like. Vega
 * without a canvas guesses 0.8 em a character, which cuts labels short and leaves room for twice
 * their length; the chart worker measures with these instead, and long labels are cut to fit here.
 */
export const TEXT_WIDTHS = {
  space: 0.32,
  narrow: { chars: "iіїlj.,:;!|'’()[]ftrІЇI1", em: 0.34 },
  wide: { chars: 'mwшщжмюфыMWШЩЖМЮФЫ—', em: 0.86 },
  upper: 0.72,
  other: 0.62,
} as const;

const NARROW = new Set(TEXT_WIDTHS.narrow.chars);
const WIDE = new Set(TEXT_WIDTHS.wide.chars);

/** A text's width in pixels at a font size, by `TEXT_WIDTHS`. */
export const textWidth = (text: string, fontSize: number): number => {
  let em = 0;
  for (const c of text) {
    em += c === ' ' ? TEXT_WIDTHS.space : NARROW.has(c) ? TEXT_WIDTHS.narrow.em : WIDE.has(c) ? TEXT_WIDTHS.wide.em : c !== c.toLowerCase() ? TEXT_WIDTHS.upper : TEXT_WIDTHS.other;
  }
  return em * fontSize;
};

/** A label cut with an ellipsis to fit `limit` pixels (whole when it fits). */
export const fitLabel = (label: string, fontSize: number, limit: number): string => {
  const text = label.trim();
  if (textWidth(text, fontSize) <= limit) return text;
  const chars = [...text];
  while (chars.length > 0 && textWidth(`${chars.join('').trimEnd()}…`, fontSize) > limit) chars.pop();
  return `${chars.join('').trimEnd()}…`;
};

const LABEL_SIZE = 15;
const LABEL_LIMIT = 340;

/** A chart worth drawing: it has bars. (Bars of 0 are drawn: "0 not held" is something to say.) */
export const isDrawable = (chart: ReportChart): boolean => chart.bars.length > 0;

/**
 * The vega-lite spec of a report's chart: horizontal bars in the model's order, each labelled
 * with its value, the labels on the left (they are long words in Cyrillic: horizontal bars
 * read better than rotated ticks). The data is inline and nothing is loaded. The title is not
 * drawn: the documents print it as the figure's caption (text a reader can search and copy).
 *
 * Bars are keyed by their position, so two bars with the same label stay two bars. A label longer
 * than 340 px is cut with an ellipsis (the document lists the counts in full beside the chart).
 */
export const chartSpec = (chart: ReportChart): Record<string, unknown> => {
  const values = chart.bars.map((bar, index) => ({ index, label: bar.label, value: bar.value }));
  const integers = chart.bars.every((bar) => Number.isInteger(bar.value));
  const format = integers ? 'd' : '.1~f';
  const max = Math.max(0, ...chart.bars.map((bar) => bar.value));
  // Vega's expression language reads JSON string literals as string literals.
  const labels = JSON.stringify(chart.bars.map((bar) => fitLabel(bar.label, LABEL_SIZE, LABEL_LIMIT))).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 420,
    height: { step: 30 },
    background: 'white',
    padding: 8,
    data: { values },
    encoding: {
      y: {
        field: 'index',
        type: 'ordinal',
        sort: null,
        axis: { title: null, labelExpr: `${labels}[datum.value]`, labelLimit: 0, labelFontSize: LABEL_SIZE, ticks: false, labelPadding: 6, domain: false },
      },
      x: {
        field: 'value',
        type: 'quantitative',
        // All zeros still get an axis from 0 to 1 rather than a point.
        scale: max === 0 ? { domain: [0, 1] } : { domainMin: 0, nice: true },
        axis: { title: null, format, tickMinStep: integers ? 1 : undefined, labelFontSize: 13, grid: true, gridColor: '#e3e3e3' },
      },
    },
    layer: [
      { mark: { type: 'bar', color: '#3f6fa8', cornerRadiusEnd: 2 } },
      {
        mark: { type: 'text', align: 'left', baseline: 'middle', dx: 4, fontSize: 14, color: '#222222' },
        encoding: { text: { field: 'value', type: 'quantitative', format } },
      },
    ],
    config: { font: CHART_FONT, view: { stroke: null }, axis: { labelColor: '#222222' } },
  };
};
