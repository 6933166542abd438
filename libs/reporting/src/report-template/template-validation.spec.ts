import PizZip from 'pizzip';
import { REPORT_KINDS, REPORT_LANGUAGES, ReportKind, ReportLanguage } from '../report/report.events';
import { builtInDocxTemplate, departmentSummaryDocxTemplate, institutionProfileDocxTemplate, monitoringTableDocxTemplate } from '../render/renderers';
import { p, raw, run, templatePackage, when } from '../render/docx/template-parts';
import { validateDocxTemplate } from './template-validation';

const BUILT_IN: Record<ReportKind, (language: ReportLanguage) => Buffer> = {
  'annual-analysis': builtInDocxTemplate,
  'monitoring-table': monitoringTableDocxTemplate,
  'department-summary': departmentSummaryDocxTemplate,
  'institution-profile': institutionProfileDocxTemplate,
};

/** A template of the paragraphs given, each a line of tags and text. */
const template = (...paragraphs: string[]): Buffer => templatePackage({ language: 'ru', orientation: 'portrait', body: paragraphs.map((text) => p(null, run(text))).join('') });

const faultsOf = (bytes: Uint8Array, kind: ReportKind = 'annual-analysis') => {
  const verdict = validateDocxTemplate(bytes, kind);
  return verdict.valid ? [] : verdict.faults.map((f) => ({ tag: f.tag, message: f.message }));
};

describe('a department template, checked on upload', () => {
  describe('given the built-in templates', () => {
    it.each(REPORT_KINDS.flatMap((kind) => REPORT_LANGUAGES.map((language) => [kind, language] as const)))('passes the %s template in %s (the catalogue covers what the renderer fills)', (kind, language) => {
      const verdict = validateDocxTemplate(BUILT_IN[kind](language), kind);
      expect(verdict).toEqual({ valid: true, placeholders: expect.arrayContaining(['title']) });
    });

    it('lists the tags a template has, each once, loops and raw tags marked', () => {
      const verdict = validateDocxTemplate(monitoringTableDocxTemplate('uk'), 'monitoring-table');
      expect(verdict.valid && verdict.placeholders).toEqual([
        'title',
        '#table.topics',
        'labels.topics',
        '@table.topics',
        '#table.counts',
        'labels.counts',
        '@table.counts',
        '#unplaced.length',
        'labels.unplaced',
        '#unplaced',
        'text',
        'when',
        'basis.reportDateText',
      ]);
    });

    it('refuses a built-in template of another kind, naming each field that kind does not have (inside an unknown loop too)', () => {
      const faults = faultsOf(monitoringTableDocxTemplate('ru'), 'institution-profile');
      expect(faults.map((f) => f.tag)).toEqual(['{#table.topics}', '{labels.topics}', '{@table.topics}', '{#table.counts}', '{labels.counts}', '{@table.counts}', '{#unplaced.length}', '{labels.unplaced}', '{#unplaced}', '{text}', '{when}']);
    });
  });

  describe('when a tag names a field', () => {
    it('takes the model’s fields, a list’s item fields inside its loop and outer fields from inside, {.}, {$number} and .length', () => {
      const bytes = template(
        '{title} — {network.name}, {period.label}',
        '{#plan}{goal} {labels.goal}{/plan}',
        '{#eventsHeld}{$number}. {text} ({#hosts}{name}{/hosts}) {title}{/eventsHeld}',
        '{#plan.activityKinds}{.}{/plan.activityKinds}',
        '{#closing.problems.length}{labels.problems}{/closing.problems.length}{^closing}{labels.conclusions}{/closing}',
        '{plan.activityKinds}',
      );
      expect(faultsOf(bytes)).toEqual([]);
    });

    it('answers each unknown or misspelled field on its own, suggesting the field meant', () => {
      const bytes = template('{titel}', '{plan.gaol}', '{#eventsHeld}{topik} {nope}{/eventsHeld}', '{signature.name.first}');
      expect(faultsOf(bytes)).toEqual([
        { tag: '{titel}', message: 'unknown field `titel`; did you mean `title`?' },
        { tag: '{plan.gaol}', message: 'unknown field `plan.gaol`; did you mean `plan.goal`?' },
        { tag: '{topik}', message: 'unknown field `topik`; did you mean `topic`?' },
        { tag: '{nope}', message: 'unknown field `nope`' },
        { tag: '{signature.name.first}', message: 'unknown field `signature.name.first`' },
      ]);
    });

    it('does not take an item’s field outside its loop, nor another kind’s field', () => {
      expect(faultsOf(template('{topic}'))).toEqual([{ tag: '{topic}', message: 'unknown field `topic`' }]);
      expect(faultsOf(template('{labels.topics}'), 'annual-analysis')).toEqual([{ tag: '{labels.topics}', message: 'unknown field `labels.topics`' }]);
    });

    it('allows raw XML ({@…}) only for chartImage.* and table.*, and those only as raw XML', () => {
      const bytes = templatePackage({
        language: 'ru',
        orientation: 'portrait',
        body: raw('title') + raw('chartImage.fulfilment') + raw('chartImage.nope') + p(null, run('{chartImage.fulfilment}')) + when('chartImage.fulfilment', p(null, run('{labels.eventsHeld}'))),
      });
      expect(faultsOf(bytes)).toEqual([
        { tag: '{@title}', message: 'raw XML is allowed only for chartImage.* and table.*; `title` is text: write {title}' },
        { tag: '{@chartImage.nope}', message: 'unknown field `chartImage.nope`' },
        { tag: '{chartImage.fulfilment}', message: '`chartImage.fulfilment` is raw XML (a chart): insert it with {@chartImage.fulfilment}, alone in its paragraph' },
      ]);
      expect(faultsOf(templatePackage({ language: 'ru', orientation: 'landscape', body: raw('table.topics') }), 'monitoring-table')).toEqual([]);
    });

    it('refuses a group or a list printed as text, and {.} or {$number} outside a loop', () => {
      expect(faultsOf(template('{plan}', '{eventsHeld}', '{.}', '{$number}', '{#eventsHeld}{.}{/eventsHeld}'))).toEqual([
        { tag: '{plan}', message: '`plan` is a group of fields, not a text: name one of them, or open it with {#plan}…{/plan}' },
        { tag: '{eventsHeld}', message: '`eventsHeld` is a list: print its items with {#eventsHeld}…{/eventsHeld}' },
        { tag: '{.}', message: '`.` is the item of a list: use it inside a loop ({#list}…{/list})' },
        { tag: '{$number}', message: '`$number` is an item’s number in its list: use it inside a loop ({#list}…{/list})' },
        { tag: '{.}', message: '`.` is the item itself, here a group of fields: name one of its fields instead' },
      ]);
    });
  });

  describe('when a template cannot be compiled', () => {
    it('answers an unclosed loop, a loop closed by another tag, an unclosed tag and a raw tag beside text', () => {
      expect(faultsOf(template('{#eventsHeld}{text}'))).toEqual([{ tag: '{#eventsHeld}', message: 'The loop with tag "eventsHeld" is unclosed' }]);
      expect(faultsOf(template('{#eventsHeld}{text}{/plan}'))).toEqual([{ tag: '{/plan}', message: 'The tag "eventsHeld" is closed by the tag "plan"' }]);
      expect(faultsOf(template('{text}{/eventsHeld}'))).toEqual([{ tag: '{/eventsHeld}', message: 'The loop with tag "eventsHeld" is unopened' }]);
      // Each a fault of the template's tags (422), not of the file (400).
      expect(validateDocxTemplate(template('{#eventsHeld}{text}{/plan}'), 'annual-analysis')).toMatchObject({ valid: false, readable: true });
      expect(faultsOf(template('{title', '{@chartImage.fulfilment} and text'))).toEqual([
        { tag: '{title}', message: 'The tag beginning with "{title" is unclosed' },
        { tag: '{@chartImage.fulfilment}', message: expect.stringContaining('should be the only text in this paragraph') },
      ]);
    });

    it('says a DOCX whose XML is broken cannot be read (unreadable)', () => {
      const zip = new PizZip(template('{title}'));
      zip.file('word/document.xml', zip.file('word/document.xml')!.asText().slice(0, 300));
      const verdict = validateDocxTemplate(zip.generate({ type: 'nodebuffer' }), 'annual-analysis');
      expect(verdict).toMatchObject({ valid: false, readable: false });
    });

    it('says the file is not a DOCX: not a zip, a zip of something else, empty (unreadable)', () => {
      const other = new PizZip();
      other.file('notes.txt', 'hello');
      for (const bytes of [Buffer.from('not a zip at all'), other.generate({ type: 'nodebuffer' }), Buffer.alloc(0)]) {
        const verdict = validateDocxTemplate(bytes, 'annual-analysis');
        expect(verdict).toEqual({ valid: false, readable: false, faults: [{ tag: null, part: null, message: expect.stringMatching(/not a DOCX|empty/) }] });
      }
    });
  });
});
