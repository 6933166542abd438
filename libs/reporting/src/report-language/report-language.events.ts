import { EventContracts, streamName } from '@app/kernel';
import type { ReportLanguage } from '../report/report.events';

// The report's languages; the decider reads them through this file.
export { REPORT_LANGUAGES } from '../report/report.events';
export type { ReportLanguage } from '../report/report.events';

/** Stream of a department's report language (`ReportLanguage-<department>`): one event per change, each the language then. */
export const reportLanguageStream = (department: string): string => streamName('ReportLanguage', department);

/**
 * The language a department's reports are written in when a request names none (docs/reporting.md,
 * "The department's language"); `previous` the one it replaced, null while the department had
 * none. It applies to requests from then on: a report keeps the language its request recorded.
 */
export type ReportLanguageSet = {
  type: 'ReportLanguageSet';
  data: { department: string; language: ReportLanguage; previous: ReportLanguage | null };
};

/** Every event of a department's report-language stream. */
export type ReportLanguageEvent = ReportLanguageSet;

/** Each language's name, in each language. */
const NAMES: Record<ReportLanguage, Record<ReportLanguage, string>> = {
  uk: { uk: 'українська', ru: 'украинский', en: 'Ukrainian' },
  ru: { uk: 'російська', ru: 'русский', en: 'Russian' },
  en: { uk: 'англійська', ru: 'английский', en: 'English' },
};

/** What the platform knows of each report-language event. */
export const reportLanguageEvents: EventContracts<ReportLanguageEvent> = {
  ReportLanguageSet: {
    // Requests from now on are written in it; a report asked for before keeps its recorded language.
    effectiveOn: () => null,
    concerns: (d) => [{ kind: 'department', id: d.department }],
    describe: (d) => ({
      uk: `Встановлено мову звітів: ${NAMES[d.language].uk}`,
      ru: `Установлен язык отчетов: ${NAMES[d.language].ru}`,
      en: `Report language set: ${NAMES[d.language].en}`,
    }),
  },
};
