import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import PizZip from 'pizzip';
import type { AnnualAnalysis } from '../annual-analysis/annual-analysis.model';
import { stopChartRenderer } from './charts/chart-renderer';
import { renderDocx } from './docx.renderer';
import { DocxTemplateError, fillDocxTemplate } from './docx/docx-template';
import { bakhmut2019Uk } from './fixtures/bakhmut-2019-2020.uk.fixtures';
import { MARKUP_TOPIC, district3En, nothingToReport, withMarkup } from './fixtures/docx-cases.fixtures';
import { annualAnalysisWithEvents } from './fixtures/many-events.fixtures';
import { murygino2020Ru } from './fixtures/murygino-2020-2021.ru.fixtures';
import { layoutOf } from './layout';
import { docxMedia, docxParagraphs, docxText, pngSize } from './testing/docx-text';

const run = promisify(execFile);

afterAll(() => stopChartRenderer());

const part = (docx: Buffer, name: string): string => new PizZip(docx).file(name)!.asText();

describe('renderDocx: the built-in layout', () => {
  let ru: Buffer;
  let uk: Buffer;
  beforeAll(async () => {
    [ru, uk] = await Promise.all([renderDocx(murygino2020Ru), renderDocx(bakhmut2019Uk)]);
  });

  it('prints every fact of the Russian report: title, anchor, theme, composition, goal, tasks, kinds of activity, events, counts, the head', () => {
    const text = docxText(ru);
    const model = murygino2020Ru;
    const facts = [
      'Отчет о работе школьного округа № 3 за 2020/2021 учебный год',
      'базовая школа – МБОУ Мурыгинская СШ',
      '«Качество образования и воспитания в условиях очного, дистанционного и электронного обучения»',
      ...model.composition.members.map((m) => m.name),
      model.plan!.goal!,
      ...model.plan!.tasks.map((t) => t.text),
      ...model.plan!.activityKinds,
      ...model.eventsHeld.flatMap((e) => [e.text, e.topic, ...e.hosts.map((h) => h.name)]),
      'онлайн, платформа Zoom',
      ...model.participation.map((c) => c.text),
      ...model.eventsByKind.map((c) => c.text),
      model.labels.publications,
      ...model.publications.map((p) => p.text),
      model.sections[0].title,
      model.sections[0].text,
      'Руководитель школьного округа № 3',
      'О.И. Лахина',
      '25 июня 2021 г.',
    ];
    for (const fact of facts) expect(text).toContain(fact);
  });

  it('prints the Ukrainian report’s changes with their initiative, the items not held with the reason, the closing and next year', () => {
    const text = docxText(uk);
    const closing = bakhmut2019Uk.closing!;
    const facts = [
      ...bakhmut2019Uk.changes.map((c) => c.text),
      'за ініціативою Управління освіти Бахмутської міської ради',
      bakhmut2019Uk.notHeld[0].text,
      'карантин',
      ...bakhmut2019Uk.outside.map((o) => o.name),
      ...closing.taskResults.map((r) => r.text),
      closing.conclusions!,
      closing.assessment.text,
      ...closing.problems,
      closing.nextYear!.title,
      ...closing.nextYear!.tasks,
      'Керівник освітнього округу, директор НВК № 11',
      '25 жовтня 2020 р.',
    ];
    for (const fact of facts) expect(text).toContain(fact);
  });

  it('numbers the events held as the model does, one paragraph each, the number, a tab, the line', () => {
    const paragraphs = docxParagraphs(ru);
    for (const event of murygino2020Ru.eventsHeld) expect(paragraphs).toContain(`${event.number}.\t${event.text}`);
    const nextYear = docxParagraphs(uk).filter((p) => bakhmut2019Uk.closing!.nextYear!.tasks.some((t) => p.endsWith(t)));
    expect(nextYear).toEqual(bakhmut2019Uk.closing!.nextYear!.tasks.map((t, i) => `${i + 1}.\t${t}`));
  });

  it('prints an event known only to the month as given, with no day', () => {
    const monthOnly = murygino2020Ru.eventsHeld.find((e) => e.precision === 'month')!;
    const line = docxParagraphs(ru).find((p) => p.includes(monthOnly.topic))!;
    expect(line).toBe(`${monthOnly.number}.\t${monthOnly.text}`);
    expect(line.endsWith('в марте 2021 г.')).toBe(true);
    expect(line).not.toMatch(/\d{1,2} марта 2021/);
  });

  it('lays the parts out in the layout’s order: each heading where the layout has it', () => {
    for (const [model, docx] of [[murygino2020Ru, ru], [bakhmut2019Uk, uk]] as const) {
      const headings = layoutOf(model).parts.flatMap((p) => (p.heading ? [p.heading] : []));
      const paragraphs = docxParagraphs(docx);
      const at = headings.map((h) => paragraphs.indexOf(h));
      expect(at).not.toContain(-1);
      expect([...at].sort((a, b) => a - b)).toEqual(at);
    }
  });

  it('leaves out a section with nothing to say, heading and all', () => {
    const ruText = docxParagraphs(ru);
    const { labels } = murygino2020Ru;
    // The Russian report has no changes, projects, agreements, items not held, institutions outside, and no closing.
    for (const label of [labels.changes, labels.projects, labels.agreements, labels.notHeld, labels.outside, labels.taskResults, labels.conclusions, labels.assessment, labels.problems, labels.nextYear]) {
      expect(ruText).not.toContain(label);
    }
    // The Ukrainian one has no theme and no kinds of activity.
    const ukText = docxParagraphs(uk);
    expect(ukText).not.toContain(bakhmut2019Uk.labels.theme);
    expect(ukText).not.toContain(bakhmut2019Uk.labels.activityKinds);
    expect(ukText).toContain(bakhmut2019Uk.labels.changes);
  });

  it('a report with nothing to say is its title and signature block, and no empty paragraphs but the signature’s spacing', async () => {
    const docx = await renderDocx(nothingToReport());
    const text = docxParagraphs(docx);
    for (const label of Object.values(bakhmut2019Uk.labels).filter((l) => l !== bakhmut2019Uk.labels.signature)) expect(text).not.toContain(label);
    expect(text.filter((p) => p.trim() !== '')).toEqual([bakhmut2019Uk.title, bakhmut2019Uk.labels.signature, '25 жовтня 2020 р.']);
    expect(text.filter((p) => p.trim() === '')).toHaveLength(2); // the space before the signature, the empty name
    expect(docxMedia(docx).size).toBe(0);
  });

  it('signs with the position and name, or the label when no position was recorded; an erased name is left blank', async () => {
    expect(docxParagraphs(ru)).toEqual(expect.arrayContaining(['Руководитель школьного округа № 3', 'О.И. Лахина', '25 июня 2021 г.']));
    const unsigned = await renderDocx({ ...murygino2020Ru, signature: { ...murygino2020Ru.signature, position: null, name: null } });
    const paragraphs = docxParagraphs(unsigned);
    expect(paragraphs.slice(-3)).toEqual([murygino2020Ru.labels.signature, '', '25 июня 2021 г.']);
    expect(paragraphs).not.toContain('О.И. Лахина');
  });

  it('embeds each chart as a PNG with its title as the caption', () => {
    const media = docxMedia(uk);
    expect([...media.keys()]).toEqual(['word/media/report-chart-1.png', 'word/media/report-chart-2.png', 'word/media/report-chart-3.png']);
    for (const png of media.values()) expect(pngSize(png)).toEqual({ width: expect.any(Number), height: expect.any(Number) });
    const paragraphs = docxParagraphs(uk);
    for (const chart of bakhmut2019Uk.charts) expect(paragraphs).toContain(chart.title);
    const document = part(uk, 'word/document.xml');
    expect(document.match(/<a:blip r:embed="rIdReportChart\d"\/>/g)).toHaveLength(3);
    expect(part(uk, 'word/_rels/document.xml.rels')).toContain('Target="media/report-chart-3.png"');
  });

  it('draws no chart with no bars, and none when asked not to', async () => {
    const model = { ...murygino2020Ru, charts: murygino2020Ru.charts.map((c) => (c.chart === 'fulfilment' ? { ...c, bars: [] } : c)) };
    expect(docxMedia(await renderDocx(model)).size).toBe(2);
    const without = await renderDocx(murygino2020Ru, { charts: false });
    expect(docxMedia(without).size).toBe(0);
    expect(docxParagraphs(without)).not.toContain('Выполнение плана');
  });

  it('escapes markup in the texts and drops characters XML cannot hold', async () => {
    const docx = await renderDocx(withMarkup());
    const document = part(docx, 'word/document.xml');
    expect(document).not.toMatch(/[\u0001\u0007]/);
    expect(document).not.toContain('<script>');
    expect(docxText(docx)).toContain(`Семинар ${MARKUP_TOPIC} (очно)`);
    expect(docxParagraphs(docx)[0]).toBe(`${murygino2020Ru.title} & </w:t><w:t>`);
    expect(part(docx, 'docProps/core.xml')).toContain('&amp; &lt;/w:t&gt;&lt;w:t&gt;</dc:title>');
  });

  it('marks the text with the report’s language, so spelling and hyphenation follow it', async () => {
    expect(part(ru, 'word/styles.xml')).toContain('<w:lang w:val="ru-RU"');
    expect(part(uk, 'word/styles.xml')).toContain('<w:lang w:val="uk-UA"');
    const en = await renderDocx(district3En, { charts: false });
    expect(part(en, 'word/styles.xml')).toContain('<w:lang w:val="en-GB"');
    expect(part(en, 'docProps/core.xml')).toContain('<dc:language>en-GB</dc:language>');
    expect(docxText(en)).toContain('in March 2021');
  });

  it('lays out a network-year of 1,000 events, every one numbered', async () => {
    const model = annualAnalysisWithEvents(1000);
    const paragraphs = docxParagraphs(await renderDocx(model, { charts: false }));
    expect(paragraphs.filter((p) => /^\d+\.\t/.test(p) && model.eventsHeld.some((e) => p === `${e.number}.\t${e.text}`))).toHaveLength(1000);
  });
});

describe('renderDocx: the same model gives the same bytes', () => {
  it('twice in a row, with the charts', async () => {
    const first = await renderDocx(bakhmut2019Uk);
    const second = await renderDocx(structuredClone(bakhmut2019Uk));
    expect(second.equals(first)).toBe(true);
  });

  it('in any time zone of the machine', async () => {
    // A zip's timestamps are local times; each zone is its own process (Jest's process.env does not reach the clock).
    const root = resolve(__dirname, '../../../..');
    const script =
      "const { renderDocx } = require('./libs/reporting/src/render/docx.renderer');" +
      "const { murygino2020Ru } = require('./libs/reporting/src/render/fixtures/murygino-2020-2021.ru.fixtures');" +
      "renderDocx(murygino2020Ru, { charts: false }).then((docx) => console.log(new Date('2021-06-25T12:00:00Z').getHours(), createHash('sha256').update(docx).digest('hex')));";
    const inZone = async (TZ: string): Promise<[string, string]> => {
      const { stdout } = await run(process.execPath, ['-r', './scripts/run-ts.js', '-e', `const { createHash } = require('node:crypto');${script}`], { cwd: root, env: { ...process.env, TZ } });
      return stdout.trim().split(' ') as [string, string];
    };
    const [[eastHour, east], [westHour, west]] = await Promise.all([inZone('Pacific/Kiritimati'), inZone('Pacific/Pago_Pago')]);
    expect(westHour).not.toBe(eastHour); // the zones did differ
    expect(west).toBe(east);
    expect(east).toBe(createHash('sha256').update(await renderDocx(murygino2020Ru, { charts: false })).digest('hex'));
  });

  it('dates the archive’s entries and the document’s properties with the report’s date, never the time it was written', async () => {
    const docx = await renderDocx(murygino2020Ru, { charts: false });
    const zip = new PizZip(docx);
    for (const file of Object.values(zip.files)) {
      expect([file.date.getFullYear(), file.date.getMonth() + 1, file.date.getDate(), file.date.getHours(), file.date.getMinutes()]).toEqual([2021, 6, 25, 0, 0]);
    }
    const core = zip.file('docProps/core.xml')!.asText();
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2021-06-25T00:00:00Z</dcterms:created>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2021-06-25T00:00:00Z</dcterms:modified>');
    expect(Object.keys(zip.files)[0]).toBe('[Content_Types].xml');
  });

  it('another report date, or a changed fact, is other bytes', async () => {
    const base = await renderDocx(murygino2020Ru, { charts: false });
    const later: AnnualAnalysis = { ...murygino2020Ru, basis: { ...murygino2020Ru.basis, reportDate: '2021-06-26' } };
    expect((await renderDocx(later, { charts: false })).equals(base)).toBe(false);
    const corrected = { ...murygino2020Ru, eventsHeld: murygino2020Ru.eventsHeld.map((e) => ({ ...e, text: e.text.replace('14 апреля', '15 апреля') })) };
    expect((await renderDocx(corrected, { charts: false })).equals(base)).toBe(false);
  });
});

describe('fillDocxTemplate: a template over the model’s fields', () => {
  const template = (body: string): Buffer => {
    const zip = new PizZip();
    zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>');
    zip.file('word/document.xml', `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`);
    return zip.generate({ type: 'nodebuffer' });
  };
  const p = (text: string): string => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
  const options = { title: 't', language: 'uk-UA', date: '2020-10-25' };

  it('reads paths, list items, their numbers and conditions on a list’s length; nothing inherited or missing prints', () => {
    const docx = fillDocxTemplate(
      template(
        p('{title}') + p('{#closing.nextYear.tasks}') + p('{$number}) {.}') + p('{/closing.nextYear.tasks}') +
          p('{#notHeld.length}') + p('{labels.notHeld}: {#notHeld}{reason}{/notHeld}') + p('{/notHeld.length}') +
          p('{#changes.length}') + p('never printed') + p('{/changes.length}') + p('[{constructor}{eventsHeld.length}{nothing.here}]'),
      ),
      { ...bakhmut2019Uk, changes: [] },
      options,
    );
    expect(docxParagraphs(docx)).toEqual([
      bakhmut2019Uk.title,
      `1) ${bakhmut2019Uk.closing!.nextYear!.tasks[0]}`,
      `2) ${bakhmut2019Uk.closing!.nextYear!.tasks[1]}`,
      'Заплановано, але не проведено: карантин',
      `[${bakhmut2019Uk.eventsHeld.length}]`,
    ]);
  });

  it('says what is wrong with a template it cannot fill', () => {
    expect(() => fillDocxTemplate(template(p('{#eventsHeld}') + p('{text}')), murygino2020Ru, options)).toThrow(DocxTemplateError);
  });
});
