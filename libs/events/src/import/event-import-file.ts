import { FieldError, InvalidInput } from '@app/kernel';
import { CsvSyntaxError, parseCsv } from '@app/platform/http';
import { PARTICIPANT_CATEGORIES } from '../event/event-vocabulary';

/**
 * The two formats of an events import file (a department's spreadsheet of past and planned
 * events), read into one input model. Only the shape is checked here: a malformed file is
 * refused as a whole (400). The values (kinds, dates, names, the rules) are checked row by row
 * when the import is planned, so that the summary can say which rows are wrong and why.
 */

/** Where a row came from: a 1-based CSV data row, or a JSON path like `events[3]`. */
export type RowRef = number | string;

/** A link as the file gives it: `{ url, title }` in JSON; `title url` or `url` in a CSV cell. */
export interface LinkInput {
  url: string;
  title?: string;
}

/** One event as the file states it; texts trimmed, empty ones absent, lists without empty items. */
export interface EventRowInput {
  row: RowRef;
  /** The department's own key of the event, when it keeps one: the event's identity in the import. */
  key?: string;
  kind?: string;
  topic?: string;
  description?: string;
  /** The networks that hold it, by name or id. */
  networks: string[];
  audienceNetworks: string[];
  /** Institutions by externalCode, shortName or id. */
  hosts: string[];
  /** A date text (`2021-03-15`, `2021-03-15..2021-03-17`, `2021-03`, `2021`, `2020/2021`), a When object (JSON), or absent: not known. */
  when?: unknown;
  startTime?: string;
  endTime?: string;
  format?: string;
  platform?: string;
  link?: string;
  level?: string;
  audience: string[];
  /** The series it is one of, by name. */
  series?: string;
  status?: string;
  /** Counts per participant category, as given (numbers in JSON, texts in CSV). */
  counts: Record<string, unknown>;
  /** Institutions that took part, named like hosts. */
  participants: string[];
  outcome?: string;
  materials: LinkInput[];
  publications: LinkInput[];
}

export interface EventsImportInput {
  format: 'json' | 'csv';
  rows: EventRowInput[];
}

/** A file has at most this many rows (a department's events of many years fit in far fewer). */
export const MAX_EVENT_ROWS = 10_000;

/** A refused file lists this many fields in full; the answer then says how many more there are. */
export const LISTED_FIELD_ERRORS = 100;

const bounded = (errors: FieldError[]): FieldError[] => {
  const more = errors.length - LISTED_FIELD_ERRORS;
  if (more <= 0) return errors;
  return [...errors.slice(0, LISTED_FIELD_ERRORS), { field: 'body', messages: [`${more} more ${more === 1 ? 'field is' : 'fields are'} invalid; the first ${LISTED_FIELD_ERRORS} are listed`] }];
};

const text = (value: string | undefined): string | undefined => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
};

const tooMany = (rows: number): InvalidInput =>
  new InvalidInput(`the import has ${rows} events; at most ${MAX_EVENT_ROWS} are taken at once`, [
    { field: 'events', messages: [`at most ${MAX_EVENT_ROWS} events in one file; split it`] },
  ]);

const empty = (message: string): InvalidInput => new InvalidInput('the import is empty', [{ field: 'body', messages: [message] }]);

/** The separator of several values in one CSV cell (networks, hosts, audience, links). */
export const CSV_LIST_SEPARATOR = '|';

/** A link written `title url` or `url`: the last word is the address when it starts with http(s)://. */
export const parseLinkText = (value: string): LinkInput => {
  const trimmed = value.trim();
  const at = trimmed.search(/\s+\S+$/);
  if (at < 0) return { url: trimmed };
  const url = trimmed.slice(at).trim();
  const title = trimmed.slice(0, at).trim();
  return /^https?:\/\//i.test(url) ? { url, ...(title ? { title } : {}) } : { url: trimmed };
};

// ---- JSON ------------------------------------------------------------------------------------

const TEXT_KEYS = ['key', 'kind', 'topic', 'description', 'startTime', 'endTime', 'format', 'platform', 'link', 'level', 'series', 'status', 'outcome'] as const;
const LIST_KEYS = ['networks', 'audienceNetworks', 'hosts', 'audience', 'participants'] as const;
const LINK_KEYS = ['materials', 'publications'] as const;
const ROW_KEYS: readonly string[] = [...TEXT_KEYS, ...LIST_KEYS, ...LINK_KEYS, 'when', 'counts'];

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

class ShapeChecker {
  private readonly errors = new Map<string, FieldError>();
  private unlisted = 0;

  fail(field: string, message: string): void {
    const existing = this.errors.get(field);
    if (existing) existing.messages.push(message);
    else if (this.errors.size < LISTED_FIELD_ERRORS) this.errors.set(field, { field, messages: [message] });
    else this.unlisted++;
  }

  get failed(): boolean {
    return this.errors.size > 0;
  }

  refusal(): InvalidInput {
    const listed = [...this.errors.values()];
    const more = this.unlisted;
    return new InvalidInput(
      'the import has invalid fields',
      more > 0 ? [...listed, { field: 'body', messages: [`${more} more ${more === 1 ? 'field is' : 'fields are'} invalid; the first ${LISTED_FIELD_ERRORS} are listed`] }] : listed,
    );
  }

  text(value: Record<string, unknown>, key: string, path: string): string | undefined {
    const v = value[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'string') {
      this.fail(`${path}.${key}`, `${key} must be a string`);
      return undefined;
    }
    return text(v);
  }

  list(value: Record<string, unknown>, key: string, path: string): string[] {
    const v = value[key];
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v) || !v.every((item) => typeof item === 'string')) {
      this.fail(`${path}.${key}`, `${key} must be a list of strings`);
      return [];
    }
    return v.map((item: string) => item.trim()).filter(Boolean);
  }

  links(value: Record<string, unknown>, key: string, path: string): LinkInput[] {
    const v = value[key];
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) {
      this.fail(`${path}.${key}`, `${key} must be a list of { url, title } or of texts "title url"`);
      return [];
    }
    const links: LinkInput[] = [];
    v.forEach((item: unknown, i) => {
      const at = `${path}.${key}[${i}]`;
      if (typeof item === 'string') {
        if (item.trim()) links.push(parseLinkText(item));
        return;
      }
      if (!isObject(item) || typeof item.url !== 'string' || (item.title !== undefined && item.title !== null && typeof item.title !== 'string')) {
        this.fail(at, 'a link is { url, title } (title optional) or a text "title url"');
        return;
      }
      for (const k of Object.keys(item)) if (k !== 'url' && k !== 'title') this.fail(`${at}.${k}`, `property ${k} should not exist`);
      const title = text(item.title as string | undefined);
      links.push({ url: item.url.trim(), ...(title ? { title } : {}) });
    });
    return links;
  }

  counts(value: Record<string, unknown>, path: string): Record<string, unknown> {
    const v = value.counts;
    if (v === undefined || v === null) return {};
    if (!isObject(v)) {
      this.fail(`${path}.counts`, `counts must be an object of ${PARTICIPANT_CATEGORIES.join(', ')}`);
      return {};
    }
    // Numbers only; the categories and that each is a whole number ≥ 0 are the row's checks.
    const counts: Record<string, unknown> = {};
    for (const [category, n] of Object.entries(v)) {
      if (n === null || n === undefined) continue;
      if (typeof n !== 'number') this.fail(`${path}.counts.${category}`, `counts.${category} must be a number`);
      else counts[category] = n;
    }
    return counts;
  }
}

/** Reads a JSON import body: `{ "events": [ { kind, topic, networks, when, ... } ] }`. */
export const readJsonEventsImport = (body: unknown): EventsImportInput => {
  if (!isObject(body)) throw new InvalidInput('the import must be a JSON object with events', [{ field: 'body', messages: ['the body must be a JSON object { "events": [...] }'] }]);
  const check = new ShapeChecker();
  for (const key of Object.keys(body)) if (key !== 'events') check.fail(key, `property ${key} should not exist`);
  const given = body.events;
  if (given !== undefined && !Array.isArray(given)) check.fail('events', 'events must be an array');
  const items = Array.isArray(given) ? given : [];
  if (items.length > MAX_EVENT_ROWS) throw tooMany(items.length);
  const rows: EventRowInput[] = [];
  items.forEach((item: unknown, i) => {
    const path = `events[${i}]`;
    if (!isObject(item)) return check.fail(path, `${path} must be an object`);
    for (const key of Object.keys(item)) if (!ROW_KEYS.includes(key)) check.fail(`${path}.${key}`, `property ${key} should not exist`);
    const row: EventRowInput = {
      row: path,
      networks: check.list(item, 'networks', path),
      audienceNetworks: check.list(item, 'audienceNetworks', path),
      hosts: check.list(item, 'hosts', path),
      audience: check.list(item, 'audience', path),
      participants: check.list(item, 'participants', path),
      counts: check.counts(item, path),
      materials: check.links(item, 'materials', path),
      publications: check.links(item, 'publications', path),
    };
    for (const key of TEXT_KEYS) {
      const v = check.text(item, key, path);
      if (v !== undefined) row[key] = v;
    }
    const when = item.when;
    if (typeof when === 'string') {
      if (when.trim()) row.when = when.trim();
    } else if (isObject(when)) row.when = when;
    else if (when !== undefined && when !== null) check.fail(`${path}.when`, 'when must be a date text (2021-03-15, 2021-03-15..2021-03-17, 2021-03, 2021, 2020/2021) or a when object');
    rows.push(row);
  });
  if (check.failed) throw check.refusal();
  if (rows.length === 0) throw empty('name at least one event');
  return { format: 'json', rows };
};

// ---- CSV -------------------------------------------------------------------------------------

/** The columns of a CSV events import, in the order the template lists them. */
export const EVENT_CSV_COLUMNS = [
  'key',
  'kind',
  'topic',
  'description',
  'networks',
  'audienceNetworks',
  'hosts',
  'when',
  'startTime',
  'endTime',
  'format',
  'platform',
  'link',
  'level',
  'audience',
  'series',
  'status',
  ...PARTICIPANT_CATEGORIES,
  'participants',
  'outcome',
  'materials',
  'publications',
] as const;
type CsvColumn = (typeof EVENT_CSV_COLUMNS)[number];
const REQUIRED_COLUMNS: CsvColumn[] = ['kind', 'topic', 'networks', 'when'];

const cellList = (value: string | undefined): string[] =>
  value === undefined ? [] : value.split(CSV_LIST_SEPARATOR).map((v) => v.trim()).filter(Boolean);

/** A count cell: a number when it is written as one (the row's checks say whether it is a whole one ≥ 0), else the text. */
const countOf = (value: string): unknown => (/^[+-]?\d+(\.\d+)?$/.test(value) ? Number(value) : value);

/**
 * Reads a CSV import: one row per event. Lists (networks, hosts, audience, participants,
 * materials, publications) are separated by `|` in their cell; the participation counts are a
 * column per category. A row with a different number of fields than the header is refused as
 * a whole file: it would shift every later column.
 */
export const readCsvEventsImport = (body: string): EventsImportInput => {
  let table;
  try {
    table = parseCsv(body);
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw new InvalidInput(`the CSV file is malformed: ${error.message}`, [{ field: `line ${error.line}`, messages: [error.message] }]);
    throw error;
  }
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  table.header.forEach((name, i) => {
    if (!(EVENT_CSV_COLUMNS as readonly string[]).includes(name)) {
      errors.push({ field: name || `column ${i + 1}`, messages: [`unknown column ${JSON.stringify(name)}; the columns are ${EVENT_CSV_COLUMNS.join(', ')}`] });
    } else if (seen.has(name)) errors.push({ field: name, messages: [`column ${name} appears twice`] });
    seen.add(name);
  });
  for (const column of REQUIRED_COLUMNS) if (!seen.has(column)) errors.push({ field: column, messages: [`the column ${column} is missing`] });
  if (errors.length) throw new InvalidInput('the CSV header is invalid', bounded(errors));
  if (table.records.length === 0) throw empty('the CSV file has a header but no rows');
  if (table.records.length > MAX_EVENT_ROWS) throw tooMany(table.records.length);
  const widthErrors = table.records
    .filter((r) => r.fields.length !== table.header.length)
    .map((r): FieldError => ({ field: `line ${r.line}`, messages: [`the row has ${r.fields.length} fields, the header ${table.header.length}; quote values that contain the delimiter`] }));
  if (widthErrors.length) throw new InvalidInput('the CSV file has rows of another width than its header', bounded(widthErrors));

  const index = new Map(table.header.map((name, i) => [name, i]));
  const rows = table.records.map((record): EventRowInput => {
    const value = (column: CsvColumn): string | undefined => {
      const i = index.get(column);
      return i === undefined ? undefined : text(record.fields[i]);
    };
    const counts: Record<string, unknown> = {};
    for (const category of PARTICIPANT_CATEGORIES) {
      const v = value(category);
      if (v !== undefined) counts[category] = countOf(v);
    }
    const row: EventRowInput = {
      row: record.row,
      networks: cellList(value('networks')),
      audienceNetworks: cellList(value('audienceNetworks')),
      hosts: cellList(value('hosts')),
      audience: cellList(value('audience')),
      participants: cellList(value('participants')),
      counts,
      materials: cellList(value('materials')).map(parseLinkText),
      publications: cellList(value('publications')).map(parseLinkText),
    };
    for (const key of TEXT_KEYS) {
      const v = value(key);
      if (v !== undefined) row[key] = v;
    }
    const when = value('when');
    if (when !== undefined) row.when = when;
    return row;
  });
  return { format: 'csv', rows };
};

/** Reads an import body by its content type: a string is CSV, anything else JSON. */
export const readEventsImport = (body: unknown, contentType?: string): EventsImportInput => {
  const media = contentType?.split(';')[0].trim().toLowerCase();
  if (media === 'text/csv' || (media === undefined && typeof body === 'string')) {
    if (typeof body !== 'string') throw new InvalidInput('the CSV body is missing', [{ field: 'body', messages: ['send the CSV file as the body'] }]);
    return readCsvEventsImport(body);
  }
  return readJsonEventsImport(body);
};
