import PizZip from 'pizzip';
import { stopChartRenderer } from '../charts/chart-renderer';
import { SUMMARY_MARKUP_NAME, summaryEmpty, summaryEn, summaryRu, summaryUk, summaryWithMarkup } from '../fixtures/department-summary.fixtures';
import { atAnotherTime } from '../testing/clock';
import { docxMedia, docxParagraphs, docxTables, pngSize } from '../testing/docx-text';
import { htmlTable, markdownCells, markdownTables } from '../testing/table-text';
import { departmentSummaryLayout } from './department-summary.layout';
import { renderDepartmentSummaryDocx, renderDepartmentSummaryHtml, renderDepartmentSummaryMarkdown } from './department-summary.renderers';

afterAll(() => stopChartRenderer());

const NBSP = '\u00a0';
const part = (docx: Buffer, name: string): string => new PizZip(docx).file(name)!.asText();

/** The networks' table as every format must print it (uk): a row per network and the totals. */
const NETWORKS_UK = [
  ['Мережа', 'План', 'Проведено заходів', 'Учасників', 'Виконання плану: план', 'Виконання плану: проведено заходів', 'Виконання плану, %', 'Оцінка', 'Зміна: проведено заходів', 'Зміна: учасників'],
  ['Освітній округ № 1', 'підсумки підбито', '5', '100', '4', '3', `75${NBSP}%`, 'достатній рівень, потребує удосконалення', '+2', '+70'],
  // An approved plan with nothing to compare: no change.
  ['Кластер початкових шкіл', 'затверджено', '2', `12${NBSP}370`, '6', '2', `33${NBSP}%`, '', '', ''],
  // No plan: its events and participants, an empty share (not 0 %).
  ['Рада директорів', 'немає плану', '2', '12', '0', '0', '', '', '', ''],
  ['Усього', '2 / 3', '9', `12${NBSP}482`, '10', '5', `50${NBSP}%`, '', '+6', `+12${NBSP}452`],
];

describe('the department summary’s layout', () => {
  it('given networks with plans, events and participants, when laid out, then it is landscape: the networks with the fulfilment chart, events by kind with its chart, participants, plan statuses, the date', () => {
    const layout = departmentSummaryLayout(summaryUk());
    expect(layout.page).toBe('landscape');
    expect(layout.parts.map((p) => [p.key, p.heading, p.content.map((c) => (c.type === 'chart' ? `chart ${c.chart.chart}` : c.type))])).toEqual([
      ['networks', null, ['table', 'chart fulfilment']],
      ['eventsByKind', 'Проведено заходів', ['table', 'chart events-by-kind']],
      ['participationByCategory', 'Учасників', ['table']],
      ['planStatuses', 'План', ['table']],
    ]);
    expect(layout.signature).toEqual({ position: null, name: null, date: '30 червня 2021 р.' });
  });

  it('given no network in either period, when laid out, then there is nothing but the title and the date', () => {
    expect(departmentSummaryLayout(summaryEmpty()).parts).toEqual([]);
  });
});

describe('renderDepartmentSummaryHtml', () => {
  let uk: string;
  beforeAll(async () => {
    uk = await renderDepartmentSummaryHtml(summaryUk());
  });

  it('given the summary, when rendered, then it is one standalone landscape page in its language, asking for nothing outside itself', () => {
    expect(uk.startsWith('<!DOCTYPE html>\n<html lang="uk">')).toBe(true);
    expect(uk).toContain(`<h1>${summaryUk().title}</h1>`);
    expect(uk).toContain('<article class="report landscape">');
    expect(uk).not.toMatch(/<script|<link|<img|src=|https?:\/\/(?!www\.w3\.org)/);
  });

  it('given the networks, when rendered, then each row has its plan, figures printed for the language, fulfilment and change, an empty cell where there is nothing to say', () => {
    expect(htmlTable(uk, 'networks').map((row) => row.map((cell) => cell.join('\n')))).toEqual(NETWORKS_UK);
    expect(uk).toContain(`<tr class="total"><th scope="row">Усього</th>`);
  });

  it('given counts by kind, category and plan status, when rendered, then each is a table of this period, the one before and the change', () => {
    expect(htmlTable(uk, 'eventsByKind').map((row) => row.map((cell) => cell.join('')))).toEqual([
      ['', '2020/2021', '2019/2020', 'Зміна'],
      ['семінар', '5', '3', '+2'],
      ['етап олімпіади', '4', '0', '+4'],
    ]);
    expect(htmlTable(uk, 'participationByCategory')[1].map((cell) => cell.join(''))).toEqual(['учні', `12${NBSP}405`, '0', `+12${NBSP}405`]);
    expect(htmlTable(uk, 'planStatuses').slice(1).map((row) => row[0][0])).toEqual(['затверджено', 'підсумки підбито', 'немає плану']);
  });

  it('given its charts, when rendered, then they are inline SVG with their titles as captions, each after its table', () => {
    const figures = [...uk.matchAll(/<figure class="chart" data-chart="([^"]+)">\n<svg[\s\S]*?<\/svg>\n<figcaption>([^<]+)<\/figcaption>/g)];
    expect(figures.map((f) => [f[1], f[2]])).toEqual([
      ['fulfilment', 'Частка проведених запланованих заходів, %'],
      ['events-by-kind', 'Заходи за видами'],
    ]);
    expect(uk.indexOf('data-chart="fulfilment"')).toBeGreaterThan(uk.indexOf('data-table="networks"'));
    expect(uk.indexOf('data-chart="events-by-kind"')).toBeGreaterThan(uk.indexOf('data-table="eventsByKind"'));
  });

  it('given no charts wanted, when rendered, then each chart is a table of its bars', async () => {
    const html = await renderDepartmentSummaryHtml(summaryUk(), { charts: false });
    expect(html).not.toContain('<svg');
    expect(html).toContain('<tr><th scope="row">Освітній округ № 1</th><td>75</td></tr>');
  });

  it('given markup and control characters in a network’s name and an assessment, when rendered, then every text is escaped and the characters dropped', async () => {
    const html = await renderDepartmentSummaryHtml(summaryWithMarkup());
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>');
    expect(html).not.toMatch(/[\u0007]/);
    const [, district] = htmlTable(html, 'networks');
    expect(district[0]).toEqual([SUMMARY_MARKUP_NAME]);
    expect(district[7]).toEqual(['достаточный уровень, a </w:t><w:t> & <b>']);
  });

  it('given no network in either period, when rendered, then the page is its title and date', async () => {
    const html = await renderDepartmentSummaryHtml(summaryEmpty());
    expect(html).not.toContain('<section');
    expect(html).toContain('<footer class="signature">\n<div class="date">30 червня 2021 р.</div>\n</footer>');
  });
});

describe('renderDepartmentSummaryMarkdown', () => {
  const markdown = renderDepartmentSummaryMarkdown(summaryUk());
  const tables = markdownTables(markdown);

  it('given the summary, when rendered, then the networks’ figures are right-aligned and stand one under another, the empty cells empty', () => {
    const networks = tables[0];
    expect(networks.map(markdownCells).filter((_, i) => i !== 1)).toEqual(NETWORKS_UK);
    expect(markdownCells(networks[1]).map((rule) => (rule.startsWith(':') ? 'left' : 'right'))).toEqual(['left', 'left', 'right', 'right', 'right', 'right', 'right', 'left', 'right', 'right']);
    expect(new Set(networks.map((line) => [...line].length)).size).toBe(1);
    const ends = (line: string, column: number) => line.split(/(?<!\\)\|/).slice(0, column + 2).join('|').length;
    for (const line of networks) expect(ends(line, 3)).toBe(ends(networks[0], 3)); // participants end in one column
    expect(networks[3]).toContain(`|    12${NBSP}370 |`);
  });

  it('given the charts, when rendered, then each is a table of its bars after its table, and the parts are headed', () => {
    expect(markdown).toContain('| Частка проведених запланованих заходів, % | |\n|:---|---:|\n| Освітній округ № 1 | 75 |\n| Кластер початкових шкіл | 33 |');
    expect(markdown.split('\n').filter((l) => l.startsWith('## '))).toEqual(['## Проведено заходів', '## Учасників', '## План']);
    expect(markdown.endsWith('---\n\n30 червня 2021 р.\n')).toBe(true);
  });

  it('given a `|` and markup in a network’s name, when rendered, then they are escaped and its row keeps its ten cells', () => {
    const [networks] = markdownTables(renderDepartmentSummaryMarkdown(summaryWithMarkup()));
    const cells = markdownCells(networks[2]);
    expect(cells).toHaveLength(10);
    expect(cells[0]).toBe('\\<script\\>alert("x")\\</script\\> \\& «Округ» \\*№1\\* \\| \\`2\\` \\\\');
    expect(networks.join('\n')).not.toMatch(/[\u0007]/);
  });
});

describe('renderDepartmentSummaryDocx', () => {
  let uk: Buffer;
  beforeAll(async () => {
    uk = await renderDepartmentSummaryDocx(summaryUk());
  });

  it('given the summary, when rendered, then it lies on landscape pages and its tables hold every cell as the other formats print it', () => {
    expect(part(uk, 'word/document.xml')).toContain('w:orient="landscape"');
    const [networks, kinds, categories, statuses] = docxTables(uk);
    expect(networks.map((row) => row.map((cell) => cell.join('\n')))).toEqual(NETWORKS_UK);
    expect(kinds.map((row) => row.map((cell) => cell.join('')))).toEqual([
      ['', '2020/2021', '2019/2020', 'Зміна'],
      ['семінар', '5', '3', '+2'],
      ['етап олімпіади', '4', '0', '+4'],
    ]);
    expect(categories).toHaveLength(3);
    expect(statuses).toHaveLength(4);
  });

  it('given its charts, when rendered, then each is a PNG with its title as the caption, in the layout’s order with the headings', () => {
    const media = docxMedia(uk);
    expect([...media.keys()]).toEqual(['word/media/report-chart-1.png', 'word/media/report-chart-2.png']);
    for (const png of media.values()) expect(pngSize(png)).toEqual({ width: expect.any(Number), height: expect.any(Number) });
    // Outside the tables (whose headers say "Проведено заходів" too), each after the one before.
    expect(docxParagraphs(uk, { outsideTables: true }).filter((p) => p !== '')).toEqual([
      summaryUk().title,
      'Частка проведених запланованих заходів, %',
      'Проведено заходів',
      'Заходи за видами',
      'Учасників',
      'План',
      '30 червня 2021 р.',
    ]);
  });

  it('given no charts wanted, when rendered, then there is no picture and no caption', async () => {
    const docx = await renderDepartmentSummaryDocx(summaryEn(), { charts: false });
    expect(docxMedia(docx).size).toBe(0);
    expect(docxParagraphs(docx)).not.toContain('Events by kind');
    expect(docxTables(docx)[0][4].map((cell) => cell.join(''))).toEqual(['Total', '2 / 3', '9', '12,482', '10', '5', '50%', '', '+6', '+12,452']);
  });

  it('given markup and control characters, when rendered, then the document holds them as text', async () => {
    const docx = await renderDepartmentSummaryDocx(summaryWithMarkup(), { charts: false });
    const document = part(docx, 'word/document.xml');
    expect(document).not.toContain('<script>');
    expect(document).not.toMatch(/[\u0007]/);
    expect(docxTables(docx)[0][1][0]).toEqual([SUMMARY_MARKUP_NAME]);
    expect(docxTables(docx)[0][1][7]).toEqual(['достаточный уровень, a </w:t><w:t> & <b>']);
  });

  it('given no network in either period, when rendered, then the document is its title and date, no table and no picture', async () => {
    const docx = await renderDepartmentSummaryDocx(summaryEmpty());
    expect(docxTables(docx)).toEqual([]);
    expect(docxMedia(docx).size).toBe(0);
    expect(docxParagraphs(docx).filter((p) => p !== '')).toEqual([summaryEmpty().title, '30 червня 2021 р.']);
  });

  it('given the same summary, when rendered again later, then the bytes are the same, charts and all; a changed figure gives others', async () => {
    const again = await atAnotherTime(() => renderDepartmentSummaryDocx(structuredClone(summaryUk())));
    expect(again.equals(uk)).toBe(true);
    const changed = summaryUk();
    changed.networks[0] = { ...changed.networks[0], eventsHeld: 6 };
    expect((await renderDepartmentSummaryDocx(changed)).equals(uk)).toBe(false);
  });

  it('given the summary in Russian, when rendered, then its text is marked Russian', async () => {
    const ru = await renderDepartmentSummaryDocx(summaryRu(), { charts: false });
    expect(part(ru, 'word/styles.xml')).toContain('<w:lang w:val="ru-RU"');
    expect(part(ru, 'docProps/core.xml')).toContain('<dc:language>ru-RU</dc:language>');
  });
});
