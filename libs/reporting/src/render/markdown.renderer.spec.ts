import { bakhmut2019Uk } from './fixtures/bakhmut-2019-2020.uk.fixtures';
import { nothingToReport, withMarkup } from './fixtures/docx-cases.fixtures';
import { murygino2020Ru } from './fixtures/murygino-2020-2021.ru.fixtures';
import { layoutOf } from './layout';
import { inline, renderMarkdown } from './markdown.renderer';

const lines = (markdown: string): string[] => markdown.split('\n');

describe('renderMarkdown', () => {
  const ru = renderMarkdown(murygino2020Ru);
  const uk = renderMarkdown(bakhmut2019Uk);

  it('is the title, the anchor, then a `##` heading per part in the layout’s order', () => {
    expect(lines(ru).slice(0, 3)).toEqual([`# ${murygino2020Ru.title}`, '', 'базовая школа – МБОУ Мурыгинская СШ']);
    for (const [model, markdown] of [[murygino2020Ru, ru], [bakhmut2019Uk, uk]] as const) {
      const headings = lines(markdown).filter((l) => l.startsWith('## ')).map((l) => l.slice(3));
      expect(headings).toEqual(layoutOf(model).parts.flatMap((p) => (p.heading ? [inline(p.heading)] : [])));
    }
  });

  it('numbers the events with the model’s numbers, one line each, a month-only date as given', () => {
    const events = lines(ru).filter((l) => /^\d+\. /.test(l) && murygino2020Ru.eventsHeld.some((e) => l.includes(e.topic)));
    expect(events).toEqual(murygino2020Ru.eventsHeld.map((e) => `${e.number}. ${e.text}`));
    expect(events[2].endsWith('в марте 2021 г.')).toBe(true);
  });

  it('lists the items as `-` lines, each chart as a table of its bars', () => {
    expect(uk).toContain(`- ${bakhmut2019Uk.notHeld[0].text}\n`);
    expect(uk).toContain('| Учасники заходів | |\n|:---|---:|\n| педагоги | 38 |\n| учні | 64 |\n| батьки | 21 |');
  });

  it('leaves out a section with nothing to say', () => {
    for (const label of [murygino2020Ru.labels.changes, murygino2020Ru.labels.outside, murygino2020Ru.labels.notHeld, murygino2020Ru.labels.conclusions]) {
      expect(ru).not.toContain(label);
    }
    expect(renderMarkdown(nothingToReport())).toBe(`# ${inline(bakhmut2019Uk.title)}\n\n---\n\n${bakhmut2019Uk.labels.signature}\\\n25 жовтня 2020 р.\n`);
  });

  it('ends with the signature block after a rule, its lines joined by hard breaks', () => {
    expect(ru.endsWith('---\n\nРуководитель школьного округа № 3\\\nО.И. Лахина\\\n25 июня 2021 г.\n')).toBe(true);
  });

  it('escapes what Markdown would read as markup, at the start of a line and inside it', () => {
    expect(inline('*Школа* #1 [a](b) <b> | ` \\ & _x_ ~y~')).toBe('\\*Школа\\* #1 \\[a\\](b) \\<b\\> \\| \\` \\\\ \\& \\_x\\_ \\~y\\~');
    expect(inline('# не заголовок')).toBe('\\# не заголовок');
    expect(inline('2021. не список')).toBe('2021\\. не список');
    expect(inline('- не пункт')).toBe('\\- не пункт');
    const markdown = renderMarkdown(withMarkup());
    expect(markdown).not.toContain('<script>');
    expect(markdown).not.toMatch(/[\u0001\u0007]/);
    expect(markdown).toContain('\\<script\\>alert("x")\\</script\\> \\& \\<w:t\\>«Школа» \\*№1\\* #2 \\[ссылка\\](http://example.org) \\| \\` \\\\');
  });
});
