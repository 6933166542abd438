import PizZip from 'pizzip';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (text: string): string =>
  text.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (whole, name: string) =>
    name[0] === '#' ? String.fromCodePoint(name[1].toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : Number(name.slice(1))) : (ENTITIES[name] ?? whole),
  );

/**
 * The text of a DOCX's body, one paragraph a line (a tab as `\t`, a line break as `\n` inside
 * its paragraph), for tests: word/document.xml unzipped, its tags stripped; `outsideTables`: the
 * paragraphs between the tables only.
 */
export const docxParagraphs = (docx: Buffer, options: { outsideTables?: boolean } = {}): string[] => {
  let xml = new PizZip(docx).file('word/document.xml')?.asText();
  if (xml === undefined) throw new Error('not a DOCX: no word/document.xml');
  if (options.outsideTables) xml = xml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, '');
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>|<w:p\/>/g)].map(([paragraph]) =>
    decode(
      paragraph
        .replace(/<w:tab\/>/g, '\t')
        .replace(/<w:br\/>/g, '\n')
        .replace(/<[^>]+>/g, ''),
    ),
  );
};

export const docxText = (docx: Buffer): string => docxParagraphs(docx).join('\n');

const paragraphsOf = (xml: string): string[] =>
  [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>|<w:p\/>/g)].map(([paragraph]) => decode(paragraph.replace(/<w:tab\/>/g, '\t').replace(/<w:br\/>/g, '\n').replace(/<[^>]+>/g, '')));

/**
 * The tables of a DOCX's body, for tests: each a list of rows, each row its cells, each cell its
 * paragraphs' text (an empty cell: one empty paragraph, `['']`).
 */
export const docxTables = (docx: Buffer): string[][][][] => {
  const xml = new PizZip(docx).file('word/document.xml')?.asText();
  if (xml === undefined) throw new Error('not a DOCX: no word/document.xml');
  return [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map(([table]) =>
    [...table.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map(([row]) => [...row.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map(([cell]) => paragraphsOf(cell))),
  );
};

/** The pictures a DOCX holds (word/media/…), by name. */
export const docxMedia = (docx: Buffer): Map<string, Buffer> => {
  const zip = new PizZip(docx);
  return new Map(
    Object.keys(zip.files)
      .filter((name) => name.startsWith('word/media/'))
      .sort()
      .map((name) => [name, Buffer.from(zip.files[name].asUint8Array())]),
  );
};

/** A PNG's width and height from its header, or null when the bytes are not a PNG. */
export const pngSize = (png: Buffer): { width: number; height: number } | null => {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (png.length < 33 || !png.subarray(0, 8).equals(signature) || png.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
};
