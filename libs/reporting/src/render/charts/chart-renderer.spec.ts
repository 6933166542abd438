import { Resvg } from '@resvg/resvg-js';
import type { ReportChart } from '../../annual-analysis/annual-analysis.model';
import { bakhmut2019Uk } from '../fixtures/bakhmut-2019-2020.uk.fixtures';
import { pngSize } from '../testing/docx-text';
import { renderCharts, stopChartRenderer } from './chart-renderer';
import { CHART_FONT, CHART_FONT_FAMILIES, chartSpec, fitLabel, textWidth } from './chart-spec';

afterAll(() => stopChartRenderer());

const chart = (bars: ReportChart['bars'], title = 'Заходи за видами'): ReportChart => ({ chart: 'events-by-kind', title, bars });

/** Dark pixels of an SVG drawn with the fonts the charts use. */
const inkOf = (svg: string): number => {
  const pixels = new Resvg(svg, { font: { loadSystemFonts: true, defaultFontFamily: CHART_FONT_FAMILIES[0] } }).render().pixels;
  let ink = 0;
  for (let i = 0; i < pixels.length; i += 4) if (pixels[i + 3] > 0 && pixels[i] < 128) ink++;
  return ink;
};

describe('charts drawn on the server', () => {
  it('draws each chart as SVG and as a PNG twice its size', async () => {
    const drawn = await renderCharts(bakhmut2019Uk.charts);
    expect(drawn.map((c) => [c.chart, c.title])).toEqual(bakhmut2019Uk.charts.map((c) => [c.chart, c.title]));
    for (const c of drawn) {
      expect(c.svg.startsWith('<svg')).toBe(true);
      expect(c.png!.length).toBeGreaterThan(1000);
      expect(pngSize(c.png!)).toEqual({ width: c.width * 2, height: c.height * 2 });
    }
  });

  it('draws Cyrillic: the machine has a font with it among those the charts ask for', () => {
    // Without such a font resvg draws nothing for the labels: this says so plainly rather than a blank chart.
    const text = (label: string): string =>
      `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><text x="4" y="28" font-size="20" font-family="${CHART_FONT}">${label}</text></svg>`;
    expect(inkOf(text('Семінари, учні, батьки'))).toBeGreaterThan(200);
  });

  it('labels the bars in Cyrillic: the labels’ text is in the SVG and is drawn', async () => {
    const [withLabels] = await renderCharts([chart([{ label: 'педконсиліуми', value: 2 }, { label: 'засідання', value: 3 }])], { png: false });
    expect(withLabels.svg).toContain('педконсиліуми');
    expect(withLabels.svg).toContain('засідання');
    const [blank] = await renderCharts([chart([{ label: '', value: 2 }, { label: ' ', value: 3 }])], { png: false });
    expect(inkOf(withLabels.svg)).toBeGreaterThan(inkOf(blank.svg) + 100);
  });

  it('the same charts are the same SVG and PNG every time, and the charts of one batch share no id', async () => {
    const first = await renderCharts(bakhmut2019Uk.charts);
    const second = await renderCharts(bakhmut2019Uk.charts);
    expect(second.map((c) => c.svg)).toEqual(first.map((c) => c.svg));
    expect(second.map((c) => c.png!.toString('base64'))).toEqual(first.map((c) => c.png!.toString('base64')));
    const ids = first.flatMap((c) => [...c.svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of first) for (const [, ref] of c.svg.matchAll(/url\(#([^)]+)\)/g)) expect(ids).toContain(ref);
  });

  it('escapes the labels in the SVG', async () => {
    const [drawn] = await renderCharts([chart([{ label: '<script>alert(1)</script> & «школа»', value: 1 }])], { png: false });
    expect(drawn.svg).not.toContain('<script');
    expect(drawn.svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; «школа»');
  });

  it('keeps two bars with the same label two bars, in the model’s order', async () => {
    const spec = chartSpec(chart([{ label: 'б', value: 1 }, { label: 'а', value: 5 }, { label: 'б', value: 2 }]));
    expect((spec.data as { values: unknown[] }).values).toEqual([
      { index: 0, label: 'б', value: 1 },
      { index: 1, label: 'а', value: 5 },
      { index: 2, label: 'б', value: 2 },
    ]);
    const [drawn] = await renderCharts([chart([{ label: 'б', value: 1 }, { label: 'а', value: 5 }, { label: 'б', value: 2 }])], { png: false });
    expect(drawn.svg.match(/<path[^>]*aria-roledescription="bar"/g)).toHaveLength(3);
  });

  it('cuts a label too long for the chart with an ellipsis, and leaves a short one whole', async () => {
    const long = 'засідання методичних об’єднань та круглі столи з питань наступності дошкільної та початкової освіти';
    expect(fitLabel('педконсиліуми', 15, 340)).toBe('педконсиліуми');
    const cut = fitLabel(long, 15, 340);
    expect(cut.endsWith('…')).toBe(true);
    expect(long.startsWith(cut.slice(0, -1))).toBe(true);
    expect(textWidth(cut, 15)).toBeLessThanOrEqual(340);
    const [drawn] = await renderCharts([chart([{ label: long, value: 12 }])], { png: false });
    expect(drawn.svg).toContain(`>${cut}</text>`);
    expect(drawn.width).toBeLessThan(840);
  });

  it('draws a chart of zeros (nothing held is something to say)', async () => {
    const [drawn] = await renderCharts([chart([{ label: 'проведено', value: 0 }, { label: 'не проведено', value: 0 }])]);
    expect(pngSize(drawn.png!)).not.toBeNull();
  });

  it('draws nothing for no charts', async () => {
    await stopChartRenderer();
    expect(await renderCharts([])).toEqual([]);
  });
});
