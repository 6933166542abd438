import { FieldError, InvalidInput } from '@app/kernel';
import { CsvSyntaxError, parseCsv } from '@app/platform/http';

/**
 * The two formats of an import file, read into one input model. Only the shape is checked
 * here (a malformed file is refused as a whole, 400); the values (kinds, dates, required
 * fields) are checked row by row when the import is planned, so that the summary can say
 * which rows are wrong and why.
 */

/** Where an entity came from: a 1-based CSV data row, or a JSON path like `networks[0].members[2]`. */
export type RowRef = number | string;

/** An institution as the file states it; values are trimmed, empty ones are absent. */
export interface InstitutionInput {
  row: RowRef;
  fullName?: string;
  shortName?: string;
  kind?: string;
  settlement?: string;
  externalCode?: string;
  website?: string;
}

/**
 * How a member names its institution: by externalCode or shortName (in the file or already
 * registered), or, in CSV, the institution of its own row (index into `institutions`).
 */
export type InstitutionRef = { ref: string } | { local: number };

export interface MemberInput {
  row: RowRef;
  /** Absent when the file left it empty. */
  institution?: InstitutionRef;
  role?: string;
  from?: string;
}

export interface AnchorInput {
  row: RowRef;
  institution: InstitutionRef;
}

export interface NetworkInput {
  row: RowRef;
  name?: string;
  kind?: string;
  number?: string;
  description?: string;
  website?: string;
  members: MemberInput[];
  anchors: AnchorInput[];
}

/** A problem of one row found while reading the file (CSV: columns, a missing network). */
export interface RowProblem {
  row: RowRef;
  entity: 'institution' | 'network' | 'membership' | 'anchor';
  key: string;
  field?: string;
  reason: string;
}

export interface ImportInput {
  format: 'json' | 'csv';
  institutions: InstitutionInput[];
  networks: NetworkInput[];
  /** Rows that could not be read into entities; they are reported as rejected. */
  problems: RowProblem[];
}

const text = (value: string | undefined): string | undefined => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
};

const compact = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

// ---- JSON ------------------------------------------------------------------------------------

const INSTITUTION_KEYS = ['fullName', 'shortName', 'kind', 'settlement', 'externalCode', 'website'] as const;
const NETWORK_KEYS = ['name', 'kind', 'number', 'description', 'website', 'anchor', 'members'] as const;
const MEMBER_KEYS = ['institution', 'role', 'from'] as const;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A refused file lists this many fields in full; the answer then says how many more there are. */
export const LISTED_FIELD_ERRORS = 100;

/**
 * The first {@link LISTED_FIELD_ERRORS} field errors, then one entry that counts the rest
 * (`unlisted`: fields found beyond those given).
 */
export const boundedFieldErrors = (errors: FieldError[], unlisted = 0): FieldError[] => {
  const more = Math.max(0, errors.length - LISTED_FIELD_ERRORS) + unlisted;
  if (more === 0) return errors;
  return [...errors.slice(0, LISTED_FIELD_ERRORS), { field: 'body', messages: [`${more} more ${more === 1 ? 'field is' : 'fields are'} invalid; the first ${LISTED_FIELD_ERRORS} are listed`] }];
};

class ShapeChecker {
  /**
   * The first fields in full, by field (a later message for one of them joins it); the others
   * are only counted. Either is constant work per error, so a file of many errors is checked in
   * linear time and its answer stays small.
   */
  private readonly listed = new Map<string, FieldError>();
  private readonly unlisted = new Set<string>();

  get errors(): FieldError[] {
    return boundedFieldErrors([...this.listed.values()], this.unlisted.size);
  }

  get failed(): boolean {
    return this.listed.size > 0;
  }

  fail(field: string, message: string): void {
    const existing = this.listed.get(field);
    if (existing) existing.messages.push(message);
    else if (this.listed.size < LISTED_FIELD_ERRORS) this.listed.set(field, { field, messages: [message] });
    else this.unlisted.add(field);
  }

  object(value: unknown, path: string, keys: readonly string[]): Record<string, unknown> | null {
    if (!isObject(value)) {
      this.fail(path, `${path} must be an object`);
      return null;
    }
    for (const key of Object.keys(value)) {
      if (!keys.includes(key)) this.fail(`${path}.${key}`, `property ${key} should not exist`);
    }
    return value;
  }

  /** A string, or absent (undefined or null). */
  string(value: Record<string, unknown>, key: string, path: string): string | undefined {
    const v = value[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'string') {
      this.fail(`${path}.${key}`, `${key} must be a string`);
      return undefined;
    }
    return text(v);
  }

  array(value: Record<string, unknown>, key: string, path: string): unknown[] {
    const v = value[key];
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) {
      this.fail(path ? `${path}.${key}` : key, `${key} must be an array`);
      return [];
    }
    return v;
  }
}

/** Reads a JSON import body: `{ institutions: [...], networks: [{ ..., anchor?, members: [...] }] }`. */
export const readJsonImport = (body: unknown): ImportInput => {
  const check = new ShapeChecker();
  const root = isObject(body) ? body : null;
  if (!root) throw new InvalidInput('the import must be a JSON object with institutions and networks', [{ field: 'body', messages: ['the body must be a JSON object'] }]);
  for (const key of Object.keys(root)) {
    if (key !== 'institutions' && key !== 'networks') check.fail(key, `property ${key} should not exist`);
  }
  const institutions: InstitutionInput[] = [];
  check.array(root, 'institutions', '').forEach((item, i) => {
    const path = `institutions[${i}]`;
    const value = check.object(item, path, INSTITUTION_KEYS);
    if (!value) return;
    const institution: InstitutionInput = { row: path };
    for (const key of INSTITUTION_KEYS) {
      const v = check.string(value, key, path);
      if (v !== undefined) institution[key] = v;
    }
    institutions.push(institution);
  });
  const networks: NetworkInput[] = [];
  check.array(root, 'networks', '').forEach((item, i) => {
    const path = `networks[${i}]`;
    const value = check.object(item, path, NETWORK_KEYS);
    if (!value) return;
    const members: MemberInput[] = [];
    check.array(value, 'members', path).forEach((m, j) => {
      const memberPath = `${path}.members[${j}]`;
      const member = check.object(m, memberPath, MEMBER_KEYS);
      if (!member) return;
      const ref = check.string(member, 'institution', memberPath);
      members.push(
        compact({
          row: memberPath,
          institution: ref ? { ref } : undefined,
          role: check.string(member, 'role', memberPath),
          from: check.string(member, 'from', memberPath),
        }),
      );
    });
    const anchor = check.string(value, 'anchor', path);
    networks.push(
      compact({
        row: path,
        name: check.string(value, 'name', path),
        kind: check.string(value, 'kind', path),
        number: check.string(value, 'number', path),
        description: check.string(value, 'description', path),
        website: check.string(value, 'website', path),
        members,
        anchors: anchor ? [{ row: `${path}.anchor`, institution: { ref: anchor } }] : [],
      }),
    );
  });
  if (check.failed) throw new InvalidInput('the import has invalid fields', check.errors);
  if (institutions.length === 0 && networks.length === 0) {
    throw new InvalidInput('the import is empty', [{ field: 'body', messages: ['name at least one institution or network'] }]);
  }
  return { format: 'json', institutions, networks, problems: [] };
};

// ---- CSV -------------------------------------------------------------------------------------

/** The columns of a CSV import, in the order the template lists them. */
export const CSV_COLUMNS = [
  'fullName',
  'shortName',
  'kind',
  'settlement',
  'externalCode',
  'website',
  'network',
  'networkKind',
  'networkNumber',
  'role',
  'from',
] as const;
type CsvColumn = (typeof CSV_COLUMNS)[number];
const REQUIRED_COLUMNS: CsvColumn[] = ['fullName', 'shortName', 'kind', 'settlement'];

/** CSV: a member's role may also be `anchor`: a member that is the network's anchor. */
export const CSV_ANCHOR_ROLE = 'anchor';

const institutionKey = (i: Pick<InstitutionInput, 'externalCode' | 'shortName' | 'settlement'>): string =>
  i.externalCode ?? `${i.shortName ?? '?'} (${i.settlement ?? '?'})`;

/**
 * Reads a CSV import: one row per institution; a row with `network` filled also makes that
 * institution a member (`role` member, partner or anchor) of the network from `from`. The
 * networks are the distinct (network, networkKind, networkNumber) values. A row that repeats
 * an institution with the same details adds one more membership (say, of another kind).
 */
export const readCsvImport = (body: string): ImportInput => {
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
    if (!(CSV_COLUMNS as readonly string[]).includes(name)) {
      errors.push({ field: name || `column ${i + 1}`, messages: [`unknown column ${JSON.stringify(name)}; the columns are ${CSV_COLUMNS.join(', ')}`] });
    } else if (seen.has(name)) {
      errors.push({ field: name, messages: [`column ${name} appears twice`] });
    }
    seen.add(name);
  });
  for (const column of REQUIRED_COLUMNS) {
    if (!seen.has(column)) errors.push({ field: column, messages: [`the column ${column} is missing`] });
  }
  if (errors.length) throw new InvalidInput('the CSV header is invalid', boundedFieldErrors(errors));
  if (table.records.length === 0) throw new InvalidInput('the import is empty', [{ field: 'body', messages: ['the CSV file has a header but no rows'] }]);

  const institutions: InstitutionInput[] = [];
  const networks = new Map<string, NetworkInput>();
  const problems: RowProblem[] = [];
  /** Institutions by their columns, so that a repeated row adds a membership, not an institution. */
  const byDetails = new Map<string, number>();
  for (const record of table.records) {
    const value = (column: CsvColumn): string | undefined => {
      const index = table.header.indexOf(column);
      return index < 0 ? undefined : text(record.fields[index]);
    };
    const row = record.row;
    const institution: InstitutionInput = compact({
      row,
      fullName: value('fullName'),
      shortName: value('shortName'),
      kind: value('kind'),
      settlement: value('settlement'),
      externalCode: value('externalCode'),
      website: value('website'),
    });
    if (record.fields.length !== table.header.length) {
      problems.push({
        row,
        entity: 'institution',
        key: institutionKey(institution),
        reason: `the row has ${record.fields.length} fields, the header ${table.header.length}; quote values that contain the delimiter`,
      });
      continue;
    }
    const detailsKey = JSON.stringify(INSTITUTION_KEYS.map((k) => institution[k] ?? null));
    let local = byDetails.get(detailsKey);
    const network = value('network');
    if (local === undefined || !network) {
      local = institutions.length;
      institutions.push(institution);
      byDetails.set(detailsKey, local);
    }
    const networkKind = value('networkKind');
    const networkNumber = value('networkNumber');
    const role = value('role');
    const from = value('from');
    if (!network) {
      const stray = ([['networkKind', networkKind], ['networkNumber', networkNumber], ['role', role], ['from', from]] as const).find(([, v]) => v !== undefined);
      if (stray) {
        problems.push({ row, entity: 'membership', key: institutionKey(institution), field: 'network', reason: `network is required when ${stray[0]} is given` });
      }
      continue;
    }
    const networkKey = JSON.stringify([network, networkKind ?? null, networkNumber ?? null]);
    let target = networks.get(networkKey);
    if (!target) {
      target = compact({ row, name: network, kind: networkKind, number: networkNumber, members: [], anchors: [] }) as NetworkInput;
      networks.set(networkKey, target);
    }
    const isAnchor = role === CSV_ANCHOR_ROLE;
    target.members.push(compact({ row, institution: { local }, role: isAnchor ? 'member' : role, from }));
    if (isAnchor) target.anchors.push({ row, institution: { local } });
  }
  return { format: 'csv', institutions, networks: [...networks.values()], problems };
};

/** The content types an import is accepted in. */
export const IMPORT_CONTENT_TYPES = ['application/json', 'text/csv'] as const;

/** Reads an import body by its content type: a string is CSV, anything else JSON. */
export const readImport = (body: unknown, contentType?: string): ImportInput => {
  const media = contentType?.split(';')[0].trim().toLowerCase();
  if (media === 'text/csv' || (media === undefined && typeof body === 'string')) {
    if (typeof body !== 'string') throw new InvalidInput('the CSV body is missing', [{ field: 'body', messages: ['send the CSV file as the body'] }]);
    return readCsvImport(body);
  }
  return readJsonImport(body);
};
