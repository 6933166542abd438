import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ReportChart } from '../../annual-analysis/annual-analysis.model';
import { CHART_FONT_FAMILIES, TEXT_WIDTHS, chartSpec } from './chart-spec';

/** A chart drawn: the SVG (for HTML), the PNG (for DOCX and PDF), its size in CSS pixels. */
export interface RenderedChart {
  chart: string;
  title: string;
  svg: string;
  /** Drawn at `scale` times the CSS size (2 by default: sharp in print); null when not asked for. */
  png: Buffer | null;
  width: number;
  height: number;
}

export interface ChartRenderOptions {
  /** Draw the PNG too (DOCX, PDF); the SVG alone serves HTML. Default true. */
  png?: boolean;
  /** The PNG's pixels per CSS pixel. Default 2. */
  scale?: number;
}

/** Drawing a chart failed (the worker's error, or it did not answer in time). */
export class ChartRenderingError extends Error {
  override readonly name = 'ChartRenderingError';
}

/**
 * Draws the charts on the server without a browser: vega-lite compiles the spec, vega renders
 * it to SVG (its headless renderer, text measured by estimate, so no canvas is needed), resvg
 * rasterizes the SVG to PNG with the machine's fonts.
 *
 * vega and vega-lite are ES modules with top-level await: `require()` cannot load them, and
 * neither can Jest's CommonJS runtime `import()` them. So they run in one worker thread, whose
 * code (below, plain JavaScript evaluated by node) loads them with a real `import()` by file URL.
 * That works the same under `npm start`, the build and Jest. The worker starts on the first
 * chart (about 200 ms to load vega), then stays, holding the process open only while it has work.
 */
export const renderCharts = async (charts: readonly ReportChart[], options: ChartRenderOptions = {}): Promise<RenderedChart[]> => {
  if (charts.length === 0) return [];
  const png = options.png ?? true;
  const scale = options.scale ?? 2;
  const drawn = await pool().request(charts.map((chart) => ({ spec: chartSpec(chart), png, scale })));
  return drawn.map((result, i) => {
    const svg = renumberIds(result.svg, `chart-${i + 1}-`);
    const { width, height } = svgSize(svg);
    return {
      chart: charts[i].chart,
      title: charts[i].title,
      svg,
      png: result.png ? Buffer.from(result.png) : null,
      width,
      height,
    };
  });
};

/** Stops the chart worker (tests, shutdown); the next chart starts a new one. */
export const stopChartRenderer = async (): Promise<void> => {
  const current = worker;
  worker = null;
  if (current) await current.stop();
};

/**
 * Vega numbers its clip paths with one counter for the life of the process (`clip7`): the same
 * chart drawn twice would differ, and two pages' charts would not. Each chart's ids are numbered
 * afresh in order of appearance, with the chart's place in the batch before them, so the same
 * charts give the same SVG and the charts of one page never share an id.
 */
const renumberIds = (svg: string, prefix: string): string => {
  const ids = new Map<string, string>();
  for (const [, id] of svg.matchAll(/\sid="([^"]+)"/g)) if (!ids.has(id)) ids.set(id, `${prefix}${ids.size + 1}`);
  if (ids.size === 0) return svg;
  return svg
    .replace(/(\sid=")([^"]+)(")/g, (whole, open: string, id: string, close: string) => `${open}${ids.get(id) ?? id}${close}`)
    .replace(/url\(#([^)]+)\)/g, (whole, id: string) => (ids.has(id) ? `url(#${ids.get(id)})` : whole))
    .replace(/(href=")#([^"]+)(")/g, (whole, open: string, id: string, close: string) => (ids.has(id) ? `${open}#${ids.get(id)}${close}` : whole));
};

const svgSize = (svg: string): { width: number; height: number } => {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const attr = (name: string): number => Number(new RegExp(`\\s${name}="([0-9.]+)"`).exec(root)?.[1] ?? 0);
  return { width: attr('width'), height: attr('height') };
};

interface DrawRequest {
  spec: Record<string, unknown>;
  png: boolean;
  scale: number;
}
interface DrawResult {
  svg: string;
  png: Uint8Array | null;
}

/** How long one batch of charts may take before the worker is deemed stuck and replaced. */
const TIMEOUT_MS = 60_000;

/**
 * The worker's code. It answers `{ id, charts }` with `{ id, results }` or `{ id, error }`; the
 * libraries are loaded once, on the first request.
 */
const WORKER_SOURCE = `
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
let loaded;
const load = () => (loaded ??= Promise.all([import(workerData.vegaLite), import(workerData.vega)]).then(([vl, vega]) => ({
  vl, vega, Resvg: require(workerData.resvg).Resvg,
})));
const quiet = { level() { return this; }, error() {}, warn() {}, info() {}, debug() {} };
// Text measured by the widths in workerData (chart-spec.ts, TEXT_WIDTHS), not vega's rough guess.
const { space, narrow, wide, upper, other } = workerData.widths;
const NARROW = new Set(narrow.chars);
const WIDE = new Set(wide.chars);
const widthOf = (item, text) => {
  const size = item.fontSize != null ? +item.fontSize || 0 : 11;
  let em = 0;
  for (const c of text == null ? '' : String(text).trim()) {
    em += c === ' ' ? space : NARROW.has(c) ? narrow.em : WIDE.has(c) ? wide.em : c !== c.toLowerCase() ? upper : other;
  }
  return em * size;
};
parentPort.on('message', async ({ id, charts }) => {
  try {
    const { vl, vega, Resvg } = await load();
    vega.textMetrics.width = widthOf;
    const results = [];
    for (const { spec, png, scale } of charts) {
      const compiled = vl.compile(spec, { logger: quiet }).spec;
      const view = new vega.View(vega.parse(compiled), { renderer: 'none', logLevel: vega.Error });
      const svg = await view.toSVG();
      view.finalize();
      let image = null;
      if (png) {
        const resvg = new Resvg(svg, {
          fitTo: { mode: 'zoom', value: scale },
          background: 'white',
          font: { loadSystemFonts: true, defaultFontFamily: workerData.fonts[0], sansSerifFamily: workerData.fonts[0] },
        });
        image = new Uint8Array(resvg.render().asPng());
      }
      results.push({ svg, png: image });
    }
    parentPort.postMessage({ id, results });
  } catch (error) {
    parentPort.postMessage({ id, error: String((error && error.stack) || error) });
  }
});
`;

interface Pending {
  resolve: (results: DrawResult[]) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

class ChartWorker {
  private readonly thread: Worker;
  private readonly pending = new Map<number, Pending>();
  private next = 1;
  private dead = false;

  constructor() {
    const resolve = (name: string): string => require.resolve(name);
    this.thread = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        vegaLite: pathToFileURL(resolve('vega-lite')).href,
        vega: pathToFileURL(resolve('vega')).href,
        resvg: resolve('@resvg/resvg-js'),
        fonts: CHART_FONT_FAMILIES,
        widths: TEXT_WIDTHS,
      },
    });
    this.thread.unref();
    this.thread.on('message', (message: { id: number; results?: DrawResult[]; error?: string }) => {
      const waiting = this.pending.get(message.id);
      if (!waiting) return;
      this.settle(message.id);
      if (message.error !== undefined) waiting.reject(new ChartRenderingError(`a chart could not be drawn: ${message.error}`));
      else waiting.resolve(message.results ?? []);
    });
    this.thread.on('error', (error) => this.fail(new ChartRenderingError(`the chart worker failed: ${error.message}`)));
    this.thread.on('exit', (code) => this.fail(new ChartRenderingError(`the chart worker stopped (exit code ${code})`)));
  }

  get alive(): boolean {
    return !this.dead;
  }

  request(charts: DrawRequest[]): Promise<DrawResult[]> {
    return new Promise((resolve, reject) => {
      const id = this.next++;
      const timer = setTimeout(() => {
        this.fail(new ChartRenderingError(`the charts were not drawn within ${TIMEOUT_MS / 1000} s`));
        void this.thread.terminate();
      }, TIMEOUT_MS);
      timer.unref();
      if (this.pending.size === 0) this.thread.ref();
      this.pending.set(id, { resolve, reject, timer });
      this.thread.postMessage({ id, charts });
    });
  }

  async stop(): Promise<void> {
    this.fail(new ChartRenderingError('the chart worker was stopped'));
    await this.thread.terminate();
  }

  private settle(id: number): void {
    const waiting = this.pending.get(id);
    if (!waiting) return;
    clearTimeout(waiting.timer);
    this.pending.delete(id);
    if (this.pending.size === 0) this.thread.unref();
  }

  private fail(error: Error): void {
    this.dead = true;
    for (const [id, waiting] of [...this.pending]) {
      this.settle(id);
      waiting.reject(error);
    }
  }
}

let worker: ChartWorker | null = null;

const pool = (): ChartWorker => {
  if (!worker || !worker.alive) worker = new ChartWorker();
  return worker;
};
