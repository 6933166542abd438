import type { ReportLanguage } from '../../annual-analysis/annual-analysis.model';
import { TABLE_STYLES } from '../docx/table-xml';
import { cachedByLanguage, chart, heading, p, raw, run, templatePackage, when } from '../docx/template-parts';

/**
 * The department summary's built-in DOCX: a docxtemplater template over the fields of
 * `DepartmentSummary` (`{title}`, `{labels.eventsHeld}`, `{basis.reportDateText}`), its tables as
 * laid out (`{@table.networks}`, `{@table.eventsByKind}`, `{@table.participationByCategory}`,
 * `{@table.planStatuses}`: figures printed for the language, the same as in HTML and Markdown)
 * and its charts (`{@chartImage.fulfilment}`, `{@chartImage.events-by-kind}`). Each part sits in
 * a condition on its table, so a part the layout left out is left out here too. A4 landscape.
 */
export const departmentSummaryDocxTemplate: (language: ReportLanguage) => Buffer = cachedByLanguage((language) =>
  templatePackage({ language, body: body(), orientation: 'landscape', styles: TABLE_STYLES }),
);

const body = (): string =>
  [
    p('Title', run('{title}')),
    when('table.networks', raw('table.networks'), chart('fulfilment')),
    when('table.eventsByKind', heading('{labels.eventsHeld}'), raw('table.eventsByKind'), chart('events-by-kind')),
    when('table.participationByCategory', heading('{labels.participants}'), raw('table.participationByCategory')),
    when('table.planStatuses', heading('{labels.plan}'), raw('table.planStatuses')),
    p('SignatureSpace'),
    p('Signature', run('{basis.reportDateText}')),
  ].join('');
