import Docxtemplater from 'docxtemplater';
import InspectModule from 'docxtemplater/js/inspect-module';
import PizZip from 'pizzip';
import type { ReportKind } from '../report/report.events';
import { FieldGroup, FieldNode, RAW_XML_ROOTS, fieldsOf } from './template-fields';

/*
 * A department's DOCX template checked before it is recorded (docs/reporting.md, "Department
 * templates"): a DOCX docxtemplater can read, with the options the renderer fills it with, and
 * every tag in it naming a field of the kind's data model, looked up as `fillDocxTemplate` looks
 * it up (in the innermost loop's item first, then outwards). Each fault is one entry, with its
 * tag, so a department fixes them all at once. Pure: bytes in, the verdict out.
 */

/** The largest template taken, in bytes: the body's limit on its route (the platform's `DOCX_BODY_LIMIT`). */
export const MAX_TEMPLATE_BYTES = 5 * 1024 * 1024;
/** The most its parts may unpack to, in bytes: more is refused before anything is parsed. */
export const MAX_TEMPLATE_UNPACKED_BYTES = 50 * 1024 * 1024;

/** One fault of a template: the tag (as written, with its braces; null for the file as a whole), the part of the package it is in, and why. */
export interface TemplateFault {
  tag: string | null;
  part: string | null;
  message: string;
}

export type TemplateVerdict =
  | { valid: true; placeholders: string[] }
  | { valid: false; faults: TemplateFault[]; readable: boolean };

/** Docxtemplater's part of a template: a tag, and for a loop the tags inside it. */
interface Part {
  type: string;
  value: string;
  module?: string;
  inverted?: boolean;
  raw?: string;
  subparsed?: Part[];
}

const MAX_FAULTS = 100;

const fault = (tag: string | null, part: string | null, message: string): TemplateFault => ({ tag, part, message });

const unpackedSize = (zip: PizZip): number =>
  Object.values(zip.files).reduce((sum, file) => sum + Number((file as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0), 0);

/** The errors that say the file is no DOCX docxtemplater can read (400), not that a tag is wrong (422). */
const UNREADABLE = new Set(['filetype_not_identified', 'filetype_not_handled', 'malformed_xml', 'file_has_invalid_xml']);

/** What docxtemplater says of a template it cannot compile, one fault per error, each with its tag as written where it names one. */
const compileFaults = (error: unknown): { faults: TemplateFault[]; readable: boolean } => {
  type XtError = { message?: string; properties?: { id?: string; explanation?: string; xtag?: string; closingtag?: string; file?: string } };
  const errors = (error as { properties?: { errors?: XtError[] } })?.properties?.errors;
  const list: XtError[] = Array.isArray(errors) && errors.length > 0 ? errors : [error as XtError];
  const written = (e: XtError): string | null => {
    const { id, xtag, closingtag } = e.properties ?? {};
    if (id === 'closing_tag_does_not_match_opening_tag' && closingtag !== undefined) return `{/${closingtag}}`;
    if (xtag === undefined) return null;
    if (id === 'unclosed_loop') return `{#${xtag}}`;
    if (id === 'unopened_loop') return `{/${xtag}}`;
    if (id === 'raw_xml_tag_should_be_only_text_in_paragraph' || id === 'raw_tag_outerxml_invalid') return `{@${xtag}}`;
    return `{${xtag}}`;
  };
  const faults = list.map((e) => {
    const message =
      e.properties?.id === 'filetype_not_identified'
        ? 'the file is a zip archive but not a DOCX document (no word/document.xml)'
        : (e.properties?.explanation ?? e.message ?? String(e));
    return fault(written(e), e.properties?.file ?? null, message);
  });
  return { faults, readable: !list.some((e) => UNREADABLE.has(e.properties?.id ?? '')) };
};

/**
 * Reads a template and lists its tags, or says why it cannot: not a zip, not a DOCX, a tag
 * docxtemplater cannot compile (unclosed, unopened, a loop closed by another, a raw tag with
 * text beside it).
 */
const parse = (bytes: Uint8Array): { parts: Array<Part & { file: string }> } | { faults: TemplateFault[]; readable: boolean } => {
  const unreadable = (message: string) => ({ faults: [fault(null, null, message)], readable: false });
  if (bytes.length === 0) return unreadable('the template is empty; send the DOCX file');
  if (bytes.length > MAX_TEMPLATE_BYTES) return unreadable(`the template is larger than ${MAX_TEMPLATE_BYTES} bytes`);
  let zip: PizZip;
  try {
    zip = new PizZip(bytes);
  } catch {
    return unreadable('the file is not a DOCX document: it is not a zip archive (save it from Word or LibreOffice as .docx)');
  }
  if (unpackedSize(zip) > MAX_TEMPLATE_UNPACKED_BYTES) return unreadable(`the template unpacks to more than ${MAX_TEMPLATE_UNPACKED_BYTES} bytes`);
  const inspect = new InspectModule();
  let doc: Docxtemplater;
  try {
    // The options the renderer fills templates with (render/docx/docx-template.ts), so what passes here compiles there.
    doc = new Docxtemplater(zip, { paragraphLoop: true, linebreaks: true, stripInvalidXMLChars: true, errorLogging: false, modules: [inspect] });
  } catch (error) {
    return compileFaults(error);
  }
  if ((doc as unknown as { fileType?: string }).fileType !== 'docx') {
    return unreadable('the file is not a DOCX document (a spreadsheet or a presentation?)');
  }
  const parts: Array<Part & { file: string }> = [];
  for (const [file, inspected] of Object.entries(inspect.fullInspected)) {
    void inspected;
    for (const part of inspect.getStructuredTags(file) as unknown as Part[]) parts.push({ ...part, file });
  }
  return { parts };
};

/** What a name is looked up in: a group of fields, a list's item, or a value (a condition's, or a list of texts' item). */
type Scope = { node: FieldNode };

const isGroup = (node: FieldNode): node is FieldGroup => typeof node === 'object' && !Array.isArray(node);
const isList = (node: FieldNode): node is readonly [FieldNode] => Array.isArray(node);

/** The field a path names from a node: `a.b.c`, a list's `length` (a number) or its item by index (`tasks.0`). */
const resolve = (from: FieldNode, path: readonly string[]): FieldNode | undefined => {
  let node: FieldNode | undefined = from;
  for (const key of path) {
    if (node === undefined) return undefined;
    if (isList(node)) node = key === 'length' ? true : /^(0|[1-9]\d{0,5})$/.test(key) ? node[0] : undefined;
    else if (isGroup(node)) node = Object.hasOwn(node, key) ? node[key] : undefined;
    else return undefined;
  }
  return node;
};

/** The closest name to a mistyped one among a group's fields (at most two letters off), for the message. */
const suggestion = (scopes: readonly Scope[], path: readonly string[]): string | undefined => {
  const distance = (a: string, b: string): number => {
    const row = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
      let previous = row[0];
      row[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const here = row[j];
        row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
        previous = here;
      }
    }
    return row[b.length];
  };
  for (const scope of [...scopes].reverse()) {
    // The longest prefix that resolves, then the closest field of what it names.
    for (let known = path.length - 1; known >= 0; known--) {
      const parent = resolve(scope.node, path.slice(0, known));
      const group = parent && isList(parent) ? parent[0] : parent;
      if (!group || !isGroup(group)) continue;
      const wanted = path[known];
      if (Object.hasOwn(group, wanted)) break;
      const best = Object.keys(group)
        .map((name) => ({ name, d: distance(wanted.toLowerCase(), name.toLowerCase()) }))
        .filter((c) => c.d <= Math.min(2, Math.floor(wanted.length / 2)))
        .sort((a, b) => a.d - b.d)[0];
      if (best) return [...path.slice(0, known), best.name].join('.');
      break;
    }
  }
  return undefined;
};

/**
 * Checks a DOCX template for a kind of report. Valid: the tags it has (each once, as written
 * without braces, in order: `title`, `#eventsHeld`, `@chartImage.fulfilment`…). Invalid: one
 * fault per bad tag, and `readable` false when the file itself is not a template (not a zip,
 * not a DOCX, too large).
 */
export const validateDocxTemplate = (bytes: Uint8Array, kind: ReportKind): TemplateVerdict => {
  const parsed = parse(bytes);
  if ('faults' in parsed) return { valid: false, faults: parsed.faults.slice(0, MAX_FAULTS), readable: parsed.readable };
  const root: Scope = { node: fieldsOf(kind) };
  const faults: TemplateFault[] = [];
  const placeholders: string[] = [];
  const seen = new Set<string>();

  const visit = (parts: readonly Part[], scopes: readonly Scope[], file: string): void => {
    for (const part of parts) {
      if (part.type !== 'placeholder') continue;
      const name = part.value.trim();
      const kindOf = part.module === 'loop' ? (part.inverted ? '^' : '#') : part.module === 'rawxml' ? '@' : '';
      const written = `{${kindOf}${part.value}}`;
      const listed = `${kindOf}${name}`;
      if (!seen.has(listed)) {
        seen.add(listed);
        placeholders.push(listed);
      }
      const problem = (message: string) => faults.push(fault(written, file, message));
      const inLoop = scopes.length > 1;

      let found: FieldNode | undefined;
      let foundAtRoot = false;
      if (name === '.' || name === '$number') {
        if (!inLoop) problem(`\`${name}\` is ${name === '.' ? 'the item of a list' : 'an item’s number in its list'}: use it inside a loop ({#list}…{/list})`);
        else if (name === '.' && isGroup(scopes[scopes.length - 1].node)) problem('`.` is the item itself, here a group of fields: name one of its fields instead');
        else if (kindOf === '@') problem(`raw XML is allowed only for ${RAW_XML_ROOTS.map((r) => `${r}.*`).join(' and ')}`);
        if (part.subparsed) visit(part.subparsed, [...scopes, { node: true }], file);
        continue;
      }
      const path = name.split('.');
      if (name === '' || path.some((key) => key === '')) {
        problem('an empty name; a tag names a field, as `{title}` or `{plan.goal}`');
        if (part.subparsed) visit(part.subparsed, [...scopes, { node: true }], file);
        continue;
      }
      for (let i = scopes.length - 1; i >= 0; i--) {
        found = resolve(scopes[i].node, path);
        if (found !== undefined) {
          foundAtRoot = i === 0;
          break;
        }
      }
      const raw = foundAtRoot && (RAW_XML_ROOTS as readonly string[]).includes(path[0]);

      if (found === undefined) {
        const near = suggestion(scopes, path);
        problem(`unknown field \`${name}\`${near ? `; did you mean \`${near}\`?` : ''}`);
      } else if (kindOf === '@' && !(raw && path.length === 2)) {
        problem(`raw XML is allowed only for ${RAW_XML_ROOTS.map((r) => `${r}.*`).join(' and ')}; \`${name}\` is text: write {${name}}`);
      } else if (kindOf === '' && raw) {
        problem(`\`${name}\` is raw XML (a ${path[0] === 'table' ? 'table' : 'chart'}): insert it with {@${name}}, alone in its paragraph`);
      } else if (kindOf === '' && isGroup(found)) {
        problem(`\`${name}\` is a group of fields, not a text: name one of them, or open it with {#${name}}…{/${name}}`);
      } else if (kindOf === '' && isList(found) && !(found[0] === true)) {
        problem(`\`${name}\` is a list: print its items with {#${name}}…{/${name}}`);
      }

      if (part.subparsed) {
        // Inside a loop names are looked up in its item first: a list's item, a group itself; a condition on a value (or an inverted one) looks outwards only.
        const inner: FieldNode = found === undefined || kindOf === '^' ? true : isList(found) ? found[0] : found;
        visit(part.subparsed, [...scopes, { node: inner }], file);
      }
    }
  };

  for (const part of parsed.parts) visit([part], [root], part.file);
  return faults.length > 0 ? { valid: false, faults: faults.slice(0, MAX_FAULTS), readable: true } : { valid: true, placeholders };
};
