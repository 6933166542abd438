import { EventContracts, REPORTING_PERIOD_KINDS, ReportingPeriodKind, streamName } from '@app/kernel';
import type { ReportFormat, ReportLanguage } from '../report/report.events';

/*
 * A department's report schedule (docs/reporting.md, "Schedules"): at each slot of a cron
 * expression read in a time zone, a batch of every network's annual analysis for the period
 * that slot covers. One aggregate per schedule, its stream `ReportSchedule-<schedule id>`; each
 * change records the whole schedule, so the last `ReportScheduleSet` is the schedule, until it
 * is removed.
 */

/** Stream of one report schedule (`ReportSchedule-<schedule id>`). */
export const reportScheduleStream = (scheduleId: string): string => streamName('ReportSchedule', scheduleId);

/** The kinds of report a schedule asks for: the batch of annual analyses. */
export const SCHEDULED_REPORTS = ['annual-analysis'] as const;
export type ScheduledReport = (typeof SCHEDULED_REPORTS)[number];

/** The formats the annual analysis is made in (PDF where LibreOffice is installed, as a batch finds at each run). */
export const SCHEDULE_FORMATS = ['docx', 'pdf', 'html', 'markdown', 'json'] as const satisfies readonly ReportFormat[];

export { REPORTING_PERIOD_KINDS };

/** A schedule as it is set: what each of its runs asks for, and when it runs. */
export interface ReportScheduleSpec {
  /** What the department calls it ("Аналізи за навчальний рік"); null: none. */
  name: string | null;
  /** Five fields (minute hour day month weekday), or six with seconds first; `0 6 25 10 *`: every 25 October at 06:00. */
  cron: string;
  /** The IANA time zone the cron is read in, and the slot's day is taken in (`Europe/Kyiv`). */
  timeZone: string;
  report: ScheduledReport;
  /** Which networks and which period: those reporting by academic years and the last academic year ended by the slot's day, or by calendar years and the last calendar year. */
  periodKind: ReportingPeriodKind;
  /** The language its batches are written in; null: the department's at each slot (`PUT /department/report-language`). */
  language: ReportLanguage | null;
  format: ReportFormat;
}

/** A schedule set: made (`previous` null) or changed as a whole. */
export type ReportScheduleSet = {
  type: 'ReportScheduleSet';
  data: ReportScheduleSpec & { scheduleId: string; department: string; previous: ReportScheduleSpec | null };
};

/** A schedule removed: it runs no more; the batches it made stay. */
export type ReportScheduleRemoved = { type: 'ReportScheduleRemoved'; data: { scheduleId: string; department: string } };

export type ReportScheduleEvent = ReportScheduleSet | ReportScheduleRemoved;

const named = (name: string | null, quote: [string, string]) => (name ? ` ${quote[0]}${name}${quote[1]}` : '');

/** What the platform knows of each schedule event. */
export const reportScheduleEvents: EventContracts<ReportScheduleEvent> = {
  ReportScheduleSet: {
    effectiveOn: () => null,
    concerns: (d) => [{ kind: 'department', id: d.department }],
    describe: (d) => ({
      uk: `${d.previous ? 'Змінено' : 'Встановлено'} розклад звітів${named(d.name, ['«', '»'])}: ${d.cron} (${d.timeZone})`,
      ru: `${d.previous ? 'Изменено' : 'Установлено'} расписание отчетов${named(d.name, ['«', '»'])}: ${d.cron} (${d.timeZone})`,
      en: `Report schedule${named(d.name, ['"', '"'])} ${d.previous ? 'changed' : 'set'}: ${d.cron} (${d.timeZone})`,
    }),
  },
  ReportScheduleRemoved: {
    effectiveOn: () => null,
    concerns: (d) => [{ kind: 'department', id: d.department }],
    describe: () => ({ uk: 'Розклад звітів вилучено', ru: 'Расписание отчетов удалено', en: 'Report schedule removed' }),
  },
};
