import PizZip from 'pizzip';
import { PROFILE_MARKUP_TOPIC, profileEmpty, profileEn, profileRu, profileUk, profileWithMarkup } from '../fixtures/institution-profile.fixtures';
import type { ReportLayout } from '../layout';
import { atAnotherTime } from '../testing/clock';
import { docxParagraphs } from '../testing/docx-text';
import { institutionProfileLayout } from './institution-profile.layout';
import { renderInstitutionProfileDocx, renderInstitutionProfileHtml, renderInstitutionProfileMarkdown } from './institution-profile.renderers';

/** The paragraphs a layout must come out as in the DOCX: title, subtitle, each part's heading and items (numbered "n.\ttext"), the date. */
const paragraphsOf = (layout: ReportLayout): string[] => [
  layout.title,
  ...(layout.subtitle ? [layout.subtitle] : []),
  ...layout.parts.flatMap((part) => [
    ...(part.heading ? [part.heading] : []),
    ...part.content.flatMap((c) =>
      c.type === 'paragraph' ? [c.text] : c.type === 'bullets' ? c.items : c.type === 'numbered' ? c.items.map((i) => `${i.number}.\t${i.text}`) : [],
    ),
  ]),
  '',
  layout.signature.date,
];

describe('the institution profile’s layout', () => {
  it('given an institution renamed, moved between districts, with events, when laid out, then it is upright: its names, its networks, the events hosted and taken part in, numbered, counted by kind, the date', () => {
    const layout = institutionProfileLayout(profileUk());
    expect(layout.page).toBe('portrait');
    expect(layout.title).toBe('Профіль закладу: ЗОШ № 7');
    expect(layout.subtitle).toBe('Бахмутська загальноосвітня школа І–ІІІ ступенів № 7, м. Бахмут');
    expect(layout.parts.map((p) => [p.key, p.heading, p.content.map((c) => c.type)])).toEqual([
      ['names', 'Попередні назви', ['bullets']],
      ['networks', 'Мережі, до яких входив заклад', ['bullets']],
      ['hosted', 'Заходи, які заклад проводив', ['numbered']],
      ['tookPart', 'Заходи, у яких заклад брав участь', ['numbered']],
      ['eventsByKind', 'Заходи за видами', ['bullets']],
    ]);
    expect(layout.parts[3].content).toEqual([
      {
        type: 'numbered',
        items: [
          { number: 1, text: 'Семінар «Наступність дошкільної та початкової освіти», у лютому 2020 р.' },
          { number: 2, text: 'Семінар «Семінар сусіднього округу», 3 березня 2020 р. (поза мережами заходу)' },
        ],
      },
    ]);
    expect(layout.signature).toEqual({ position: null, name: null, date: '30 червня 2020 р.' });
  });

  it('given the days its events were asked for, when laid out, then they are said before the events', () => {
    const layout = institutionProfileLayout(profileRu());
    expect(layout.parts.map((p) => p.key)).toEqual(['names', 'networks', 'period', 'hosted', 'tookPart', 'eventsByKind']);
    expect(layout.parts[2]).toEqual({ key: 'period', heading: null, content: [{ type: 'paragraph', text: 'Мероприятия с 1 сентября 2019 г. по 31 мая 2020 г.' }] });
  });

  it('given an institution with nothing recorded, when laid out, then there are no parts, only the title, its name and the date', () => {
    const layout = institutionProfileLayout(profileEmpty());
    expect(layout.parts).toEqual([]);
    expect(layout.subtitle).toBe('Бахмутська загальноосвітня школа І–ІІІ ступенів № 7, м. Бахмут');
  });
});

describe('renderInstitutionProfileHtml and renderInstitutionProfileMarkdown', () => {
  it('given the profile, when rendered as HTML, then it is one standalone page in its language with the layout’s parts, asking for nothing outside itself', () => {
    const html = renderInstitutionProfileHtml(profileUk());
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="uk">')).toBe(true);
    expect(html).toContain('<h1>Профіль закладу: ЗОШ № 7</h1>');
    expect(html).toContain('<h2>Мережі, до яких входив заклад</h2>');
    expect(html).toContain('<li>З 1 вересня 2019 р. дотепер: Освітній округ НВК № 11 (освітній округ), учасник</li>');
    expect(html).not.toMatch(/<script|<link|<img|src=|https?:\/\//);
  });

  it('given the profile, when rendered as Markdown, then it is the title, the name, a `##` heading per part, numbered events, the date after a rule', () => {
    const markdown = renderInstitutionProfileMarkdown(profileEn());
    expect(markdown.split('\n').slice(0, 3)).toEqual(['# Institution profile: ЗОШ № 7', '', 'Бахмутська загальноосвітня школа І–ІІІ ступенів № 7, м. Бахмут']);
    expect(markdown.split('\n').filter((l) => l.startsWith('## '))).toEqual(['## Former names', '## Networks it belonged to', '## Events it hosted', '## Events it took part in', '## Events by kind']);
    expect(markdown).toContain('\n1. Seminar “Наступність дошкільної та початкової освіти”, in February 2020\n2. Seminar');
    expect(markdown.endsWith('\n\n---\n\n30 June 2020\n')).toBe(true);
  });

  it('given markup and a control character in a name and a topic, when rendered, then every text is escaped and the character dropped', () => {
    const html = renderInstitutionProfileHtml(profileWithMarkup());
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>');
    expect(html).not.toMatch(/\u0001/);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; «Школа»');
    expect(renderInstitutionProfileMarkdown(profileWithMarkup())).not.toContain('<script>');
    expect(PROFILE_MARKUP_TOPIC).toContain('<script>');
  });
});

describe('renderInstitutionProfileDocx', () => {
  it('given the profile, when rendered, then its paragraphs are the layout’s, in the layout’s order, on an upright page in its language', async () => {
    for (const profile of [profileUk(), profileRu(), profileEn(), profileEmpty()]) {
      const docx = await renderInstitutionProfileDocx(profile);
      expect(docxParagraphs(docx)).toEqual(paragraphsOf(institutionProfileLayout(profile)));
      const zip = new PizZip(docx);
      expect(zip.file('word/document.xml')!.asText()).not.toContain('w:orient="landscape"');
      expect(zip.file('word/styles.xml')!.asText()).toContain(`w:lang w:val="${{ uk: 'uk-UA', ru: 'ru-RU', en: 'en-GB' }[profile.language]}"`);
    }
  });

  it('given markup and a control character, when rendered, then the document holds them as text, escaped, the character dropped', async () => {
    const paragraphs = docxParagraphs(await renderInstitutionProfileDocx(profileWithMarkup()));
    expect(paragraphs[0]).toBe('Профіль закладу: Гімназія <b>№ 1</b>');
    expect(paragraphs).toContain('1.\tВідкриті уроки «<script>alert("x")</script> & «Школа»», протягом 2019/2020 н. р.');
  });

  it('given the same profile, when rendered at another time, then the bytes are the same', async () => {
    const first = await renderInstitutionProfileDocx(profileUk());
    const again = await atAnotherTime(() => renderInstitutionProfileDocx(profileUk()));
    expect(again.equals(first)).toBe(true);
  });
});
