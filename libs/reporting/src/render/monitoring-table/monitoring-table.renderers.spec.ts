import PizZip from 'pizzip';
import type { MonitoringTable } from '../../monitoring-table/monitoring-table.model';
import {
  MONITORING_MARKUP_TOPIC,
  monitoringByKindsUk,
  monitoringBySeriesRu,
  monitoringEightYearsEn,
  monitoringEmpty,
  monitoringWithMarkup,
} from '../fixtures/monitoring-table.fixtures';
import { atAnotherTime } from '../testing/clock';
import { docxParagraphs, docxTables } from '../testing/docx-text';
import { htmlTable, markdownCells, markdownTables } from '../testing/table-text';
import { inline } from '../markdown.renderer';
import { monitoringTableLayout } from './monitoring-table.layout';
import { renderMonitoringTableDocx, renderMonitoringTableHtml, renderMonitoringTableMarkdown } from './monitoring-table.renderers';

const NBSP = '\u00a0';

/** The topics as every format must show them: a row per series, its kind, then each year's events (none: an empty cell). */
const topicsOf = (table: MonitoringTable): string[][][] =>
  table.rows.map((row) => [[row.label], ...(table.rowsBy === 'series' ? [row.kindLabel ? [row.kindLabel] : []] : []), ...row.cells.map((cell) => cell.events.map((e) => e.text))]);

const part = (docx: Buffer, name: string): string => new PizZip(docx).file(name)!.asText();

describe('the monitoring table’s layout', () => {
  it('given series over three years, when laid out, then it is landscape: the topics, the counts, and the date, with no signature', () => {
    const layout = monitoringTableLayout(monitoringBySeriesRu());
    expect(layout.page).toBe('landscape');
    expect(layout.parts.map((p) => [p.key, p.heading])).toEqual([
      ['topics', 'Темы и учреждения'],
      ['counts', 'Количество'],
    ]);
    expect(layout.signature).toEqual({ position: null, name: null, date: '30 июня 2023 г.' });
  });

  it('given an event known only to the academic year in a table by calendar year, when laid out, then it is listed under its own heading with its date as known', () => {
    const layout = monitoringTableLayout(monitoringByKindsUk());
    expect(layout.parts.map((p) => p.key)).toEqual(['topics', 'counts', 'unplaced']);
    expect(layout.parts[2].content).toEqual([{ type: 'bullets', items: ['Рабочие программы по ФГОС, протягом 2022/2023 н. р.'] }]);
  });

  it('given a table with nothing in it, when laid out, then there are no parts, only the title and the date', () => {
    expect(monitoringTableLayout(monitoringEmpty()).parts).toEqual([]);
  });
});

describe('renderMonitoringTableHtml', () => {
  const table = monitoringBySeriesRu();
  const html = renderMonitoringTableHtml(table);

  it('given the table, when rendered, then it is one standalone landscape page in its language, asking for nothing outside itself', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="ru">\n<head>\n<meta charset="utf-8">')).toBe(true);
    expect(html).toContain(`<h1>${table.title}</h1>`);
    expect(html).toContain('<article class="report landscape">');
    expect(html).toContain('@page{size:A4 landscape}');
    expect(html).not.toMatch(/<script|<link|<img|src=|https?:\/\//);
    expect(html).toContain('<footer class="signature">\n<div class="date">30 июня 2023 г.</div>\n</footer>');
  });

  it('given series over three years, when rendered, then each cell lists that year’s events one a line with their hosts, and a year without an event is an empty cell', () => {
    const [header, ...rows] = htmlTable(html, 'topics');
    expect(header).toEqual([['Серия мероприятий'], ['Вид'], ['2020/2021'], ['2021/2022'], ['2022/2023']]);
    expect(rows).toEqual(topicsOf(table));
    expect(rows[0][3]).toEqual([]);
    expect(html).toContain('<td>Адаптация первоклассников (МБОУ Ремонтненская гимназия № 1)<br>Готовность к школе (МБОУ Ремонтненская гимназия № 1; МБОУ Ремонтненская СШ № 2)</td><td></td>');
  });

  it('given the counts, when rendered, then they are right-aligned with totals per row and per year', () => {
    const [header, ...rows] = htmlTable(html, 'counts');
    expect(header.map((c) => c[0])).toEqual(['Серия мероприятий', '2020/2021', '2021/2022', '2022/2023', 'Всего']);
    expect(rows.map((r) => r.map((c) => c[0]))).toEqual([
      ['Консультации для родителей', '2', '0', '1', '3'],
      ['Консультации по составлению рабочих программ', '0', '0', '1', '1'],
      ['Олимпиада младших школьников', '1', '0', '0', '1'],
      ['Всего', '3', '0', '2', '5'],
    ]);
    expect(html).toContain('<tr class="total"><th scope="row">Всего</th><td class="num">3</td>');
  });

  it('given rows by kind, when rendered, then there is no kind column, and the unplaced event is listed with its date', () => {
    const uk = renderMonitoringTableHtml(monitoringByKindsUk());
    expect(htmlTable(uk, 'topics')[0]).toEqual([['Вид заходу'], ['2020'], ['2021'], ['2022']]);
    expect(uk).toContain('<h2>Без точного року (дата відома менш точно, ніж рік таблиці)</h2>\n<ul>\n<li>Рабочие программы по ФГОС, протягом 2022/2023 н. р.</li>\n</ul>');
  });

  it('given markup and control characters in a topic and a host, when rendered, then every text is escaped and the characters dropped', () => {
    const marked = renderMonitoringTableHtml(monitoringWithMarkup());
    expect(marked).not.toContain('<script>');
    expect(marked).not.toContain('<b>');
    expect(marked).not.toMatch(/[\u0001]/);
    expect(htmlTable(marked, 'topics')[1][2]).toEqual([`${MONITORING_MARKUP_TOPIC} (Гимназия <b>№ 1</b> & Co)`]);
    expect(marked).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; «Школа»');
  });

  it('given a table with nothing in it, when rendered, then the page is its title and date', () => {
    const empty = renderMonitoringTableHtml(monitoringEmpty());
    expect(empty).not.toContain('<section');
    expect(empty).not.toContain('<table');
    expect(empty).toContain('<div class="date">30 июня 2023 г.</div>');
  });
});

describe('renderMonitoringTableMarkdown', () => {
  const table = monitoringBySeriesRu();
  const markdown = renderMonitoringTableMarkdown(table);
  const [topics, counts] = markdownTables(markdown);

  it('given the table, when rendered, then it is the title, a `##` heading per part and a GFM table under each, the date after a rule', () => {
    expect(markdown.split('\n')[0]).toBe(`# ${inline(table.title)}`);
    expect(markdown.split('\n').filter((l) => l.startsWith('## '))).toEqual(['## Темы и учреждения', '## Количество']);
    expect(markdown.endsWith('\n\n---\n\n30 июня 2023 г.\n')).toBe(true);
  });

  it('given series over three years, when rendered, then each cell holds its events joined by line breaks, and a year without an event is an empty cell', () => {
    expect(markdownCells(topics[0])).toEqual(['Серия мероприятий', 'Вид', '2020/2021', '2021/2022', '2022/2023']);
    const rows = topics.slice(2).map(markdownCells);
    expect(rows).toEqual(topicsOf(table).map((row) => row.map((cell) => cell.join('<br>'))));
    expect(rows[0][3]).toBe('');
    expect(topics[2]).toMatch(/ \| {11}\| Профориентация/); // the empty year: blanks between two pipes
  });

  it('given the counts, when rendered, then the figures are right-aligned, padded so they stand one under another', () => {
    expect(counts[1]).toMatch(/^\|:-+\|-+:\|-+:\|-+:\|-+:\|$/);
    expect(new Set(counts.map((line) => line.length)).size).toBe(1);
    const pipes = (line: string) => [...line].flatMap((c, i) => (c === '|' ? [i] : []));
    for (const line of counts) expect(pipes(line)).toEqual(pipes(counts[0]));
    expect(counts.slice(2).map(markdownCells)).toEqual([
      ['Консультации для родителей', '2', '0', '1', '3'],
      ['Консультации по составлению рабочих программ', '0', '0', '1', '1'],
      ['Олимпиада младших школьников', '1', '0', '0', '1'],
      ['Всего', '3', '0', '2', '5'],
    ]);
    expect(counts[2].endsWith('|         2 |         0 |         1 |     3 |')).toBe(true);
  });

  it('given a `|` and markup in a topic, when rendered, then they are escaped and the row keeps its cells', () => {
    const [marked] = markdownTables(renderMonitoringTableMarkdown(monitoringWithMarkup()));
    const rows = marked.slice(2).map(markdownCells);
    expect(rows.every((row) => row.length === 5)).toBe(true);
    expect(rows[1][3]).toBe('Программы \\| планы (СШ № 2)');
    expect(rows[0][2]).toBe('\\<script\\>alert("x")\\</script\\> \\& «Школа» \\*№1\\* \\| \\`код\\` \\\\ (Гимназия \\<b\\>№ 1\\</b\\> \\& Co)');
    expect(marked.join('\n')).not.toMatch(/[\u0001]/);
  });

  it('given a table with nothing in it, when rendered, then it is its title and date', () => {
    expect(renderMonitoringTableMarkdown(monitoringEmpty())).toBe(`# ${monitoringEmpty().title}\n\n---\n\n30 июня 2023 г.\n`);
  });

  it('given thousands of events, when counted, then the figures are grouped by the language’s typography', () => {
    const many = monitoringBySeriesRu();
    const row = many.rows[0];
    const big: MonitoringTable = { ...many, rows: [{ ...row, cells: row.cells.map((c) => ({ ...c, count: 12_345 })), total: 37_035 }], totals: [12_345, 12_345, 12_345] };
    const [, countsTable] = markdownTables(renderMonitoringTableMarkdown(big));
    expect(markdownCells(countsTable[2]).slice(1)).toEqual([`12${NBSP}345`, `12${NBSP}345`, `12${NBSP}345`, `37${NBSP}035`]);
  });
});

describe('renderMonitoringTableDocx', () => {
  let ru: Buffer;
  beforeAll(async () => {
    ru = await renderMonitoringTableDocx(monitoringBySeriesRu());
  });

  it('given the table, when rendered, then it lies on landscape A4 pages and its tables’ header rows repeat on every page', () => {
    const document = part(ru, 'word/document.xml');
    expect(document).toContain('<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>');
    expect(document.match(/<w:tblHeader\/>/g)).toHaveLength(2);
    expect(part(ru, 'word/styles.xml')).toContain('<w:lang w:val="ru-RU"');
  });

  it('given series over three years, when rendered, then the topics table holds every cell, a year without an event an empty cell', () => {
    const [topics, counts] = docxTables(ru);
    expect(topics[0]).toEqual([['Серия мероприятий'], ['Вид'], ['2020/2021'], ['2021/2022'], ['2022/2023']]);
    const expected = topicsOf(monitoringBySeriesRu()).map((row) => row.map((cell) => (cell.length === 0 ? [''] : cell)));
    expect(topics.slice(1)).toEqual(expected);
    expect(topics[1][3]).toEqual(['']);
    expect(counts.map((row) => row.map((cell) => cell.join('')))).toEqual([
      ['Серия мероприятий', '2020/2021', '2021/2022', '2022/2023', 'Всего'],
      ['Консультации для родителей', '2', '0', '1', '3'],
      ['Консультации по составлению рабочих программ', '0', '0', '1', '1'],
      ['Олимпиада младших школьников', '1', '0', '0', '1'],
      ['Всего', '3', '0', '2', '5'],
    ]);
  });

  it('given the table, when rendered, then the parts come in the layout’s order, each under its heading, the date last', () => {
    const paragraphs = docxParagraphs(ru);
    expect(paragraphs[0]).toBe(monitoringBySeriesRu().title);
    const headings = monitoringTableLayout(monitoringBySeriesRu()).parts.map((p) => p.heading!);
    const at = headings.map((h) => paragraphs.indexOf(h));
    expect(at).not.toContain(-1);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(paragraphs[paragraphs.length - 1]).toBe('30 июня 2023 г.');
  });

  it('given an unplaced event, when rendered, then it is listed with its date as known; rows by kind have no kind column', async () => {
    const uk = await renderMonitoringTableDocx(monitoringByKindsUk());
    expect(docxParagraphs(uk)).toEqual(expect.arrayContaining(['Без точного року (дата відома менш точно, ніж рік таблиці)', 'Рабочие программы по ФГОС, протягом 2022/2023 н. р.']));
    expect(docxTables(uk)[0][0]).toEqual([['Вид заходу'], ['2020'], ['2021'], ['2022']]);
  });

  it('given eight years, when rendered, then the columns share the landscape page’s width between its margins', async () => {
    const document = part(await renderMonitoringTableDocx(monitoringEightYearsEn()), 'word/document.xml');
    const grid = [.../<w:tblGrid>([\s\S]*?)<\/w:tblGrid>/.exec(document)![1].matchAll(/w:w="(\d+)"/g)].map((m) => Number(m[1]));
    expect(grid).toHaveLength(10);
    const sum = grid.reduce((a, b) => a + b, 0);
    expect(sum).toBeLessThanOrEqual(16838 - 1701 - 850);
    expect(sum).toBeGreaterThan(16838 - 1701 - 850 - 10);
  });

  it('given markup and control characters in a topic and a host, when rendered, then the document holds them as text', async () => {
    const docx = await renderMonitoringTableDocx(monitoringWithMarkup());
    const document = part(docx, 'word/document.xml');
    expect(document).not.toContain('<script>');
    expect(document).not.toContain('<b>');
    expect(document).not.toMatch(/[\u0001]/);
    expect(docxTables(docx)[0][1][2]).toEqual([`${MONITORING_MARKUP_TOPIC} (Гимназия <b>№ 1</b> & Co)`]);
  });

  it('given a table with nothing in it, when rendered, then the document is its title and date, no table', async () => {
    const docx = await renderMonitoringTableDocx(monitoringEmpty());
    expect(docxTables(docx)).toEqual([]);
    expect(docxParagraphs(docx).filter((p) => p !== '')).toEqual([monitoringEmpty().title, '30 июня 2023 г.']);
  });

  it('given the same table, when rendered again later, then the bytes are the same; another report date gives others', async () => {
    const again = await atAnotherTime(() => renderMonitoringTableDocx(structuredClone(monitoringBySeriesRu())));
    expect(again.equals(ru)).toBe(true);
    const later = monitoringBySeriesRu();
    const other = await renderMonitoringTableDocx({ ...later, basis: { ...later.basis, reportDate: '2023-07-01' } });
    expect(other.equals(ru)).toBe(false);
  });
});
