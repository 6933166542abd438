import { stopChartRenderer } from './charts/chart-renderer';
import { bakhmut2019Uk } from './fixtures/bakhmut-2019-2020.uk.fixtures';
import { MARKUP_TOPIC, nothingToReport, withMarkup } from './fixtures/docx-cases.fixtures';
import { murygino2020Ru } from './fixtures/murygino-2020-2021.ru.fixtures';
import { escapeHtml, renderHtml } from './html.renderer';
import { layoutOf } from './layout';

afterAll(() => stopChartRenderer());

describe('renderHtml: a standalone preview page', () => {
  let uk: string;
  let ru: string;
  beforeAll(async () => {
    [uk, ru] = await Promise.all([renderHtml(bakhmut2019Uk), renderHtml(murygino2020Ru)]);
  });

  it('is one page in the report’s language with its title, asking for nothing outside itself and running no script', () => {
    expect(uk.startsWith('<!DOCTYPE html>\n<html lang="uk">\n<head>\n<meta charset="utf-8">')).toBe(true);
    expect(uk).toContain(`<title>${bakhmut2019Uk.title}</title>`);
    expect(uk).toContain(`<h1>${bakhmut2019Uk.title}</h1>`);
    expect(uk).toContain("content=\"default-src 'none'; style-src 'unsafe-inline'\"");
    expect(uk).not.toMatch(/<script|<link|<img|src=|https?:\/\/(?!www\.w3\.org)/);
  });

  it('has a section per part of the layout, in its order, headed by the model’s labels', () => {
    for (const [model, html] of [[bakhmut2019Uk, uk], [murygino2020Ru, ru]] as const) {
      expect([...html.matchAll(/<section class="part" data-part="([^"]+)">/g)].map((m) => m[1])).toEqual(layoutOf(model).parts.map((p) => p.key));
    }
    expect(uk).toContain(`<h2>${bakhmut2019Uk.labels.changes}</h2>`);
    expect(ru).not.toContain(murygino2020Ru.labels.changes);
    expect(ru).not.toContain(murygino2020Ru.labels.outside);
  });

  it('numbers the events with the model’s numbers', () => {
    for (const event of murygino2020Ru.eventsHeld) expect(ru).toContain(`<li value="${event.number}">${escapeHtml(event.text)}</li>`);
    expect(ru).toContain('в марте 2021 г.</li>');
  });

  it('draws the charts as inline SVG with their titles as captions', () => {
    const figures = [...uk.matchAll(/<figure class="chart" data-chart="([^"]+)">\n<svg[\s\S]*?<\/svg>\n<figcaption>([^<]+)<\/figcaption>/g)];
    expect(figures.map((f) => [f[1], f[2]])).toEqual([
      ['fulfilment', 'Виконання плану'],
      ['participation-by-category', 'Учасники заходів'],
      ['events-by-kind', 'Заходи за видами'],
    ]);
  });

  it('without charts, shows each as a table of its bars', async () => {
    const html = await renderHtml(bakhmut2019Uk, { charts: false });
    expect(html).not.toContain('<svg');
    expect(html).toContain('<tr><th scope="row">учні</th><td>64</td></tr>');
  });

  it('escapes every text of the model', async () => {
    const html = await renderHtml(withMarkup());
    expect(html).not.toContain('<script>');
    expect(html).not.toMatch(/[\u0001\u0007]/); // dropped, as in the DOCX
    expect(html).not.toContain('<w:t>');
    expect(html).toContain(escapeHtml(MARKUP_TOPIC));
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;w:t&gt;');
    expect(html).toContain(`<title>${escapeHtml(withMarkup().title)}</title>`);
    expect(html).toContain('&lt;b&gt;&amp;amp;&lt;/b&gt;'); // a chart's label, inside the SVG
  });

  it('a report with nothing to say is its title and the signature block', async () => {
    const html = await renderHtml(nothingToReport());
    expect(html).not.toContain('<section');
    expect(html).toContain(`<div class="position">${bakhmut2019Uk.labels.signature}</div>\n<div class="name"></div>\n<div class="date">25 жовтня 2020 р.</div>`);
  });
});
