/**
 * What the schedule's decider checks a schedule against, all pure: the cron expressions both
 * queues read (cron-parser's grammar, through the jobs library), IANA time zones (the runtime's
 * `Intl`), and the report's languages and default format; what a schedule of no language is
 * told while its department has set none.
 */
export { cronProblem, isTimeZone } from '@app/jobs';
export { DEFAULT_REPORT_FORMAT, REPORT_LANGUAGES } from '../report/report.events';
export type { ReportLanguage } from '../report/report.events';
export { languageNotSet } from '../report-language/report-language.decider';
