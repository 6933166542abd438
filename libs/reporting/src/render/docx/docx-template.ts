import Docxtemplater from 'docxtemplater';
import PizZip from 'pizzip';
import type { IsoDate } from '@app/kernel';
import { EMU_PER_PX, coreProperties, pictureParagraphs } from './ooxml';
import { writeZipDeterministically } from './deterministic-zip';

/** A picture to place where the template has `{@chartImage.<key>}`. */
export interface DocxPicture {
  key: string;
  png: Buffer;
  /** Its size in CSS pixels (the PNG may have more pixels: it is drawn sharper). */
  width: number;
  height: number;
  caption: string;
}

export interface FillDocxOptions {
  pictures?: readonly DocxPicture[];
  /** The document's title and language (BCP 47) in its properties. */
  title: string;
  language: string;
  /** The day the document's properties and its archive's entries are dated. */
  date: IsoDate;
}

/** The template could not be filled (an unclosed loop, a tag in the wrong place…), one message per fault. */
export class DocxTemplateError extends Error {
  override readonly name = 'DocxTemplateError';
  constructor(readonly faults: string[]) {
    super(`the DOCX template could not be filled: ${faults.join('; ')}`);
  }
}

/** Pictures are at most as wide as the built-in layout's text (16.5 cm). */
const MAX_WIDTH_EMU = 5_940_000;

/**
 * Fills a docxtemplater template with a report's data model and returns the DOCX, the same bytes
 * for the same template and data.
 *
 * The tags are paths into the data (`{title}`, `{plan.goal}`, `{labels.tasks}`), looked up in the
 * innermost loop's item first, then outwards; `{.}` is the item itself (a list of strings),
 * `{$number}` the item's place in its list from 1; `{#list.length}` … `{/list.length}` shows its
 * body once when the list has items. Only the data's own fields are read (nothing inherited,
 * no functions). Missing or null values print nothing. Newlines in a text become line breaks.
 * `{@chartImage.<chart>}`, alone in its paragraph, becomes that chart's picture and caption
 * (the model's `charts[].chart`: `events-by-kind`, `participation-by-category`, `fulfilment`),
 * or nothing when it was not drawn.
 */
export const fillDocxTemplate = (template: Buffer, data: object, options: FillDocxOptions): Buffer => {
  const zip = new PizZip(template);
  const chartImage: Record<string, string> = {};
  (options.pictures ?? []).forEach((picture, index) => {
    const n = index + 1;
    const relationshipId = `rIdReportChart${n}`;
    const fileName = `report-chart-${n}.png`;
    zip.file(`word/media/${fileName}`, picture.png, { binary: true });
    addRelationship(zip, relationshipId, `media/${fileName}`);
    const scale = Math.min(1, MAX_WIDTH_EMU / Math.max(1, picture.width * EMU_PER_PX));
    chartImage[picture.key] = pictureParagraphs({
      relationshipId,
      drawingId: 10_000 + n,
      fileName,
      widthEmu: Math.round(picture.width * EMU_PER_PX * scale),
      heightEmu: Math.round(picture.height * EMU_PER_PX * scale),
      caption: picture.caption,
    });
  });
  if (options.pictures?.length) ensurePngContentType(zip);

  let doc: Docxtemplater;
  try {
    doc = new Docxtemplater(zip, { paragraphLoop: true, linebreaks: true, stripInvalidXMLChars: true, errorLogging: false, parser, nullGetter: () => '' });
    doc.render({ ...data, chartImage });
  } catch (error) {
    throw new DocxTemplateError(faultsOf(error));
  }
  const filled = doc.getZip();
  if (filled.file('docProps/core.xml')) {
    filled.file('docProps/core.xml', coreProperties({ title: options.title, language: options.language, date: options.date }));
  }
  return writeZipDeterministically(filled, options.date);
};

interface ParserContext {
  scopePathItem: number[];
}

const parser = (tag: string): { get: (scope: unknown, context: ParserContext) => unknown } => {
  const path = tag.trim();
  return {
    get(scope, context) {
      if (path === '.') return scope;
      if (path === '$number') {
        const items = context.scopePathItem;
        return items.length > 0 ? items[items.length - 1] + 1 : undefined;
      }
      let value: unknown = scope;
      for (const key of path.split('.')) {
        if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return undefined;
        value = (value as Record<string, unknown>)[key];
      }
      return typeof value === 'function' ? undefined : value;
    },
  };
};

const RELS = 'word/_rels/document.xml.rels';
const IMAGE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/image';

const addRelationship = (zip: PizZip, id: string, target: string): void => {
  const rels = zip.file(RELS)?.asText() ?? '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
  zip.file(RELS, rels.replace('</Relationships>', `<Relationship Id="${id}" Type="${IMAGE}" Target="${target}"/></Relationships>`));
};

const ensurePngContentType = (zip: PizZip): void => {
  const types = zip.file('[Content_Types].xml')?.asText();
  if (!types || /Extension="png"/i.test(types)) return;
  zip.file('[Content_Types].xml', types.replace(/(<Types\b[^>]*>)/, '$1<Default Extension="png" ContentType="image/png"/>'));
};

const faultsOf = (error: unknown): string[] => {
  const nested = (error as { properties?: { errors?: Array<{ message?: string; properties?: { explanation?: string } }> } })?.properties?.errors;
  if (Array.isArray(nested) && nested.length > 0) return nested.map((e) => e.properties?.explanation ?? e.message ?? String(e));
  return [error instanceof Error ? error.message : String(error)];
};
