/**
 * What the schedule's decider checks a schedule against, all pure: the cron expressions both
 * queues read (cron-parser's grammar, through the jobs library), IANA time zones (the runtime's
 * `Intl`), and the report's languages and default format.
 */
export { cronProblem, isTimeZone } from '@app/jobs';
export { DEFAULT_REPORT_FORMAT, REPORT_LANGUAGES } from '../report/report.events';
