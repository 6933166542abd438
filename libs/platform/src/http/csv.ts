/**
 * A small CSV reader for import files (RFC 4180): fields may be quoted with `"`, a quote inside
 * a quoted field is written twice, quoted fields may hold the delimiter and line breaks. The
 * delimiter is `,` or `;` (spreadsheets in many locales write `;`), whichever the header line
 * uses more; lines end with CRLF or LF; a UTF-8 byte order mark is dropped.
 */

export type CsvDelimiter = ',' | ';';

export interface CsvRecord {
  /** 1-based number of the data record (the header is not counted, blank lines are skipped). */
  row: number;
  /** The physical line the record starts on (the header is line 1). */
  line: number;
  fields: string[];
}

export interface CsvTable {
  delimiter: CsvDelimiter;
  header: string[];
  records: CsvRecord[];
}

/** The text is not well-formed CSV; `line` is where the problem is. */
export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`line ${line}: ${message}`);
    this.name = 'CsvSyntaxError';
  }
}

const BOM = '\uFEFF';

/** The delimiter the header line uses: `;` when it has more of them outside quotes than `,`. */
export const detectDelimiter = (text: string): CsvDelimiter => {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && c === ',') commas++;
    else if (!quoted && c === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
};

/** Splits CSV text into records of fields; no interpretation of the values. */
export const parseCsvRecords = (input: string, delimiter?: CsvDelimiter): { delimiter: CsvDelimiter; records: { line: number; fields: string[] }[] } => {
  const text = input.startsWith(BOM) ? input.slice(1) : input;
  const sep = delimiter ?? detectDelimiter(text);
  const records: { line: number; fields: string[] }[] = [];
  let line = 1;
  let recordLine = 1;
  let fields: string[] = [];
  let field = '';
  /** A field was begun (a quoted one may be empty) and is not yet ended. */
  let pending = false;
  let i = 0;
  const endField = () => {
    fields.push(field);
    field = '';
    pending = false;
  };
  const endRecord = () => {
    endField();
    records.push({ line: recordLine, fields });
    fields = [];
  };
  while (i < text.length) {
    const c = text[i];
    if (c === '"' && field === '' && !pending) {
      // A quoted field: up to the closing quote; "" is one quote.
      const openedOn = line;
      i++;
      for (;;) {
        if (i >= text.length) throw new CsvSyntaxError('a quoted field is not closed', openedOn);
        const q = text[i];
        if (q === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (q === '\n') line++;
        field += q;
        i++;
      }
      const next = text[i];
      if (next !== undefined && next !== sep && next !== '\r' && next !== '\n') {
        throw new CsvSyntaxError(`unexpected ${JSON.stringify(next)} after a closing quote; a quote inside a field is written twice ("")`, line);
      }
      pending = true;
      continue;
    }
    if (c === sep) {
      endField();
      i++;
      continue;
    }
    if (c === '\r' || c === '\n') {
      endRecord();
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      recordLine = line;
      continue;
    }
    field += c;
    i++;
  }
  if (pending || field !== '' || fields.length > 0) endRecord();
  return { delimiter: sep, records };
};

/**
 * Reads a CSV table: the first record is the header (names trimmed), the others are data
 * records. Blank lines (no text, or only delimiters) are skipped.
 */
export const parseCsv = (input: string): CsvTable => {
  const { delimiter, records } = parseCsvRecords(input);
  const nonBlank = records.filter((r) => r.fields.some((f) => f.trim() !== ''));
  if (nonBlank.length === 0) throw new CsvSyntaxError('the file is empty; the first line must name the columns', 1);
  const [head, ...data] = nonBlank;
  return {
    delimiter,
    header: head.fields.map((h) => h.trim()),
    records: data.map((r, index) => ({ row: index + 1, line: r.line, fields: r.fields })),
  };
};
