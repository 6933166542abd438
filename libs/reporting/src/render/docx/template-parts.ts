import PizZip from 'pizzip';
import type { ReportLanguage } from '../../annual-analysis/annual-analysis.model';
import { NS } from './ooxml';

/*
 * What the built-in DOCX templates are made of (`built-in-template.ts` for the annual analysis,
 * `../monitoring-table/`, `../department-summary/` for the tables): the paragraphs and tags of a
 * body, the page, the styles, and the package around them. Each template is built from its XML
 * here, not kept as a binary.
 */

export const LANGUAGE_TAGS: Record<ReportLanguage, string> = { uk: 'uk-UA', ru: 'ru-RU', en: 'en-GB' };

/** The BCP 47 tag the document's text is marked with (a language without one is marked as itself). */
export const languageTag = (language: ReportLanguage): string => LANGUAGE_TAGS[language] ?? language;

export const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

// ── the body ────────────────────────────────────────────────────────────────

export const run = (text: string): string => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
export const TAB = '<w:r><w:tab/></w:r>';
export const p = (style: string | null, ...runs: string[]): string =>
  `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}${runs.join('')}</w:p>`;
/** A paragraph holding only a loop or condition tag: docxtemplater drops it (`paragraphLoop`). */
export const tag = (text: string): string => p(null, run(text));
/** The body between `{#name}` and `{/name}`: shown once if `name` is truthy, once per item if a list. */
export const when = (name: string, ...body: string[]): string => tag(`{#${name}}`) + body.join('') + tag(`{/${name}}`);
export const heading = (text: string): string => p('Heading1', run(text));
export const bullets = (list: string, item = '{text}'): string => when(list, p('ListBullet', run(item)));
export const numbered = (list: string, number = '{number}', item = '{text}'): string =>
  when(list, p('ListNumbered', run(`${number}.`), TAB, run(item)));
/** A section of a list: its heading and items, left out when the list is empty. */
export const listSection = (list: string, label: string, items: string): string => when(`${list}.length`, heading(`{labels.${label}}`), items);
/** A chart's picture and caption: a raw-XML tag, so a chart not drawn leaves nothing. */
export const chart = (code: string): string => p(null, run(`{@chartImage.${code}}`));
/** A raw-XML tag alone in its paragraph: the paragraph becomes the XML given (a table), or nothing. */
export const raw = (path: string): string => p(null, run(`{@${path}}`));

// ── the page ────────────────────────────────────────────────────────────────

export type PageOrientation = 'portrait' | 'landscape';

/** A4 in twentieths of a point, upright. */
const A4 = { short: 11906, long: 16838 };
/** Margins 3 / 1.5 / 2 / 2 cm (left, right, top, bottom) on either page. */
const MARGINS = { top: 1134, right: 850, bottom: 1134, left: 1701 };

/** The width text has between the margins, in twentieths of a point (16.5 cm upright, 25.2 cm on its side). */
export const textWidth = (orientation: PageOrientation): number =>
  (orientation === 'landscape' ? A4.long : A4.short) - MARGINS.left - MARGINS.right;

/** The section's properties: the page, its margins, the footer with the page number. */
export const section = (orientation: PageOrientation): string =>
  '<w:sectPr><w:footerReference w:type="default" r:id="rIdFooter1"/>' +
  (orientation === 'landscape' ? `<w:pgSz w:w="${A4.long}" w:h="${A4.short}" w:orient="landscape"/>` : `<w:pgSz w:w="${A4.short}" w:h="${A4.long}"/>`) +
  `<w:pgMar w:top="${MARGINS.top}" w:right="${MARGINS.right}" w:bottom="${MARGINS.bottom}" w:left="${MARGINS.left}" w:header="709" w:footer="709" w:gutter="0"/>` +
  '<w:cols w:space="708"/></w:sectPr>';

export const documentXml = (body: string, orientation: PageOrientation): string =>
  `${XML}<w:document xmlns:w="${NS.w}" xmlns:r="${NS.r}" xmlns:wp="${NS.wp}" xmlns:a="${NS.a}" xmlns:pic="${NS.pic}"><w:body>${body}${section(orientation)}</w:body></w:document>`;

// ── the styles ──────────────────────────────────────────────────────────────

/** A paragraph style (Word's own names for the built-in ones, so Word shows them as its own). */
export const paragraphStyle = (id: string, name: string, pPr: string, rPr = '', extra = ''): string =>
  `<w:style w:type="paragraph" w:customStyle="${/^(Normal|Title|Subtitle|Heading\d|Caption)$/.test(id) ? 0 : 1}" w:styleId="${id}">` +
  `<w:name w:val="${name}"/>${id === 'Normal' ? '' : '<w:basedOn w:val="Normal"/><w:next w:val="Normal"/>'}${extra}<w:qFormat/>` +
  `<w:pPr>${pPr}</w:pPr>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}</w:style>`;

export const FLUSH = '<w:ind w:firstLine="0"/>';

/** Times New Roman 14 pt, justified with a 1.25 cm indent; the headings, lists, figures and signature; `extra` styles after them. */
export const styles = (language: ReportLanguage, extra = ''): string => {
  const style = paragraphStyle;
  const flush = FLUSH;
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
    extra +
    '</w:styles>'
  );
};

// ── the package ─────────────────────────────────────────────────────────────

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

export interface TemplatePackage {
  language: ReportLanguage;
  /** The body's XML: paragraphs and tables with their tags, without the section's properties. */
  body: string;
  orientation: PageOrientation;
  /** Styles of its own, after the shared ones. */
  styles?: string;
}

/** A template as a DOCX package: the body, its page, the styles, numbering, settings, footer, properties and relationships. */
export const templatePackage = (template: TemplatePackage): Buffer => {
  const parts: Record<string, string> = {
    '[Content_Types].xml': CONTENT_TYPES,
    '_rels/.rels': PACKAGE_RELS,
    'docProps/core.xml': `${XML}<cp:coreProperties xmlns:cp="${NS.cp}" xmlns:dc="${NS.dc}"/>`,
    'word/document.xml': documentXml(template.body, template.orientation),
    'word/styles.xml': styles(template.language, template.styles),
    'word/settings.xml': settings(template.language),
    'word/numbering.xml': numbering(),
    'word/footer1.xml': footer(),
    'word/_rels/document.xml.rels': DOCUMENT_RELS,
  };
  const zip = new PizZip();
  for (const [name, content] of Object.entries(parts)) zip.file(name, content);
  return zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' });
};

/** Builds each language's template once. */
export const cachedByLanguage = (build: (language: ReportLanguage) => Buffer): ((language: ReportLanguage) => Buffer) => {
  const built = new Map<ReportLanguage, Buffer>();
  return (language) => {
    let template = built.get(language);
    if (!template) {
      template = build(language);
      built.set(language, template);
    }
    return template;
  };
};
