import { InvalidInput, RuleViolated, describeEvent, fold, idsConcerned } from '@app/kernel';
import { DeciderSpecification } from '@app/testing/decider-specification';
import { ReportLanguageSet, SetReportLanguage, reportLanguageDecider, reportLanguageEvents, reportLanguageStream } from './report-language.decider';

const spec = DeciderSpecification.for(reportLanguageDecider);
const code = (expected: string) => (error: Error) => expect((error as RuleViolated).code).toBe(expected);
const fields = (...expected: string[]) => (error: Error) => expect((error as InvalidInput).errors.map((e) => e.field)).toEqual(expected);

const set = (language: unknown, department = 'bakhmut'): SetReportLanguage => ({ type: 'SetReportLanguage', data: { department, language } });
const languageSet = (language: ReportLanguageSet['data']['language'], previous: ReportLanguageSet['data']['previous'] = null): ReportLanguageSet => ({
  type: 'ReportLanguageSet',
  data: { department: 'bakhmut', language, previous },
});

describe('a department’s report language', () => {
  it('is none until the department sets one', () => {
    expect(fold(reportLanguageDecider, [])).toEqual({ language: null });
    expect(fold(reportLanguageDecider, [languageSet('uk'), languageSet('ru', 'uk')])).toEqual({ language: 'ru' });
  });

  it('is set to Ukrainian, Russian or English, with the language it replaced', () => {
    spec.given([]).when(set('uk')).then([languageSet('uk')]);
    spec.given([languageSet('uk')]).when(set('ru')).then([languageSet('ru', 'uk')]);
    spec.given([languageSet('uk'), languageSet('ru', 'uk')]).when(set('en')).then([languageSet('en', 'ru')]);
  });

  it('refuses setting the language it already is (422 nothing-to-change)', () => {
    spec.given([languageSet('uk')]).when(set('uk')).thenThrows(RuleViolated, code('nothing-to-change'));
    spec.given([languageSet('uk'), languageSet('ru', 'uk')]).when(set('ru')).thenThrows(RuleViolated, code('nothing-to-change'));
  });

  it('refuses any other language, field by field (language)', () => {
    for (const bad of ['de', 'UK', ' uk', '', null, undefined, 7, ['uk']]) spec.given([]).when(set(bad)).thenThrows(InvalidInput, fields('language'));
  });

  it('is recorded on the department’s own stream, concerns the department and is described in uk/ru/en', () => {
    expect(reportLanguageStream('bakhmut')).toBe('ReportLanguage-bakhmut');
    const [event] = reportLanguageDecider.decide(set('ru'), fold(reportLanguageDecider, []));
    expect(idsConcerned(reportLanguageEvents, event, 'department')).toEqual(['bakhmut']);
    expect(describeEvent(reportLanguageEvents, event)).toEqual({ uk: 'Встановлено мову звітів: російська', ru: 'Установлен язык отчетов: русский', en: 'Report language set: Russian' });
  });
});
