import type { ReportLanguage } from '../../annual-analysis/annual-analysis.model';
import { TAB, bullets, cachedByLanguage, chart, heading, listSection, numbered, p, run, tag, templatePackage, when } from './template-parts';

export { LANGUAGE_TAGS, languageTag } from './template-parts';

/**
 * The built-in DOCX layout of the annual analysis: a docxtemplater template over the fields of
 * `AnnualAnalysis` itself, so the placeholders a department's own template uses are the ones
 * this one does (`{title}`, `{#eventsHeld}{number}. {text}{/eventsHeld}`, `{labels.goal}`…; the
 * list in docs/reporting.md, "Rendering"). It is built here from its XML, not kept as a binary.
 *
 * The layout follows the seeds: the title and the anchor, centred; the theme, the composition and
 * how it changed, the goal, tasks, kinds of activity, projects and agreements; the events held as
 * a numbered list, the items not held, the plan's fulfilment, participation and events by kind
 * (each with its chart), cooperation outside the network, the department's own sections; the
 * per-task results, conclusions, assessment, problems, next year's tasks; the signature block.
 * Every section sits in a condition on its content (`{#changes.length}` … `{/changes.length}`),
 * so one with nothing to say is left out, heading and all.
 *
 * A4, Times New Roman 14 pt, margins 3 / 1.5 / 2 / 2 cm, page numbers in the footer. The three
 * built-in templates (uk, ru, en) differ only in the language the text is marked with (spelling
 * and hyphenation in Word and LibreOffice); the words come from the model.
 */
export const builtInDocxTemplate: (language: ReportLanguage) => Buffer = cachedByLanguage((language) =>
  templatePackage({ language, body: body(), orientation: 'portrait' }),
);

// ── the body ────────────────────────────────────────────────────────────────

const body = (): string =>
  [
    p('Title', run('{title}')),
    when('anchor', p('Subtitle', run('{text}'))),
    when('plan.theme', heading('{labels.theme}'), p(null, run('{plan.theme}'))),
    when('composition.text', p(null, run('{composition.text}'))),
    listSection('changes', 'changes', bullets('changes')),
    when(
      'plan',
      when('goal', heading('{labels.goal}'), p(null, run('{goal}'))),
      listSection('tasks', 'tasks', numbered('tasks')),
      listSection('activityKinds', 'activityKinds', bullets('activityKinds', '{.}')),
      listSection('projects', 'projects', bullets('projects')),
      listSection('agreements', 'agreements', bullets('agreements')),
    ),
    listSection('eventsHeld', 'eventsHeld', numbered('eventsHeld')),
    listSection('notHeld', 'notHeld', bullets('notHeld')),
    chart('fulfilment'),
    listSection('participation', 'participation', bullets('participation') + chart('participation-by-category')),
    listSection('eventsByKind', 'eventsByKind', bullets('eventsByKind') + chart('events-by-kind')),
    listSection('outside', 'outside', bullets('outside')),
    listSection('publications', 'publications', bullets('publications')),
    when('sections', when('text', heading('{title}'), p(null, run('{text}')))),
    when(
      'closing',
      listSection('taskResults', 'taskResults', numbered('taskResults')),
      when('conclusions', heading('{labels.conclusions}'), p(null, run('{conclusions}'))),
      when('assessment.text', heading('{labels.assessment}'), p(null, run('{assessment.text}'))),
      listSection('problems', 'problems', bullets('problems', '{.}')),
      // Next year's heading is its own title ("Завдання на 2020/2021 навчальний рік"), else the label.
      when(
        'nextYear',
        heading('{title}{^title}{labels.nextYear}{/title}'),
        when('goal', p('Heading2', run('{labels.goal}')), p(null, run('{goal}'))),
        when('tasks.length', when('tasks', p('ListNumbered', run('{$number}.'), TAB, run('{.}')))),
      ),
    ),
    signature(),
  ].join('');

const signature = (): string => {
  const none = '<w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/>';
  return (
    p('SignatureSpace') +
    '<w:tbl><w:tblPr><w:tblW w:w="9355" w:type="dxa"/><w:tblBorders>' + none + '</w:tblBorders><w:tblLayout w:type="fixed"/>' +
    '<w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar><w:tblLook w:val="0000"/></w:tblPr>' +
    '<w:tblGrid><w:gridCol w:w="6000"/><w:gridCol w:w="3355"/></w:tblGrid><w:tr>' +
    '<w:tc><w:tcPr><w:tcW w:w="6000" w:type="dxa"/></w:tcPr>' +
    p('Signature', run('{signature.position}{^signature.position}{labels.signature}{/signature.position}')) +
    '</w:tc><w:tc><w:tcPr><w:tcW w:w="3355" w:type="dxa"/><w:vAlign w:val="bottom"/></w:tcPr>' +
    p('SignatureName', run('{signature.name}')) +
    '</w:tc></w:tr></w:tbl>' +
    p('Signature', run('{signature.dateText}'))
  );
};
