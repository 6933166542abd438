import { renderDocx } from '../../libs/reporting/src/render/docx.renderer';
import { renderHtml } from '../../libs/reporting/src/render/html.renderer';
import { renderCharts, stopChartRenderer } from '../../libs/reporting/src/render/charts/chart-renderer';
import { annualAnalysisWithEvents } from '../../libs/reporting/src/render/fixtures/many-events.fixtures';
import { BenchFigure } from './bench-figure';

/**
 * Rendering the annual analysis: a network-year of 1,000 events as DOCX with its three charts
 * (goal < 300 ms), the first one (which starts the chart worker and loads vega) apart from the
 * rest; the same without charts, the charts alone, the HTML preview; and 50 networks' reports
 * of 40 events each one after another (rendering only: the batch's jobs are measured apart).
 */

const EVENTS = 1_000;
const SAMPLES = 20;
const GOAL_MS = 300;
const NETWORKS = 50;

const quantile = (sorted: number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const ms = (value: number): string => `${value.toFixed(1)} ms`;
const timed = async <T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> => {
  const started = process.hrtime.bigint();
  const result = await work();
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, result };
};
const sample = async (work: () => Promise<unknown>): Promise<{ p50: number; p95: number }> => {
  const times: number[] = [];
  for (let i = 0; i < SAMPLES; i++) times.push((await timed(work)).ms);
  times.sort((a, b) => a - b);
  return { p50: quantile(times, 0.5), p95: quantile(times, 0.95) };
};

export async function benchReports(): Promise<BenchFigure[]> {
  await stopChartRenderer();
  const model = annualAnalysisWithEvents(EVENTS);
  try {
    const cold = await timed(() => renderDocx(model));
    const docx = await sample(() => renderDocx(model));
    const plain = await sample(() => renderDocx(model, { charts: false }));
    const charts = await sample(() => renderCharts(model.charts));
    const html = await sample(() => renderHtml(model));
    const small = annualAnalysisWithEvents(40);
    const batch = await timed(async () => {
      for (let n = 0; n < NETWORKS; n++) await renderDocx({ ...small, title: `${small.title} (${n + 1})` });
    });
    return [
      { figure: `annual analysis, ${EVENTS.toLocaleString('en-US')} events, DOCX with 3 charts: p50 / p95 (goal < ${GOAL_MS} ms)`, value: `${ms(docx.p50)} / ${ms(docx.p95)}, ${docx.p95 < GOAL_MS ? 'goal met' : 'over the goal'}` },
      { figure: 'the same, first in the process (starts the chart worker, loads vega)', value: `${ms(cold.ms)}, ${Math.round(cold.result.length / 1024)} KiB` },
      { figure: 'the same without charts: p50 / p95', value: `${ms(plain.p50)} / ${ms(plain.p95)}` },
      { figure: 'its 3 charts alone (SVG and PNG): p50 / p95', value: `${ms(charts.p50)} / ${ms(charts.p95)}` },
      { figure: 'its HTML preview with inline SVG charts: p50 / p95', value: `${ms(html.p50)} / ${ms(html.p95)}` },
      { figure: `${NETWORKS} networks’ DOCX of 40 events each, one after another (rendering only)`, value: `${ms(batch.ms)}, ${ms(batch.ms / NETWORKS)} each` },
    ];
  } finally {
    await stopChartRenderer();
  }
}
