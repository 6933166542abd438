import type { IsoDate } from '@app/kernel';

/** The XML namespaces a DOCX's parts use. */
export const NS = {
  w: 'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  wp: 'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  pic: 'http://schemas.openxmlformats.org/drawingml/2006/picture',
  cp: 'http://schemas.openxmlformats.org/package/2006/metadata/core-properties',
  dc: 'http://purl.org/dc/elements/1.1/',
  dcterms: 'http://purl.org/dc/terms/',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
} as const;

/** Characters XML 1.0 cannot hold at all (a document with one does not open). */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export const stripNonXml = (text: string): string => text.replace(NOT_XML, '');

/** Text for XML content and attribute values. */
export const escapeXml = (text: string): string =>
  stripNonXml(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/** English Metric Units per CSS pixel (96 per inch, 914,400 EMU per inch). */
export const EMU_PER_PX = 9525;

/** A picture in its own paragraph (style `Figure`), with its caption in the next (style `Caption`). */
export const pictureParagraphs = (picture: {
  relationshipId: string;
  /** Unique among the document's drawings. */
  drawingId: number;
  fileName: string;
  widthEmu: number;
  heightEmu: number;
  caption: string;
}): string => {
  const { relationshipId, drawingId, fileName, widthEmu, heightEmu } = picture;
  const caption = escapeXml(picture.caption);
  return (
    '<w:p><w:pPr><w:pStyle w:val="Figure"/></w:pPr><w:r><w:drawing>' +
    `<wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="${widthEmu}" cy="${heightEmu}"/>` +
    '<wp:effectExtent l="0" t="0" r="0" b="0"/>' +
    `<wp:docPr id="${drawingId}" name="${escapeXml(fileName)}" descr="${caption}"/>` +
    `<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a="${NS.a}" noChangeAspect="1"/></wp:cNvGraphicFramePr>` +
    `<a:graphic xmlns:a="${NS.a}"><a:graphicData uri="${NS.pic}"><pic:pic xmlns:pic="${NS.pic}">` +
    `<pic:nvPicPr><pic:cNvPr id="${drawingId}" name="${escapeXml(fileName)}" descr="${caption}"/><pic:cNvPicPr><a:picLocks noChangeAspect="1" noChangeArrowheads="1"/></pic:cNvPicPr></pic:nvPicPr>` +
    `<pic:blipFill><a:blip r:embed="${relationshipId}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>` +
    `<pic:spPr bwMode="auto"><a:xfrm><a:off x="0" y="0"/><a:ext cx="${widthEmu}" cy="${heightEmu}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>` +
    '</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>' +
    `<w:p><w:pPr><w:pStyle w:val="Caption"/></w:pPr><w:r><w:t xml:space="preserve">${caption}</w:t></w:r></w:p>`
  );
};

/**
 * The document's core properties: its title and language, and as created and modified the
 * report's date (midnight UTC), never the time it was written, so the same report is the same
 * bytes. No author, no application: the document is the department's.
 */
export const coreProperties = (props: { title: string; language: string; date: IsoDate }): string =>
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  `<cp:coreProperties xmlns:cp="${NS.cp}" xmlns:dc="${NS.dc}" xmlns:dcterms="${NS.dcterms}" xmlns:xsi="${NS.xsi}">` +
  `<dc:title>${escapeXml(props.title)}</dc:title><dc:language>${escapeXml(props.language)}</dc:language>` +
  `<dcterms:created xsi:type="dcterms:W3CDTF">${props.date}T00:00:00Z</dcterms:created>` +
  `<dcterms:modified xsi:type="dcterms:W3CDTF">${props.date}T00:00:00Z</dcterms:modified>` +
  '</cp:coreProperties>';
