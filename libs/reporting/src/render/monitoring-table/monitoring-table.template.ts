import type { ReportLanguage } from '../../annual-analysis/annual-analysis.model';
import { TABLE_STYLES } from '../docx/table-xml';
import { bullets, cachedByLanguage, heading, p, raw, run, templatePackage, when } from '../docx/template-parts';

/**
 * The monitoring table's built-in DOCX: a docxtemplater template over the fields of
 * `MonitoringTable` (`{title}`, `{labels.topics}`, `{#unplaced}{text}, {when}{/unplaced}`,
 * `{basis.reportDateText}`) and its two tables as laid out (`{@table.topics}`, `{@table.counts}`:
 * a year is a column, so the columns are as many as the table's years, which a template's row
 * cannot loop over). A4 landscape, the shared styles and margins, tables in 11 pt.
 */
export const monitoringTableDocxTemplate: (language: ReportLanguage) => Buffer = cachedByLanguage((language) =>
  templatePackage({ language, body: body(), orientation: 'landscape', styles: TABLE_STYLES }),
);

const body = (): string =>
  [
    p('Title', run('{title}')),
    when('table.topics', heading('{labels.topics}'), raw('table.topics')),
    when('table.counts', heading('{labels.counts}'), raw('table.counts')),
    when('unplaced.length', heading('{labels.unplaced}'), bullets('unplaced', '{text}, {when}')),
    p('SignatureSpace'),
    p('Signature', run('{basis.reportDateText}')),
  ].join('');
