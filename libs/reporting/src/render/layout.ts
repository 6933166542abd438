import type { AnnualAnalysis, ReportChart } from '../annual-analysis/annual-analysis.model';
import { isDrawable } from './charts/chart-spec';

/**
 * A report's built-in layout, as data: its parts in order, each with its heading and content,
 * the parts with nothing to say already left out. HTML and Markdown are drawn from it; the
 * built-in DOCX template lays the same parts out in the same order (a test compares them).
 * Nothing here is worded: every text is the model's, headings are its `labels`. The annual
 * analysis's is `layoutOf` (below, in the seeds' order; its template `docx/built-in-template.ts`);
 * the monitoring table's and the department summary's are beside their renderers.
 */
export interface ReportLayout {
  language: AnnualAnalysis['language'];
  /** The page: A4 upright (the annual analysis), or on its side (the wide tables). */
  page: 'portrait' | 'landscape';
  title: string;
  /** "базовая школа – МБОУ Мурыгинская СШ", under the title; null when the network has no anchor. */
  subtitle: string | null;
  parts: LayoutPart[];
  signature: { position: string | null; name: string | null; date: string };
}

export interface LayoutPart {
  /** What the part is: a label's key (`tasks`, `eventsHeld`…), `composition`, `fulfilment`, or `section-<n>` for the department's own. */
  key: string;
  heading: string | null;
  content: LayoutContent[];
}

export type LayoutContent =
  | { type: 'paragraph'; text: string }
  | { type: 'subheading'; text: string }
  | { type: 'numbered'; items: { number: number; text: string }[] }
  | { type: 'bullets'; items: string[] }
  | { type: 'chart'; chart: ReportChart }
  | { type: 'table'; table: LayoutTable };

/**
 * A table as every format prints it: the header row, then the rows, each cell its lines (none:
 * an empty cell). The first column heads its row. The texts are final (the model's, numbers
 * already printed for the language, `figures.ts`); a format only draws the grid.
 */
export interface LayoutTable {
  /** What the table is (`topics`, `networks`…): the key of its placeholder in a DOCX template (`{@table.<key>}`). */
  key: string;
  columns: LayoutColumn[];
  rows: LayoutRow[];
}

export interface LayoutColumn {
  header: string;
  /** Numbers are right-aligned (in Markdown too). */
  align: 'left' | 'right';
  /** Its width in a document, in centimetres; a growing column takes its share of what the others leave. */
  width: number;
  grow?: boolean;
}

export interface LayoutRow {
  cells: string[][];
  /** A totals row (bold). */
  total?: boolean;
}

export const layoutOf = (model: AnnualAnalysis): ReportLayout => {
  const { labels, plan, closing } = model;
  const parts: LayoutPart[] = [];
  const part = (key: string, heading: string | null, ...content: Array<LayoutContent | null>): void => {
    const present = content.filter((c): c is LayoutContent => c !== null);
    if (present.length > 0) parts.push({ key, heading, content: present });
  };
  const paragraph = (text: string | null | undefined): LayoutContent | null => (text ? { type: 'paragraph', text } : null);
  const bullets = (items: readonly string[]): LayoutContent | null => (items.length > 0 ? { type: 'bullets', items: [...items] } : null);
  const numbered = (items: readonly { number: number; text: string }[]): LayoutContent | null =>
    items.length > 0 ? { type: 'numbered', items: items.map(({ number, text }) => ({ number, text })) } : null;
  const charts = new Map(model.charts.filter(isDrawable).map((chart) => [chart.chart, chart]));
  const chart = (code: string): LayoutContent | null => {
    const found = charts.get(code);
    return found ? { type: 'chart', chart: found } : null;
  };
  /** A list's part: its heading, its items, and then its chart (only when it has items). */
  const listPart = (key: keyof typeof labels, list: LayoutContent | null, ...after: Array<LayoutContent | null>): void => {
    if (list) part(key, labels[key], list, ...after);
  };

  part('theme', labels.theme, paragraph(plan?.theme));
  part('composition', null, paragraph(model.composition.text));
  listPart('changes', bullets(model.changes.map((c) => c.text)));
  if (plan) {
    part('goal', labels.goal, paragraph(plan.goal));
    listPart('tasks', numbered(plan.tasks));
    listPart('activityKinds', bullets(plan.activityKinds));
    listPart('projects', bullets(plan.projects.map((p) => p.text)));
    listPart('agreements', bullets(plan.agreements.map((a) => a.text)));
  }
  listPart('eventsHeld', numbered(model.eventsHeld));
  listPart('notHeld', bullets(model.notHeld.map((n) => n.text)));
  part('fulfilment', null, chart('fulfilment'));
  listPart('participation', bullets(model.participation.map((c) => c.text)), chart('participation-by-category'));
  listPart('eventsByKind', bullets(model.eventsByKind.map((c) => c.text)), chart('events-by-kind'));
  listPart('outside', bullets(model.outside.map((o) => o.text)));
  listPart('publications', bullets(model.publications.map((p) => p.text)));
  model.sections.forEach((section, i) => part(`section-${i + 1}`, section.title, paragraph(section.text)));
  if (closing) {
    listPart('taskResults', numbered(closing.taskResults));
    part('conclusions', labels.conclusions, paragraph(closing.conclusions));
    part('assessment', labels.assessment, paragraph(closing.assessment.text));
    listPart('problems', bullets(closing.problems));
    const next = closing.nextYear;
    if (next) {
      part(
        'nextYear',
        next.title || labels.nextYear,
        next.goal ? { type: 'subheading', text: labels.goal } : null,
        paragraph(next.goal),
        numbered(next.tasks.map((text, i) => ({ number: i + 1, text }))),
      );
    }
  }
  return {
    language: model.language,
    page: 'portrait',
    title: model.title,
    subtitle: model.anchor?.text || null,
    parts,
    signature: { position: model.signature.position || labels.signature, name: model.signature.name, date: model.signature.dateText },
  };
};

/** A text's lines (a free-text section may hold several), without empty ones. */
export const linesOf = (text: string): string[] =>
  text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
