import type { AnnualAnalysis } from '../annual-analysis/annual-analysis.model';
import { renderCharts } from './charts/chart-renderer';
import { isDrawable } from './charts/chart-spec';
import { builtInDocxTemplate, languageTag } from './docx/built-in-template';
import { fillDocxTemplate } from './docx/docx-template';

export interface DocxRenderOptions {
  /** Draw the model's charts into the document (PNG). Default true. */
  charts?: boolean;
  /** A DOCX template over the model's fields; the built-in layout of the model's language when left out. */
  template?: Buffer;
}

/**
 * The annual analysis as a DOCX: the built-in layout (docs/reporting.md, "Rendering") or the
 * template given, the charts as pictures. The same model gives the same bytes: the archive and
 * the document's properties are dated with the report's date (`basis.reportDate`), nothing in
 * it is random.
 */
export const renderDocx = async (model: AnnualAnalysis, options: DocxRenderOptions = {}): Promise<Buffer> => {
  const charts = options.charts === false ? [] : await renderCharts(model.charts.filter(isDrawable), { png: true });
  return fillDocxTemplate(options.template ?? builtInDocxTemplate(model.language), model, {
    pictures: charts.map((chart) => ({ key: chart.chart, png: chart.png!, width: chart.width, height: chart.height, caption: chart.title })),
    title: model.title,
    language: languageTag(model.language),
    date: model.basis.reportDate,
  });
};
