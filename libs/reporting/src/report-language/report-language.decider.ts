import { Decider, FieldError, InvalidInput, RuleViolated, assertNever } from '@app/kernel';
import { REPORT_LANGUAGES, ReportLanguage, ReportLanguageEvent } from './report-language.events';

export * from './report-language.events';

/*
 * A department's report language: what a report, a batch or a schedule is written in when its
 * request names no language (docs/reporting.md, "The department's language"). One small
 * aggregate per department, its stream `ReportLanguage-<department>`; each change records the
 * language, so the last event is the setting. Until a department sets one it has none, and a
 * request must name its language.
 */

/** What a request that names no language is told while its department has set none (`parameters.language`, or a schedule's `language`). */
export const languageNotSet = (field: string): FieldError => ({
  field,
  messages: ['language must be given (uk, ru or en) while the department has set none: give one, or set the department’s with PUT /department/report-language'],
});

/** The language as given (checked here again: the body is plain data). */
export type SetReportLanguage = { type: 'SetReportLanguage'; data: { department: string; language: unknown } };

/** The language the department set; null while it has none. */
export type ReportLanguageState = { language: ReportLanguage | null };

export const reportLanguageDecider: Decider<ReportLanguageState, SetReportLanguage, ReportLanguageEvent> = {
  initialState: () => ({ language: null }),
  evolve: (state, event) => {
    switch (event.type) {
      case 'ReportLanguageSet':
        return { language: event.data.language };
      default:
        return assertNever(event.type);
    }
  },
  decide: (command, state) => {
    const { language } = command.data;
    if (!REPORT_LANGUAGES.includes(language as never)) {
      throw new InvalidInput('the report language is invalid', [{ field: 'language', messages: [`language must be one of ${REPORT_LANGUAGES.join(', ')}`] }]);
    }
    if (state.language === language) throw new RuleViolated('nothing-to-change', `the department’s reports are written in ${language} already`);
    return [{ type: 'ReportLanguageSet', data: { department: command.data.department, language: language as ReportLanguage, previous: state.language } }];
  },
};
