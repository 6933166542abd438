import type { ReportLanguage } from '../../annual-analysis/annual-analysis.model';
import { TAB, bullets, cachedByLanguage, listSection, p, run, templatePackage, when } from '../docx/template-parts';

/**
 * The institution profile's built-in DOCX: a docxtemplater template over the fields of
 * `InstitutionProfile` (`{title}`, `{institution.text}`, `{#names}{text}{/names}`,
 * `{#networks}{text}{/networks}`, `{basis.periodText}`, `{#hosted}{$number}. {text}{/hosted}`,
 * `{#tookPart}…{/tookPart}`, `{#eventsByKind}{text}{/eventsByKind}`, `{basis.reportDateText}`),
 * the parts in the layout's order, each list's heading in a condition on its list. A4 upright,
 * the annual analysis's page and styles.
 */
export const institutionProfileDocxTemplate: (language: ReportLanguage) => Buffer = cachedByLanguage((language) =>
  templatePackage({ language, body: body(), orientation: 'portrait' }),
);

const numberedEvents = (list: string): string => when(list, p('ListNumbered', run('{$number}.'), TAB, run('{text}')));

const body = (): string =>
  [
    p('Title', run('{title}')),
    when('institution.text', p('Subtitle', run('{institution.text}'))),
    listSection('names', 'names', bullets('names')),
    listSection('networks', 'networks', bullets('networks')),
    when('basis.periodText', p(null, run('{basis.periodText}'))),
    listSection('hosted', 'hosted', numberedEvents('hosted')),
    listSection('tookPart', 'tookPart', numberedEvents('tookPart')),
    listSection('eventsByKind', 'eventsByKind', bullets('eventsByKind')),
    p('SignatureSpace'),
    p('Signature', run('{basis.reportDateText}')),
  ].join('');
