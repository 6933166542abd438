import { InvalidInput, NotFound, RuleViolated, describeEvent, idsConcerned } from '@app/kernel';
import { DeciderSpecification } from '@app/testing/decider-specification';
import { ReportScheduleRemoved, ReportScheduleSet, ReportScheduleSpec, reportScheduleDecider, reportScheduleEvents, reportScheduleStream } from './report-schedule.decider';

const spec = DeciderSpecification.for(reportScheduleDecider);
const ID = '0b7c3e52-5a4e-4c57-9d0e-3f1a2b3c4d5e';
const code = (expected: string) => (error: Error) => expect((error as RuleViolated).code).toBe(expected);
const fields = (...expected: string[]) => (error: Error) => expect((error as InvalidInput).errors.map((e) => e.field)).toEqual(expected);

/** Every 25 October at 06:00 in Kyiv: last academic year's analyses, in Ukrainian, as DOCX. */
const KYIV: ReportScheduleSpec = { name: 'Аналізи за навчальний рік', cron: '0 6 25 10 *', timeZone: 'Europe/Kyiv', report: 'annual-analysis', periodKind: 'academic-year', language: 'uk', format: 'docx' };
const set = (given: unknown, create = true, department = 'bakhmut') => ({ type: 'SetReportSchedule' as const, data: { scheduleId: ID, department, create, given } });
const remove = (department = 'bakhmut') => ({ type: 'RemoveReportSchedule' as const, data: { scheduleId: ID, department } });
const scheduleSet = (s: ReportScheduleSpec = KYIV, previous: ReportScheduleSpec | null = null): ReportScheduleSet => ({ type: 'ReportScheduleSet', data: { scheduleId: ID, department: 'bakhmut', ...s, previous } });
const removed: ReportScheduleRemoved = { type: 'ReportScheduleRemoved', data: { scheduleId: ID, department: 'bakhmut' } };

describe('a report schedule', () => {
  it('is made with its cron, time zone and what each run asks for', () => {
    spec.given([]).when(set(KYIV)).then([scheduleSet()]);
  });

  it('is kept in its one form: texts trimmed, the cron one space apart, DOCX and no name when left out', () => {
    const { name: _name, format: _format, ...bare } = KYIV;
    spec.given([]).when(set({ ...bare, cron: ' 0  6 25 10   * ', timeZone: ' Europe/Kyiv ' })).then([scheduleSet({ ...KYIV, name: null, format: 'docx' })]);
    spec.given([]).when(set({ ...KYIV, name: '  Річні ', format: 'json' })).then([scheduleSet({ ...KYIV, name: 'Річні', format: 'json' })]);
    // Six fields, seconds first, as both queues read them.
    spec.given([]).when(set({ ...KYIV, cron: '*/3 * * * * *' })).then([scheduleSet({ ...KYIV, cron: '*/3 * * * * *' })]);
  });

  it('is made without a language when the department has one: each run is written in the department’s then (language null); without either, 400 language', () => {
    const { language: _language, ...bare } = KYIV;
    const withLanguage = (given: unknown, departmentLanguage: 'uk' | 'ru' | 'en' | null, create = true) => ({ ...set(given, create), data: { ...set(given, create).data, departmentLanguage } });
    spec.given([]).when(withLanguage(bare, 'ru')).then([scheduleSet({ ...KYIV, language: null })]);
    spec.given([]).when(withLanguage({ ...bare, language: null }, 'ru')).then([scheduleSet({ ...KYIV, language: null })]);
    spec.given([scheduleSet()]).when(withLanguage(bare, 'uk', false)).then([scheduleSet({ ...KYIV, language: null }, KYIV)]);
    spec.given([]).when(withLanguage(bare, null)).thenThrows(InvalidInput, fields('language'));
    spec.given([]).when(set(bare)).thenThrows(InvalidInput, fields('language'));
    spec.given([]).when(withLanguage({ ...bare, language: 'de' }, 'uk')).thenThrows(InvalidInput, fields('language'));
  });

  it('refuses a bad cron, zone, kind of report or period, language, format or name, field by field (400)', () => {
    spec.given([]).when(set({ ...KYIV, cron: '0 6 32 10 *' })).thenThrows(InvalidInput, fields('cron'));
    spec.given([]).when(set({ ...KYIV, cron: '0 6 25' })).thenThrows(InvalidInput, fields('cron'));
    spec.given([]).when(set({ ...KYIV, cron: '* * * * * * *' })).thenThrows(InvalidInput, fields('cron'));
    spec.given([]).when(set({ ...KYIV, cron: 7 })).thenThrows(InvalidInput, fields('cron'));
    spec.given([]).when(set({ ...KYIV, timeZone: 'Europe/Kiev-on-Dnipro' })).thenThrows(InvalidInput, fields('timeZone'));
    spec.given([]).when(set({ ...KYIV, timeZone: '' })).thenThrows(InvalidInput, fields('timeZone'));
    spec.given([]).when(set({ ...KYIV, report: 'monitoring-table' })).thenThrows(InvalidInput, fields('report'));
    spec.given([]).when(set({ ...KYIV, periodKind: 'quarter', language: 'de', format: 'xlsx', name: ' ' })).thenThrows(InvalidInput, fields('name', 'periodKind', 'language', 'format'));
    spec.given([]).when(set({ ...KYIV, name: 'x'.repeat(201) })).thenThrows(InvalidInput, fields('name'));
    spec.given([]).when(set({ ...KYIV, networkId: 'x' })).thenThrows(InvalidInput, fields('networkId'));
    spec.given([]).when(set(null)).thenThrows(InvalidInput, fields('cron', 'timeZone', 'report', 'periodKind', 'language'));
  });

  it('is changed as a whole, with what it was; the same again is refused (422 nothing-to-change)', () => {
    const calendar = { ...KYIV, periodKind: 'calendar-year' as const, cron: '0 6 15 1 *' };
    spec.given([scheduleSet()]).when(set(calendar, false)).then([scheduleSet(calendar, KYIV)]);
    spec.given([scheduleSet()]).when(set({ ...KYIV, cron: '0  6 25 10 *' }, false)).thenThrows(RuleViolated, code('nothing-to-change'));
  });

  it('is not made twice under one id', () => {
    spec.given([scheduleSet()]).when(set(KYIV)).thenThrows(RuleViolated, code('schedule-exists'));
  });

  it('is removed once; a removed one, an unknown one or another department’s is not found (404)', () => {
    spec.given([scheduleSet()]).when(remove()).then([removed]);
    spec.given([scheduleSet(), removed]).when(remove()).thenThrows(NotFound);
    spec.given([]).when(remove()).thenThrows(NotFound);
    spec.given([scheduleSet()]).when(remove('murygino')).thenThrows(NotFound);
    spec.given([]).when(set(KYIV, false)).thenThrows(NotFound);
    spec.given([scheduleSet(), removed]).when(set(KYIV, false)).thenThrows(NotFound);
    spec.given([scheduleSet()]).when(set({ ...KYIV, language: 'ru' }, false, 'murygino')).thenThrows(NotFound);
  });

  it('is recorded on its own stream, concerns the department and is described in uk/ru/en', () => {
    expect(reportScheduleStream(ID)).toBe(`ReportSchedule-${ID}`);
    expect(idsConcerned(reportScheduleEvents, scheduleSet(), 'department')).toEqual(['bakhmut']);
    expect(describeEvent(reportScheduleEvents, scheduleSet())).toEqual({
      uk: 'Встановлено розклад звітів «Аналізи за навчальний рік»: 0 6 25 10 * (Europe/Kyiv)',
      ru: 'Установлено расписание отчетов «Аналізи за навчальний рік»: 0 6 25 10 * (Europe/Kyiv)',
      en: 'Report schedule "Аналізи за навчальний рік" set: 0 6 25 10 * (Europe/Kyiv)',
    });
    expect(describeEvent(reportScheduleEvents, scheduleSet({ ...KYIV, name: null }, KYIV)).en).toBe('Report schedule changed: 0 6 25 10 * (Europe/Kyiv)');
    expect(describeEvent(reportScheduleEvents, removed).en).toBe('Report schedule removed');
  });
});
