import PizZip from 'pizzip';
import type { ReportLanguage } from '../../annual-analysis/annual-analysis.model';
import { NS } from './ooxml';

/**
 * The built-in DOCX layout of the annual analysis: a docxtemplater template over the fields of
 * `AnnualAnalysis` itself, so the placeholders a department's own template uses are the ones
 * this one does (`{title}`, `{#eventsHeld}{number}. {text}{/eventsHeld}`, `{labels.goal}`…; the
 * list in docs/reporting.md, "Rendering"). It is built here from its XML, not kept as a binary.
 *
 * The layout follows the seeds: the title and the anchor, centred; the theme, the composition and
 * how it changed, the goal, tasks, kinds of activity, projects and agreements; the events held as
 * a numbered list, the items not held, the plan's fulfilment, participation and events by kind
 * (each with its chart), cooperation outside the network, the department's own sections; the
 * per-task results, conclusions, assessment, problems, next year's tasks; the signature block.
 * Every section sits in a condition on its content (`{#changes.length}` … `{/changes.length}`),
 * so one with nothing to say is left out, heading and all.
 *
 * A4, Times New Roman 14 pt, margins 3 / 1.5 / 2 / 2 cm, page numbers in the footer. The three
 * built-in templates (uk, ru, en) differ only in the language the text is marked with (spelling
 * and hyphenation in Word and LibreOffice); the words come from the model.
 */
export const builtInDocxTemplate = (language: ReportLanguage): Buffer => {
  let template = built.get(language);
  if (!template) {
    const zip = new PizZip();
    for (const [name, content] of Object.entries(templateParts(language))) zip.file(name, content);
    template = zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' });
    built.set(language, template);
  }
  return template;
};

const built = new Map<ReportLanguage, Buffer>();

export const LANGUAGE_TAGS: Record<ReportLanguage, string> = { uk: 'uk-UA', ru: 'ru-RU', en: 'en-GB' };

/** The BCP 47 tag the document's text is marked with (a language without one is marked as itself). */
export const languageTag = (language: ReportLanguage): string => LANGUAGE_TAGS[language] ?? language;

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

// ── the body ────────────────────────────────────────────────────────────────

const run = (text: string): string => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
const TAB = '<w:r><w:tab/></w:r>';
const p = (style: string | null, ...runs: string[]): string =>
  `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}${runs.join('')}</w:p>`;
/** A paragraph holding only a loop or condition tag: docxtemplater drops it (`paragraphLoop`). */
const tag = (text: string): string => p(null, run(text));
/** The body between `{#name}` and `{/name}`: shown once if `name` is truthy, once per item if a list. */
const when = (name: string, ...body: string[]): string => tag(`{#${name}}`) + body.join('') + tag(`{/${name}}`);
const heading = (text: string): string => p('Heading1', run(text));
const bullets = (list: string, item = '{text}'): string => when(list, p('ListBullet', run(item)));
const numbered = (list: string, number = '{number}', item = '{text}'): string =>
  when(list, p('ListNumbered', run(`${number}.`), TAB, run(item)));
/** A section of a list: its heading and items, left out when the list is empty. */
const listSection = (list: string, label: string, items: string): string => when(`${list}.length`, heading(`{labels.${label}}`), items);
/** A chart's picture and caption: a raw-XML tag, so a chart not drawn leaves nothing. */
const chart = (code: string): string => p(null, run(`{@chartImage.${code}}`));

const body = (): string =>
  [
    p('Title', run('{title}')),
    when('anchor', p('Subtitle', run('{text}'))),
    when('plan.theme', heading('{labels.theme}'), p(null, run('{plan.theme}'))),
    when('composition.text', p(null, run('{composition.text}'))),
    listSection('changes', 'changes', bullets('changes')),
    when(
      'plan',
      when('goal', heading('{labels.goal}'), p(null, run('{goal}'))),
      listSection('tasks', 'tasks', numbered('tasks')),
      listSection('activityKinds', 'activityKinds', bullets('activityKinds', '{.}')),
      listSection('projects', 'projects', bullets('projects')),
      listSection('agreements', 'agreements', bullets('agreements')),
    ),
    listSection('eventsHeld', 'eventsHeld', numbered('eventsHeld')),
    listSection('notHeld', 'notHeld', bullets('notHeld')),
    chart('fulfilment'),
    listSection('participation', 'participation', bullets('participation') + chart('participation-by-category')),
    listSection('eventsByKind', 'eventsByKind', bullets('eventsByKind') + chart('events-by-kind')),
    listSection('outside', 'outside', bullets('outside')),
    listSection('publications', 'publications', bullets('publications')),
    when('sections', when('text', heading('{title}'), p(null, run('{text}')))),
    when(
      'closing',
      listSection('taskResults', 'taskResults', numbered('taskResults')),
      when('conclusions', heading('{labels.conclusions}'), p(null, run('{conclusions}'))),
      when('assessment.text', heading('{labels.assessment}'), p(null, run('{assessment.text}'))),
      listSection('problems', 'problems', bullets('problems', '{.}')),
      // Next year's heading is its own title ("Завдання на 2020/2021 навчальний рік"), else the label.
      when(
        'nextYear',
        heading('{title}{^title}{labels.nextYear}{/title}'),
        when('goal', p('Heading2', run('{labels.goal}')), p(null, run('{goal}'))),
        when('tasks.length', when('tasks', p('ListNumbered', run('{$number}.'), TAB, run('{.}')))),
      ),
    ),
    signature(),
  ].join('');

const signature = (): string => {
  const none = '<w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/>';
  return (
    p('SignatureSpace') +
    '<w:tbl><w:tblPr><w:tblW w:w="9355" w:type="dxa"/><w:tblBorders>' + none + '</w:tblBorders><w:tblLayout w:type="fixed"/>' +
    '<w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar><w:tblLook w:val="0000"/></w:tblPr>' +
    '<w:tblGrid><w:gridCol w:w="6000"/><w:gridCol w:w="3355"/></w:tblGrid><w:tr>' +
    '<w:tc><w:tcPr><w:tcW w:w="6000" w:type="dxa"/></w:tcPr>' +
    p('Signature', run('{signature.position}{^signature.position}{labels.signature}{/signature.position}')) +
    '</w:tc><w:tc><w:tcPr><w:tcW w:w="3355" w:type="dxa"/><w:vAlign w:val="bottom"/></w:tcPr>' +
    p('SignatureName', run('{signature.name}')) +
    '</w:tc></w:tr></w:tbl>' +
    p('Signature', run('{signature.dateText}'))
  );
};

const SECTION =
  '<w:sectPr><w:footerReference w:type="default" r:id="rIdFooter1"/><w:pgSz w:w="11906" w:h="16838"/>' +
  '<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701" w:header="709" w:footer="709" w:gutter="0"/>' +
  '<w:cols w:space="708"/></w:sectPr>';

const document = (): string =>
  `${XML}<w:document xmlns:w="${NS.w}" xmlns:r="${NS.r}" xmlns:wp="${NS.wp}" xmlns:a="${NS.a}" xmlns:pic="${NS.pic}"><w:body>${body()}${SECTION}</w:body></w:document>`;

// ── the other parts ─────────────────────────────────────────────────────────

const styles = (language: ReportLanguage): string => {
  const style = (id: string, name: string, pPr: string, rPr = '', extra = ''): string =>
    `<w:style w:type="paragraph" w:customStyle="${/^(Normal|Title|Subtitle|Heading\d|Caption)$/.test(id) ? 0 : 1}" w:styleId="${id}">` +
    `<w:name w:val="${name}"/>${id === 'Normal' ? '' : '<w:basedOn w:val="Normal"/><w:next w:val="Normal"/>'}${extra}<w:qFormat/>` +
    `<w:pPr>${pPr}</w:pPr>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}</w:style>`;
  const flush = '<w:ind w:firstLine="0"/>';
  return (
    `${XML}<w:styles xmlns:w="${NS.w}">` +
    '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/>' +
    `<w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="${languageTag(language)}" w:eastAsia="${languageTag(language)}" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>` +
    '<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>' +
    style('Normal', 'Normal', '<w:ind w:firstLine="709"/><w:jc w:val="both"/>') +
    style('Title', 'Title', `<w:keepNext/><w:spacing w:after="120"/>${flush}<w:jc w:val="center"/><w:outlineLvl w:val="0"/>`, '<w:b/><w:bCs/>') +
    style('Subtitle', 'Subtitle', `<w:keepNext/><w:spacing w:after="360"/>${flush}<w:jc w:val="center"/>`) +
    style('Heading1', 'heading 1', `<w:keepNext/><w:keepLines/><w:spacing w:before="240" w:after="120"/>${flush}<w:jc w:val="left"/><w:outlineLvl w:val="1"/>`, '<w:b/><w:bCs/>') +
    style('Heading2', 'heading 2', `<w:keepNext/><w:spacing w:before="120" w:after="60"/>${flush}<w:jc w:val="left"/><w:outlineLvl w:val="2"/>`, '<w:i/><w:iCs/>') +
    style('ListNumbered', 'Numbered item', '<w:tabs><w:tab w:val="left" w:pos="709"/></w:tabs><w:ind w:left="709" w:hanging="709"/>') +
    style('ListBullet', 'Bulleted item', '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr><w:ind w:left="709" w:hanging="360"/>') +
    style('Figure', 'Figure', `<w:keepNext/><w:spacing w:before="120" w:after="60"/>${flush}<w:jc w:val="center"/>`) +
    style('Caption', 'caption', `<w:spacing w:after="240"/>${flush}<w:jc w:val="center"/>`, '<w:i/><w:iCs/><w:sz w:val="24"/><w:szCs w:val="24"/>') +
    style('SignatureSpace', 'Signature space', `<w:keepNext/><w:spacing w:before="480" w:after="0"/>${flush}`) +
    style('Signature', 'Signature', `<w:keepNext/><w:spacing w:after="0"/>${flush}<w:jc w:val="left"/>`) +
    style('SignatureName', 'Signature name', `<w:keepNext/><w:spacing w:after="0"/>${flush}<w:jc w:val="right"/>`) +
    style('Footer', 'footer', `<w:spacing w:after="0"/>${flush}<w:jc w:val="center"/>`, '<w:sz w:val="22"/><w:szCs w:val="22"/>') +
    '</w:styles>'
  );
};

const numbering = (): string =>
  `${XML}<w:numbering xmlns:w="${NS.w}">` +
  '<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/>' +
  '<w:lvlText w:val="–"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="709" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum>' +
  '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>';

const settings = (language: ReportLanguage): string =>
  `${XML}<w:settings xmlns:w="${NS.w}"><w:defaultTabStop w:val="709"/><w:characterSpacingControl w:val="doNotCompress"/>` +
  '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>' +
  `<w:themeFontLang w:val="${languageTag(language)}"/></w:settings>`;

const footer = (): string =>
  `${XML}<w:ftr xmlns:w="${NS.w}" xmlns:r="${NS.r}"><w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr>` +
  '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>' +
  '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:ftr>';

const CONTENT_TYPES =
  `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Default Extension="png" ContentType="image/png"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
  '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>' +
  '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>' +
  '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>' +
  '<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>' +
  '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
  '</Types>';

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_RELS =
  `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/>` +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
  '</Relationships>';
const DOCUMENT_RELS =
  `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  `<Relationship Id="rIdStyles" Type="${REL}/styles" Target="styles.xml"/>` +
  `<Relationship Id="rIdSettings" Type="${REL}/settings" Target="settings.xml"/>` +
  `<Relationship Id="rIdNumbering" Type="${REL}/numbering" Target="numbering.xml"/>` +
  `<Relationship Id="rIdFooter1" Type="${REL}/footer" Target="footer1.xml"/>` +
  '</Relationships>';

const templateParts = (language: ReportLanguage): Record<string, string> => ({
  '[Content_Types].xml': CONTENT_TYPES,
  '_rels/.rels': PACKAGE_RELS,
  'docProps/core.xml': `${XML}<cp:coreProperties xmlns:cp="${NS.cp}" xmlns:dc="${NS.dc}"/>`,
  'word/document.xml': document(),
  'word/styles.xml': styles(language),
  'word/settings.xml': settings(language),
  'word/numbering.xml': numbering(),
  'word/footer1.xml': footer(),
  'word/_rels/document.xml.rels': DOCUMENT_RELS,
});
